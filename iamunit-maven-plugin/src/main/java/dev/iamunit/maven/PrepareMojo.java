package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.coverage.CoverageRecorder;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Unresolved;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apiguardian.api.API;

/**
 * Removes the coverage fragments an earlier build left, so that {@code report} and {@code check}
 * read this build's tests only: without it, a build run twice without {@code clean} counts every
 * decision twice, and statements of templates edited since show again at their old lines, as
 * missed. JaCoCo's {@code prepare-agent} plays the same part.
 *
 * <p>With {@code <sources>}, it then writes an inventory fragment of every statement in them, so
 * that a template no test loads counts as missed instead of being absent from the report: the gate
 * then fails on a new template nobody wrote a test for.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
@API(status = INTERNAL, since = "0.1")
public class PrepareMojo extends AbstractMojo {

  /** Where the tests write their fragments ({@code coverage-*.json}). */
  @Parameter(property = "iamunit.dataDirectory", defaultValue = "${project.build.directory}/iamunit")
  File dataDirectory;

  /**
   * The repository's templates, files or folders as {@code @IamTest} names them, relative to the
   * project: every statement in them is counted, whether a test loads it or not.
   */
  @Parameter
  List<String> sources;

  /**
   * Values for Terraform variables and CloudFormation parameters that have no default, as the tests
   * give them in {@code @IamTest}.
   */
  @Parameter
  Map<String, String> values;

  /**
   * The account the sources deploy into, as {@code @IamTest}'s {@code accountId}: {@code
   * AWS::AccountId}, the caller identity. Without it, the account the sources declare as theirs
   * (the management account of the organization they declare), else IAMUnit's default.
   */
  @Parameter(property = "iamunit.accountId")
  String accountId;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skips the goal, as {@code -Diamunit.skip}. */
  @Parameter(property = "iamunit.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      return;
    }
    removeFragments(dataDirectory.toPath());
    if (sources != null && !sources.isEmpty()) {
      writeInventory();
    }
  }

  private void removeFragments(Path directory) throws MojoExecutionException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    int removed = 0;
    try (DirectoryStream<Path> fragments = Files.newDirectoryStream(directory, "coverage-*.json")) {
      for (Path fragment : fragments) {
        Files.delete(fragment);
        removed++;
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot remove the coverage fragments of an earlier build from " + directory
          + ": " + e.getMessage() + "; delete the folder, or run mvn clean", e);
    }
    if (removed > 0) {
      getLog().info("IAMUnit: removed " + removed + " coverage fragment(s) of an earlier build from " + directory);
    }
  }

  /**
   * {@code options} with the account a goal's {@code <accountId>} gives, when given: every goal
   * that loads sources reads it alike.
   */
  static LoadOptions withAccount(LoadOptions options, String accountId) throws MojoFailureException {
    if (accountId == null) {
      return options;
    }
    if (!accountId.matches("\\d{12}")) {
      throw new MojoFailureException("IAMUnit: <accountId> takes an account id of 12 digits, such as 123456789012, not \"" + accountId
          + "\"");
    }
    return options.withAccountId(accountId);
  }

  private void writeInventory() throws MojoFailureException {
    Path root = basedir.toPath().toAbsolutePath().normalize();
    LoadOptions options = LoadOptions.defaults()
        .withProjectRoot(root)
        .withValues(values == null ? Map.of() : values)
        .withBundledAwsManagedPolicies();
    List<Path> paths = sources.stream().map(root::resolve).toList();
    LoadedSources loaded;
    try {
      HomeAccount.Loaded homed = HomeAccount.load(SourceFormats.standard(), paths, withAccount(options, accountId), accountId != null);
      loaded = homed.sources();
      getLog().info("IAMUnit: <sources> load into account " + homed.home().description("<accountId>"));
    } catch (IamUnitException e) {
      throw new MojoFailureException("IAMUnit cannot load <sources> to count their statements: " + e.getMessage()
          + "; give <values> what the tests give, or leave the source out of <sources>");
    }
    CoverageRecorder inventory = new CoverageRecorder();
    // Every account the sources declare something in, at once: a statement of another account is a
    // statement too, and one the sources deploy into several accounts counts in each.
    inventory.recordInventory(loaded.accounts());
    // Nothing the load could not read or compute goes unsaid, each with file:line; a policy it
    // could not read counts as a missed statement, with its reason, so the gate sees it.
    for (LoadReport.Problem problem : loaded.report().problems()) {
      inventory.recordNotRead(problem.location(), problem.message());
      getLog().warn("IAMUnit: not read, counted as a missed statement: " + problem);
    }
    for (Unresolved value : loaded.report().unresolved()) {
      getLog().warn("IAMUnit: unresolved " + value + " (give <values> what the tests give)");
    }
    Path fragment = inventory.writeFragment(dataDirectory.toPath());
    getLog().info("IAMUnit: " + inventory.snapshot().size() + " statement(s) of " + String.join(", ", sources)
        + " counted, tested or not (" + fragment.getFileName() + ")");
  }
}
