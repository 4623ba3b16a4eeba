package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which actions a statement may apply to, the question the access diff's scope and the regions'
 * choice of statements ask: a value the loaders could not compute is read as the evaluator reads
 * it at its broadest, as {@link ActionClasses} reads it; in Action it may name any action it could
 * stand for, in NotAction it excludes none for certain.
 */
class PolicyStatementTests {

  private static final String UNKNOWN = Unresolved.of("var.verb", SourceLocation.UNKNOWN, "the variable has no default").placeholder();

  @ParameterizedTest(name = "{0} {1} may apply to {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      Action    | ec2:Describe?     | ec2:DescribeInstances | true
      Action    | ec2:Describe?     | ec2:RunInstances      | false
      Action    | ?:GetObject       | s3:GetObject          | true
      Action    | ?:GetObject       | s3:PutObject          | false
      Action    | ec2:DescribeImages | ec2:DescribeInstances | false
      NotAction | ?                 | s3:GetObject          | true
      NotAction | ?, iam:*          | iam:GetRole           | false
      NotAction | ?, iam:*          | s3:GetObject          | true
      """)
  void anUnknownValueIsReadAtItsBroadest(String element, String patterns, String action, boolean mayApply) {
    String values = String.join(",", List.of(patterns.split(",\\s*")).stream()
        .map(p -> "\"" + p.replace("?", UNKNOWN) + "\"").toList());
    PolicyStatement statement = PolicyStatement.of(List.of(PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"" + element + "\":[" + values + "],\"Resource\":\"*\"}]}",
        "p.json", PolicyKind.IDENTITY, "p"))).get(0);

    assertThat(statement.mayApplyTo(action)).isEqualTo(mayApply);
  }
}
