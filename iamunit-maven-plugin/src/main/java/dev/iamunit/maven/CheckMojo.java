package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.CoverageDataException;
import dev.iamunit.coverage.CoverageGoals;
import dev.iamunit.coverage.GateConfigurationException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apiguardian.api.API;

/**
 * The gate: checks the merged coverage against {@code <rules>} (jacoco-maven-plugin's grammar),
 * {@code <requiredSids>} and an optional baseline, writes every violation into {@code
 * iamunit.sarif}, and fails the build listing each one with Sid and file:line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
@API(status = INTERNAL, since = "0.1")
public class CheckMojo extends AbstractMojo {

  @Parameter(property = "iamunit.dataDirectory", defaultValue = "${project.build.directory}/iamunit")
  File dataDirectory;

  /** The rules every template, policy, principal or the bundle must meet. */
  @Parameter
  List<RuleConfiguration> rules = new ArrayList<>();

  /** Sids whose statements must be covered (decisive in at least one test). */
  @Parameter
  List<String> requiredSids = new ArrayList<>();

  /** Missed statements tolerated while adopting the gate (see the {@code baseline} goal). */
  @Parameter(property = "iamunit.baseline")
  File baseline;

  /** The SARIF log, with missed statements, failed assertions and the violations. */
  @Parameter(property = "iamunit.sarif", defaultValue = "${project.build.directory}/iamunit/iamunit.sarif")
  File sarifFile;

  /** Whether violations fail the build; when false they are logged as warnings. */
  @Parameter(property = "iamunit.haltOnFailure", defaultValue = "true")
  boolean haltOnFailure = true;

  @Parameter(property = "iamunit.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("IAMUnit coverage check skipped");
      return;
    }
    CoverageGoals.CheckOutcome outcome;
    try {
      outcome = CoverageGoals.check(dataDirectory.toPath(), Rules.from(rules), requiredSids,
          Optional.ofNullable(baseline).map(File::toPath), Optional.ofNullable(sarifFile).map(File::toPath),
          "mvn iamunit:baseline");
    } catch (CoverageDataException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (GateConfigurationException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    outcome.notes().forEach(note -> getLog().info(note));
    if (outcome.passed()) {
      getLog().info(outcome.verdict());
    } else if (haltOnFailure) {
      throw new MojoFailureException(outcome.verdict());
    } else {
      getLog().warn(outcome.verdict());
    }
  }
}
