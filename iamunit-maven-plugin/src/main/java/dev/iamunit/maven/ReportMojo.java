package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.CoverageDataException;
import dev.iamunit.coverage.CoverageGoals;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apiguardian.api.API;

/**
 * Merges the coverage fragments the tests wrote and writes the reports: {@code coverage.json},
 * {@code coverage.csv}, {@code iamunit.sarif} and {@code html/index.html}, and logs the summary.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
@API(status = INTERNAL, since = "0.1")
public class ReportMojo extends AbstractMojo {

  /** Where the tests wrote their fragments ({@code coverage-*.json}). */
  @Parameter(property = "iamunit.dataDirectory", defaultValue = "${project.build.directory}/iamunit")
  File dataDirectory;

  /** Where the reports go. */
  @Parameter(property = "iamunit.outputDirectory", defaultValue = "${project.build.directory}/iamunit")
  File outputDirectory;

  /** Folders the templates' paths are relative to, for the source pages of the HTML report. */
  @Parameter
  List<File> sourceRoots;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Parameter(defaultValue = "IAMUnit coverage: ${project.name}")
  String title = "IAMUnit coverage";

  /** Skips the goal, as {@code -Diamunit.skip}. */
  @Parameter(property = "iamunit.skip", defaultValue = "false")
  boolean skip;

  /**
   * Without fragments there is nothing to report, and the goal says so; a fragment it cannot read
   * fails the build naming the file, as {@code iamunit coverage report} exits 3: a report without
   * it would be wrong.
   */
  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("IAMUnit coverage report skipped");
      return;
    }
    List<Path> roots = sourceRoots == null || sourceRoots.isEmpty()
        ? List.of(basedir.toPath()) : sourceRoots.stream().map(File::toPath).toList();
    try {
      CoverageGoals.report(dataDirectory.toPath(), outputDirectory.toPath(), roots, title).lines()
          .forEach(line -> getLog().info(line));
    } catch (CoverageDataException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }
}
