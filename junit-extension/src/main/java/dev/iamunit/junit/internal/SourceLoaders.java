package dev.iamunit.junit.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiFunction;

/**
 * Finds the {@link SourceLoader} for a source: one registered through {@link ServiceLoader} that
 * accepts it (the tests register fixtures this way), else the {@code iac-loaders} loader of its
 * kind.
 */
final class SourceLoaders {

  private final List<SourceLoader> registered;

  private SourceLoaders(List<SourceLoader> registered) {
    this.registered = registered;
  }

  static SourceLoaders discover() {
    List<SourceLoader> found = new ArrayList<>();
    ServiceLoader.load(SourceLoader.class, SourceLoaders.class.getClassLoader()).forEach(found::add);
    return new SourceLoaders(List.copyOf(found));
  }

  SourceLoader forSource(SourceKind kind, Path path) {
    for (SourceLoader loader : registered) {
      if (loader.kind() == kind && loader.accepts(path)) {
        return loader;
      }
    }
    return switch (kind) {
      case CLOUDFORMATION -> new AllPaths(kind, (paths, options) -> CloudFormationLoader.load(SourceFormats.cloudFormationTemplates(paths), options));
      case TERRAFORM -> new EachPath(kind, TerraformLoader::load);
      case TERRAFORM_PLAN -> new EachPath(kind, TerraformPlanLoader::load);
    };
  }

  /** A loader of one path at a time; the accounts of several paths are merged. */
  private record EachPath(SourceKind kind, BiFunction<Path, LoadOptions, Account> loader) implements SourceLoader {
    @Override
    public Account load(List<Path> paths, LoadOptions options) {
      List<Account> accounts = new ArrayList<>();
      for (Path path : paths) {
        accounts.add(loader.apply(path, options));
      }
      return AccountMerger.merge(accounts, options);
    }
  }

  /** A loader of several paths at once: CloudFormation stacks that refer to each other. */
  private record AllPaths(SourceKind kind, BiFunction<List<Path>, LoadOptions, Account> loader) implements SourceLoader {
    @Override
    public Account load(List<Path> paths, LoadOptions options) {
      return loader.apply(paths, options);
    }
  }
}
