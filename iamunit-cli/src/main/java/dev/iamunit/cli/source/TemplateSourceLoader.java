package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.List;

/** Terraform folders, {@code .tf} files and plans, CloudFormation templates and folders of them. */
public final class TemplateSourceLoader implements SourceLoader {

  private final SourceFormats formats = SourceFormats.standard();

  @Override
  public boolean accepts(Path file) {
    return formats.accepts(file);
  }

  @Override
  public Account load(Path file, LoadOptions options) {
    return formats.load(List.of(file), options);
  }
}
