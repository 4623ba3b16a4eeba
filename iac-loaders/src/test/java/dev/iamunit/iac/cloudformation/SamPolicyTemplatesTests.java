package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SAM policy templates IAMUnit expands are the ones AWS SAM ships: each definition is compared
 * with samtranslator/policy_templates_data/policy_templates.json, kept in the shared corpus under
 * cloudformation/support/.
 */
class SamPolicyTemplatesTests {

  static final Path OFFICIAL = CorpusTests.CORPUS.resolve(
      "cloudformation/support/aws__serverless-application-model__samtranslator__policy_templates_data__policy_templates.json");

  static JsonNode official() throws IOException {
    return new ObjectMapper().readTree(OFFICIAL.toFile()).get("Templates");
  }

  static List<String> names() {
    return SamPolicyTemplates.names();
  }

  @Test
  void expandsAtLeastTheTemplatesTheIssueNames() {
    assertThat(names()).contains("S3ReadPolicy", "S3CrudPolicy", "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "SQSPollerPolicy",
        "SQSSendMessagePolicy", "LambdaInvokePolicy");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void definitionIsTheOneAwsSamShips(String name) throws IOException {
    JsonNode expected = official().get(name);
    SamPolicyTemplates.Definition ours = SamPolicyTemplates.named(name).orElseThrow();

    assertThat(expected).as("AWS SAM has a template named " + name).isNotNull();
    // JsonNode equality ignores the order of object members, as JSON does.
    assertThat(new ObjectMapper().readTree(ours.document())).isEqualTo(expected.get("Definition"));
    assertThat(ours.parameters()).containsExactlyInAnyOrderElementsOf(() -> expected.get("Parameters").fieldNames());
  }
}
