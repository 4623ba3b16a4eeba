package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.CoverageDataException;
import dev.iamunit.coverage.CoverageGoals;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apiguardian.api.API;

/**
 * Writes the statements missed now as the baseline {@code check} tolerates: run once when adopting
 * the gate ({@code mvn verify iamunit:baseline}), commit the file, and shrink it as tests come.
 */
@Mojo(name = "baseline", threadSafe = true)
@API(status = INTERNAL, since = "0.1")
public class BaselineMojo extends AbstractMojo {

  @Parameter(property = "iamunit.dataDirectory", defaultValue = "${project.build.directory}/iamunit")
  File dataDirectory;

  @Parameter(property = "iamunit.baseline", defaultValue = "${project.basedir}/iamunit-baseline.txt")
  File baseline;

  @Override
  public void execute() throws MojoFailureException {
    try {
      getLog().info(CoverageGoals.baseline(dataDirectory.toPath(), baseline.toPath()));
    } catch (CoverageDataException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }
}
