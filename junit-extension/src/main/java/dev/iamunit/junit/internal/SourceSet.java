package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.AccountFolderException;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormat;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.SourceFormats.Source;
import dev.iamunit.junit.IamTest;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sources one {@link IamTest} names, resolved against the project root, with the options
 * they load with. Equal source sets load the same account, so a {@link SourceSet} (sources, a hash
 * of their contents, options) is the key of the loaded account in the root store.
 *
 * @param sources existing paths, each with the format its {@code @IamTest} attribute names, in
 *     declaration order (the load itself does not depend on it: {@link SourceFormats} orders them)
 * @param contentHash SHA-256 over every file under the paths, names and contents
 * @param accountId the account id {@code @IamTest} gives, or {@link IamTest#ACCOUNT_NOT_GIVEN}
 * @param region the region
 * @param values parameter and variable values, in declaration order
 * @param projectRoot the folder paths are relative to
 * @param terraformVarFiles Terraform variable files, existing, in declaration order (their contents are in the hash)
 * @param terraformWorkspace {@code terraform.workspace}
 * @param accountFolders the account each mapped folder or file deploys into, by absolute path
 */
record SourceSet(
    List<Source> sources,
    String contentHash,
    String accountId,
    String region,
    Map<String, String> values,
    Path projectRoot,
    List<Path> terraformVarFiles,
    String terraformWorkspace,
    Map<Path, String> accountFolders) {

  /** The formats {@code @IamTest}'s attributes name, by attribute. */
  static final SourceFormats FORMATS = SourceFormats.standard();

  SourceSet {
    sources = List.copyOf(sources);
    // LinkedHashMap, not Map.copyOf: an immutable Map's iteration order changes from JVM to JVM.
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    terraformVarFiles = List.copyOf(terraformVarFiles);
    accountFolders = Collections.unmodifiableMap(new LinkedHashMap<>(accountFolders));
  }

  /** Resolves {@code annotation}, declared on {@code declaringClass}; fails on a missing path. */
  static SourceSet of(IamTest annotation, Class<?> declaringClass, Path projectRoot) {
    List<Source> sources = new ArrayList<>();
    add(sources, "terraform", annotation.terraform(), declaringClass, projectRoot);
    add(sources, "terraformPlan", annotation.terraformPlan(), declaringClass, projectRoot);
    add(sources, "cloudFormation", annotation.cloudFormation(), declaringClass, projectRoot);
    add(sources, "cdkOut", annotation.cdkOut(), declaringClass, projectRoot);
    if (sources.isEmpty()) {
      throw Failures.failure("@IamTest on " + declaringClass.getName() + " names no sources; "
          + "give it terraform, terraformPlan, cloudFormation or cdkOut paths relative to the project root " + projectRoot);
    }
    if (Partition.ofRegion(annotation.region()).isEmpty()) {
      throw Failures.failure("@IamTest on " + declaringClass.getName() + " has " + Partition.unknownRegion(annotation.region()));
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
    List<Path> varFiles = new ArrayList<>();
    for (String text : annotation.terraformVarFiles()) {
      Path path = projectRoot.resolve(text).normalize();
      if (!Files.isRegularFile(path)) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " names Terraform variable file \"" + text
            + "\", which does not exist: " + path + " is missing. Paths are relative to the project root " + projectRoot
            + " (set the configuration parameter iamunit.projectRoot to change it)");
      }
      varFiles.add(path);
    }
    Map<Path, String> accountFolders = new LinkedHashMap<>();
    for (String entry : annotation.accountFolders()) {
      int equals = entry.indexOf('=');
      String id = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (id.isEmpty() || !id.matches("[^\\s=]+")) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " has accountFolders entry \"" + entry
            + "\", which is not of the form ACCOUNT=path (a twelve-digit account id, or the name the organization the sources "
            + "declare gives the account, then the folder or file relative to the project root), such as "
            + "\"111111111111=terraform/prod\" or \"prod=terraform/prod\"");
      }
      Path path = projectRoot.resolve(entry.substring(equals + 1).trim()).normalize();
      if (!Files.exists(path)) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " maps account " + id + " to \"" + entry.substring(equals + 1)
            + "\", which does not exist: " + path + " is missing. Paths are relative to the project root " + projectRoot);
      }
      accountFolders.put(path, id);
    }
    String accountId = annotation.accountId();
    if (!accountId.equals(IamTest.ACCOUNT_NOT_GIVEN) && !accountId.matches("\\d{12}")) {
      throw Failures.failure("@IamTest on " + declaringClass.getName() + " has accountId \"" + accountId
          + "\", which is not an account id: give twelve digits, such as \"111111111111\", or leave accountId out for the account "
          + "the sources declare");
    }
    List<Path> hashed = new ArrayList<>(sources.stream().map(Source::path).toList());
    hashed.addAll(varFiles);
    return new SourceSet(sources, hash(hashed), accountId, annotation.region(), values, projectRoot, varFiles,
        annotation.terraformWorkspace(), accountFolders);
  }

  private static void add(List<Source> sources, String attribute, String[] declared, Class<?> declaringClass, Path root) {
    SourceFormat format = FORMATS.named(attribute).orElseThrow();
    for (String text : declared) {
      Path path = root.resolve(text).normalize();
      if (!Files.exists(path)) {
        throw Failures.failure("@IamTest on " + declaringClass.getName() + " names " + attribute + " source \""
            + text + "\", which does not exist: " + path + " is missing. Paths are relative to the project root "
            + root + " (set the configuration parameter " + IamTest.PROJECT_ROOT_PROPERTY_NAME + " to change it)");
      }
      sources.add(new Source(path, format));
    }
  }

  private static String hash(List<Path> paths) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path path : paths) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The account and report of these sources, through the one loading path. An account folder
   * mapped to a name the declared organization does not give exactly one account fails naming the
   * annotation's entry.
   */
  LoadedSources load() {
    try {
      // Into the home account by the rule every tool applies: accountId when given (123456789012
      // too), else the account the sources declare (an organization's management account).
      return HomeAccount.load(o -> FORMATS.loadSources(sources, o), options(), !accountId.equals(IamTest.ACCOUNT_NOT_GIVEN)).sources();
    } catch (AccountFolderException e) {
      throw new IamUnitException("@IamTest(accountFolders = \"" + e.name() + "=" + projectRoot.toAbsolutePath().normalize().relativize(e.folder()).toString().replace('\\', '/')
          + "\"): " + e.getMessage());
    }
  }

  LoadOptions options() {
    return LoadOptions.defaults()
        .withAccountId(accountId.equals(IamTest.ACCOUNT_NOT_GIVEN) ? Account.DEFAULT_ID : accountId)
        .withRegion(region)
        .withValues(values)
        .withProjectRoot(projectRoot)
        .withTerraformVarFiles(terraformVarFiles)
        .withTerraformWorkspace(terraformWorkspace)
        .withAccountFolders(accountFolders)
        .withBundledAwsManagedPolicies();
  }
}
