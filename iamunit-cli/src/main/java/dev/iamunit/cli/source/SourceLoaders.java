package dev.iamunit.cli.source;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/** The loaders {@code show} knows, asked in order. */
public final class SourceLoaders {

  private final List<SourceLoader> loaders;

  public SourceLoaders(List<SourceLoader> loaders) {
    this.loaders = List.copyOf(loaders);
  }

  /** Templates (Terraform, plans, CloudFormation), then plain policy files, which accept any JSON file. */
  public static SourceLoaders standard() {
    return new SourceLoaders(List.of(new TemplateSourceLoader(), new PolicyFileLoader()));
  }

  public Account load(Path file, LoadOptions options) {
    for (SourceLoader loader : loaders) {
      if (loader.accepts(file)) {
        return loader.load(file, options);
      }
    }
    throw new IamUnitException(
        "IAMUnit cannot read this kind of file; give a Terraform folder or .tf file, a plan JSON file, a CloudFormation template or a policy document (.json)", SourceLocation.of(file.toString(), 0, 0));
  }
}
