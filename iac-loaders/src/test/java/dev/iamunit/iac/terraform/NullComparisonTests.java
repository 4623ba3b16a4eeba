package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A comparison with null is decided once both sides are known themselves, even if parts of one
 * are not: go-cty's {@code Value.Equals}, which Terraform's {@code ==} and {@code !=} use, answers
 * "If only one is null then the result must be false" before it looks at nested unknowns. Found on
 * terraform-aws-modules/terraform-aws-sns (tools/realworld): {@code var.topic_policy_statements !=
 * null}, given a map that holds an ARN known only after apply, left the topic policy's dynamic
 * statements out. {@code var.x} is unknown in {@link FunctionHarness}.
 */
class NullComparisonTests {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      { a = var.x } != null          | true
      { a = var.x } == null          | false
      [var.x, "b"] != null           | true
      null != { a = [var.x] }        | true
      null == null                   | true
      "known" == null                | false
      """)
  void aComparisonWithNullOfAKnownValueIsDecided(String expression, String result) {
    new FunctionHarness(dir).assertEvaluates(expression, result);
  }

  /** A value unknown as a whole may be null; a string with an unknown part is unknown as a whole. */
  @ParameterizedTest(name = "{0} is unknown")
  @CsvSource(delimiter = '|', textBlock = """
      var.x != null
      null == var.x
      "${var.x}-a" != null
      { a = var.x } == { a = "b" }
      """)
  void aComparisonWithAnUnknownValueIsUnknown(String expression) {
    assertThat(new FunctionHarness(dir).unknownParts(expression)).isNotEmpty();
  }
}
