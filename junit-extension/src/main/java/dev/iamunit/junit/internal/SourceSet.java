package dev.iamunit.junit.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.junit.IamTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sources one {@link IamTest} names, resolved against the project root, with the options
 * they load with. Equal source sets load the same account, so a {@link SourceSet} (paths, a hash
 * of their contents, options) is the key of the loaded account in the root store.
 *
 * @param paths existing absolute paths, by kind, in declaration order
 * @param contentHash SHA-256 over every file under the paths, names and contents
 * @param accountId the account id
 * @param region the region
 * @param values parameter and variable values
 * @param projectRoot the folder paths are relative to
 */
record SourceSet(
    Map<SourceKind, List<Path>> paths,
    String contentHash,
    String accountId,
    String region,
    Map<String, String> values,
    Path projectRoot) {

  /** Resolves {@code annotation}, declared on {@code declaringClass}; fails on a missing path. */
  static SourceSet of(IamTest annotation, Class<?> declaringClass, Path projectRoot) {
    Map<SourceKind, List<Path>> paths = new EnumMap<>(SourceKind.class);
    add(paths, SourceKind.TERRAFORM, annotation.terraform(), declaringClass, projectRoot);
    add(paths, SourceKind.TERRAFORM_PLAN, annotation.terraformPlan(), declaringClass, projectRoot);
    add(paths, SourceKind.CLOUDFORMATION, annotation.cloudFormation(), declaringClass, projectRoot);
    if (paths.isEmpty()) {
      throw Failures.failure("@IamTest on " + declaringClass.getName() + " names no sources; "
          + "give it terraform, terraformPlan or cloudFormation paths relative to the project root " + projectRoot);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : annotation.parameters()) {
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " has parameter \"" + parameter
            + "\", which is not of the form name=value");
      }
      values.put(parameter.substring(0, equals).trim(), parameter.substring(equals + 1));
    }
    return new SourceSet(
        Map.copyOf(paths), hash(paths), annotation.accountId(), annotation.region(), Map.copyOf(values), projectRoot);
  }

  private static void add(
      Map<SourceKind, List<Path>> paths, SourceKind kind, String[] declared, Class<?> declaringClass, Path root) {
    List<Path> resolved = new ArrayList<>();
    for (String text : declared) {
      Path path = root.resolve(text).normalize();
      if (!Files.exists(path)) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " names " + kind.attribute() + " source \""
            + text + "\", which does not exist: " + path + " is missing. Paths are relative to the project root "
            + root + " (set the configuration parameter iamunit.projectRoot to change it)");
      }
      resolved.add(path);
    }
    if (!resolved.isEmpty()) {
      paths.put(kind, List.copyOf(resolved));
    }
  }

  private static String hash(Map<SourceKind, List<Path>> paths) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (List<Path> list : paths.values()) {
        for (Path path : list) {
          List<Path> files;
          try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path file : files) {
            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  LoadOptions options() {
    return LoadOptions.defaults()
        .withAccountId(accountId)
        .withRegion(region)
        .withValues(values)
        .withProjectRoot(projectRoot)
        .withBundledAwsManagedPolicies();
  }
}
