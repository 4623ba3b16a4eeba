package dev.iamunit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the coverage fragments an earlier build left, so that {@code report} and {@code check}
 * read this build's tests only: without it, a build run twice without {@code clean} counts every
 * decision twice, and statements of templates edited since show again at their old lines, as
 * missed. JaCoCo's {@code prepare-agent} plays the same part.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareMojo extends AbstractMojo {

  /** Where the tests write their fragments ({@code coverage-*.json}). */
  @Parameter(property = "iamunit.dataDirectory", defaultValue = "${project.build.directory}/iamunit")
  File dataDirectory;

  /** Skips the goal, as {@code -Diamunit.skip}. */
  @Parameter(property = "iamunit.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    Path directory = dataDirectory.toPath();
    if (skip || !Files.isDirectory(directory)) {
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
}
