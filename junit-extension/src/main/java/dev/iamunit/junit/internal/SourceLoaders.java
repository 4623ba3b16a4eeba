package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiFunction;

/**
 * Finds the {@link SourceLoader} for a source: one registered through {@link ServiceLoader} that
 * accepts it, else the built-in bridge to the {@code iac-loaders} class of its kind.
 *
 * <p>The bridges call, by reflection, the loaders being written in {@code iac-loaders}:
 * {@code dev.iamunit.iac.cloudformation.CloudFormationLoader.load(List<Path>, LoadOptions)},
 * {@code dev.iamunit.iac.terraform.TerraformLoader.load(Path, LoadOptions)} and
 * {@code dev.iamunit.iac.terraform.TerraformPlanLoader.load(Path, LoadOptions)}, static or on an
 * instance made with the public no-argument constructor. Once they exist, direct calls replace
 * {@link Bridge}.
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
      case CLOUDFORMATION -> new Bridge(kind, "dev.iamunit.iac.cloudformation.CloudFormationLoader", true);
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

  /** Calls an {@code iac-loaders} loader by name, so this module builds before they exist. */
  private record Bridge(SourceKind kind, String className, boolean takesList) implements SourceLoader {

    @Override
    public Account load(List<Path> paths, LoadOptions options) {
      Method method;
      Object target;
      try {
        Class<?> type = Class.forName(className, true, SourceLoaders.class.getClassLoader());
        method = type.getMethod("load", takesList ? List.class : Path.class, LoadOptions.class);
        target = Modifier.isStatic(method.getModifiers()) ? null : type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IamUnitException("the " + kind.displayName() + " loader is not available: this IAMUnit build has no "
            + className + " with a method load(" + (takesList ? "List<Path>" : "Path") + ", LoadOptions); "
            + "use a release of IAMUnit that loads " + kind.displayName() + " sources");
      }
      if (takesList) {
        return invoke(method, target, paths, options);
      }
      List<Account> accounts = new ArrayList<>();
      for (Path path : paths) {
        accounts.add(invoke(method, target, path, options));
      }
      return AccountMerger.merge(accounts, options);
    }

    private static Account invoke(Method method, Object target, Object source, LoadOptions options) {
      try {
        return (Account) method.invoke(target, source, options);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
