package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SARIF log against the OASIS SARIF 2.1.0 schema ({@code sarif/sarif-2.1.0-rtm.5.json}, the
 * OASIS schema as bundled by the npm package {@code @microsoft/jest-sarif} 1.0.0-beta.0).
 */
class SarifLogTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void missedStatementsFailuresAndViolationsMakeAValidSarif210Log() throws Exception {
    SarifLog log = SarifLog.of(Fixture.analysis())
        .withFailedAssertion(new AssertionFailure("Ec2Tests.runWithoutMfaIsDenied",
            "Expecting ec2:RunInstances to be explicitly denied, but it was ALLOWED by AllowEc2 (policies/ec2.json:4)",
            Fixture.FILE, 4))
        .withViolations(List.of(new Violation("Rule violated for all statements: statements covered ratio is 0.66, "
            + "but expected minimum is 0.80", "", 0)));

    JsonNode sarif = JSON.readTree(log.json());
    assertThat(validate(sarif)).isEmpty();
    JsonNode results = sarif.path("runs").path(0).path("results");
    assertThat(results).hasSize(3);
    assertThat(results.path(0).path("ruleId").asText()).isEqualTo("iamunit/missed-statement");
    assertThat(results.path(0).path("message").path("text").asText())
        .isEqualTo("Allow statement #2 at policies/ec2.json:19 of Ec2Access was not exercised by any test");
    JsonNode location = results.path(0).path("locations").path(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("policies/ec2.json");
    assertThat(location.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(19);
    assertThat(results.path(1).path("ruleId").asText()).isEqualTo("iamunit/failed-assertion");
    assertThat(results.path(1).path("level").asText()).isEqualTo("error");
    assertThat(results.path(2).path("ruleId").asText()).isEqualTo("iamunit/coverage-rule");
    assertThat(results.path(2).path("locations").path(0).path("physicalLocation").has("region")).isFalse();
  }

  @Test
  void theSchemaRejectsALogWithoutVersionOrWithALineZero() throws Exception {
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(SarifLog.of(Fixture.analysis()).json());
    broken.remove("version");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("runs").path(0).path("results").path(0).path("locations")
        .path(0).path("physicalLocation").path("region")).put("startLine", 0);
    assertThat(validate(broken)).extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("version")).anyMatch(m -> m.contains("startLine"));
  }

  @Test
  void anEmptyLogIsValidToo() throws Exception {
    assertThat(validate(JSON.readTree(SarifLog.empty().json()))).isEmpty();
  }

  @Test
  void fileNamesBecomeUriReferences() throws Exception {
    JsonNode sarif = JSON.readTree(SarifLog.empty()
        .withFailedAssertion(new AssertionFailure("t", "m", "cloud formation/stack #1.yaml", 3)).json());
    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.path("runs").path(0).path("results").path(0).path("locations").path(0).path("physicalLocation")
        .path("artifactLocation").path("uri").asText()).isEqualTo("cloud%20formation/stack%20%231.yaml");
  }

  private static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
    try (InputStream schema = SarifLogTests.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      return validator.validate(sarif);
    }
  }
}
