package dev.iamunit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.fuzzing.HangGuard;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input no one writes on purpose, rejected quickly with a message naming file:line, or read with
 * the right locations: nesting deep enough to overflow a recursive reader, huge strings, a byte
 * order mark, Windows line ends. Each limit is proven by the error only it gives; the guard only
 * stops a run that never ends.
 */
@HangGuard
class PolicyParserHostileInputTests {

  private static Policy parse(String json) {
    return PolicyParser.parse(json, "p.json", PolicyKind.IDENTITY, "p");
  }

  private static final String STATEMENTS = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "First",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "*"
          },
          {"Sid": "Second", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}
        ]
      }
      """;

  @Test
  void rejectsArraysNestedTenThousandDeepWithTheLine() {
    String json = "{\"Version\":\"2012-10-17\",\n\"Statement\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(IamUnitException.class)
        .hasMessageStartingWith("p.json:2:")
        .hasMessageContaining("deeper than " + dev.iamunit.document.JsonDocuments.MAX_DEPTH);
  }

  @Test
  void rejectsObjectsNestedTenThousandDeepWithTheLine() {
    String json = "{\"Version\":\"2012-10-17\",\n\"Statement\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001);

    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(IamUnitException.class)
        .hasMessageStartingWith("p.json:2:")
        .hasMessageContaining("deeper than " + dev.iamunit.document.JsonDocuments.MAX_DEPTH);
  }

  @Test
  void readsATenMegabyteResourceArn() {
    String arn = "arn:aws:s3:::" + "b".repeat(10 * 1024 * 1024);
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"" + arn + "\"}}";

    Statement statement = parse(json).statements().get(0);

    assertThat(statement.resource()).hasValueSatisfying(r -> assertThat(r.values()).containsExactly(arn));
  }

  /** Jackson refuses strings over its limit (20 million characters); that too is a clear error. */
  @Test
  void rejectsAStringLongerThanJacksonReadsWithTheLine() {
    String json = "{\"Version\":\"2012-10-17\",\n\"Statement\":\"" + "x".repeat(25_000_000) + "\"}";

    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(IamUnitException.class)
        .hasMessageStartingWith("p.json:2:")
        .hasMessageContaining("larger than IAMUnit reads")
        .hasMessageContaining("String value length");
  }

  @Test
  void skipsAByteOrderMarkAndKeepsColumns() {
    Policy policy = parse("\uFEFF" + STATEMENTS);

    assertThat(policy.location().line()).isEqualTo(1);
    assertThat(policy.location().column()).isEqualTo(1);
    assertThat(policy.statements()).extracting(s -> s.location().line()).containsExactly(4, 10);
  }

  @Test
  void countsLinesOfWindowsLineEndsOnce() {
    String crlf = STATEMENTS.replace("\n", "\r\n");

    List<Statement> statements = parse(crlf).statements();

    assertThat(statements).extracting(s -> s.location().line() + ":" + s.location().column()).containsExactly("4:5", "10:5");
    assertThat(statements.get(0).action().location().line()).isEqualTo(7);
  }

  @Test
  void reportsTheLineOfAMistakeAfterWindowsLineEnds() {
    String crlf = STATEMENTS.replace("\"Deny\"", "\"deny\"").replace("\n", "\r\n");

    assertThatThrownBy(() -> parse(crlf)).isInstanceOf(InvalidPolicyException.class).hasMessageStartingWith("p.json:10:");
  }

  /** Old Mac line ends (a lone CR) end a line for Jackson; the loaders see them the same way. */
  @Test
  void countsLoneCarriageReturnsAsLineEnds() {
    assertThat(parse(STATEMENTS.replace("\n", "\r")).statements()).extracting(s -> s.location().line()).containsExactly(4, 10);
  }
}
