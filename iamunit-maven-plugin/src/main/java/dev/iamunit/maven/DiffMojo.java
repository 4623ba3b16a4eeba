package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Gate;
import dev.iamunit.diff.Version;
import dev.iamunit.diff.report.ReportFormat;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apiguardian.api.API;

/**
 * What the change under review does to who may do what: compares the templates of {@code base}
 * (a git revision such as {@code origin/main}, or a folder) with {@code head} (the working tree by
 * default), writes {@code diff.txt}, {@code diff.json}, {@code diff.md} (a pull request comment)
 * and {@code diff.sarif} into {@code outputDirectory}, logs the report, and with {@code
 * <failOn>new-access</failOn>} fails the build on new access. Run it as {@code mvn iamunit:diff
 * -Diamunit.diff.base=origin/main}.
 */
@Mojo(name = "diff", threadSafe = true)
@API(status = INTERNAL, since = "0.1")
public class DiffMojo extends AbstractMojo {

  private static final Map<ReportFormat, String> FILES = Map.of(
      ReportFormat.TEXT, "diff.txt", ReportFormat.JSON, "diff.json", ReportFormat.MARKDOWN, "diff.md",
      ReportFormat.SARIF, "diff.sarif");

  /** The version before the change: a git revision of {@code repository}, or a folder. */
  @Parameter(property = "iamunit.diff.base", required = true)
  String base;

  /** The version after the change: by default the working tree. */
  @Parameter(property = "iamunit.diff.head", defaultValue = ".")
  String head = ".";

  /** The git repository revisions belong to; relative folders are resolved against it. */
  @Parameter(property = "iamunit.diff.repository", defaultValue = "${project.basedir}")
  File repository;

  /** Terraform folders, .tf files or plan JSON, relative to each version's root; none: the root. */
  @Parameter
  List<String> sources = new ArrayList<>();

  @Parameter(property = "iamunit.diff.outputDirectory", defaultValue = "${project.build.directory}/iamunit/diff")
  File outputDirectory;

  /** {@code new-access}, {@code any-change}, or {@code never} (only report). */
  @Parameter(property = "iamunit.diff.failOn", defaultValue = "never")
  String failOn = "never";

  /**
   * With {@code new-access}, pass principal/action pairs decided over a sample instead of proved
   * (the reports still name them). Off by default: new access may be missed in a sampled pair.
   */
  @Parameter(property = "iamunit.diff.acceptSampled", defaultValue = "false")
  boolean acceptSampled;

  @Parameter(property = "iamunit.skip", defaultValue = "false")
  boolean skip;

  /**
   * The account both versions load into, as the prepare goal's {@code <accountId>}; without it,
   * the one the head's sources declare (an organization's management account), else 123456789012.
   */
  @Parameter(property = "iamunit.accountId")
  String accountId;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("IAMUnit diff skipped");
      return;
    }
    Gate gate;
    try {
      gate = Gate.named(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    AccessDiff diff;
    Path root = repository.toPath().toAbsolutePath().normalize();
    try (Version baseVersion = Version.resolve(base, root); Version headVersion = Version.resolve(head, root)) {
      // Both versions load into one home account, the head's, by the rule every tool applies.
      AccessDiffer.InHome compared = AccessDiffer.standard().compareInHome(baseVersion, headVersion, sources,
          SourceFormats.standard(), PrepareMojo.withAccount(LoadOptions.defaults(), accountId), accountId != null);
      diff = compared.diff();
      getLog().info("IAMUnit diff: both versions load into account " + compared.home().description("<accountId>"));
    } catch (IamUnitException e) {
      throw new MojoFailureException(e.getMessage());
    }
    try {
      Files.createDirectories(outputDirectory.toPath());
      for (ReportFormat format : ReportFormat.values()) {
        Files.writeString(outputDirectory.toPath().resolve(FILES.get(format)), format.render(diff), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the diff reports into " + outputDirectory + ": " + e.getMessage(), e);
    }
    for (String line : ReportFormat.TEXT.render(diff).split("\n")) {
      getLog().info(line);
    }
    List<String> failures = gate.failures(diff, acceptSampled);
    if (!failures.isEmpty()) {
      throw new MojoFailureException("IAMUnit diff: " + String.join("; ", failures)
          + " (failOn " + gate.id() + "); see " + outputDirectory.toPath().resolve(FILES.get(ReportFormat.TEXT)));
    }
  }
}
