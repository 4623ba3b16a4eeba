package dev.iamunit.junit.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.stream.Stream;

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
      case CLOUDFORMATION -> new AllPaths(kind, (paths, options) -> CloudFormationLoader.load(templates(paths), options));
      case TERRAFORM -> new EachPath(kind, TerraformLoader::load);
      case TERRAFORM_PLAN -> new EachPath(kind, TerraformPlanLoader::load);
    };
  }

  /** The CloudFormation templates named: files as they are, folders as their template files. */
  static List<Path> templates(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json|template)$"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
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
