package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.junit.ExpectedDecision;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.PolicyCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class YamlPolicyCasesTests {

  @Test
  void readsRowsWithTheirLines() {
    List<PolicyCase> rows = YamlPolicyCases.read("""
        # a comment
        - principal: role/Deployer/ci
          action: s3:PutObject
          resource: arn:aws:s3:::bucket/key
          context:
            aws:MultiFactorAuthPresent: true
            aws:SourceIp: [203.0.113.7, 198.51.100.1]
          expected: ALLOWED
        - {principal: MFAUser, action: ec2:RunInstances, expected: DENIED}
        """, "cases.yaml");

    assertThat(rows).containsExactly(
        new PolicyCase(IamPrincipal.role("Deployer", "ci"), "s3:PutObject", Optional.of("arn:aws:s3:::bucket/key"),
            // YAML's true stays the text written: condition values are strings.
            Map.of("aws:MultiFactorAuthPresent", List.of("true"), "aws:SourceIp", List.of("203.0.113.7", "198.51.100.1")),
            ExpectedDecision.ALLOWED, "cases.yaml:2"),
        new PolicyCase(IamPrincipal.user("MFAUser"), "ec2:RunInstances", Optional.empty(), Map.of(),
            ExpectedDecision.DENIED, "cases.yaml:9"));
  }

  @Test
  void mistakesNameFileLineAndWhatIsExpected() {
    assertThatThrownBy(() -> YamlPolicyCases.read("- principal: MFAUser\n  action: ec2:RunInstances\n  expect: DENIED\n", "c.yaml"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("c.yaml:3: unknown key \"expect\"; a row has principal, action, resource, context, expected");
    assertThatThrownBy(() -> YamlPolicyCases.read("- principal: MFAUser\n  action: ec2:RunInstances\n", "c.yaml"))
        .hasMessage("c.yaml:1: the row has no expected");
    assertThatThrownBy(() -> YamlPolicyCases.read("principal: MFAUser\n", "c.yaml"))
        .hasMessage("c.yaml:1: a @PolicyCases YAML file is a list of rows (\"- principal: ...\")");
    assertThatThrownBy(() -> YamlPolicyCases.read("- principal: MFAUser\n  principal: Bob\n", "c.yaml"))
        .hasMessage("c.yaml:2: the row gives principal twice");
    assertThatThrownBy(() -> YamlPolicyCases.read("- principal: [MFAUser\n", "c.yaml"))
        .hasMessageStartingWith("c.yaml:2: malformed YAML: ");
    assertThatThrownBy(() -> YamlPolicyCases.read("- principal: MFAUser\n  action: [a, b]\n  expected: DENIED\n", "c.yaml"))
        .hasMessage("c.yaml:2: action is a single value");
    assertThatThrownBy(() -> YamlPolicyCases.read("- {principal: MFAUser, action: ec2:RunInstances, expected: MAYBE}", "c.yaml"))
        .hasMessage("c.yaml:1: expected decision \"MAYBE\" is none of ALLOWED, DENIED, EXPLICIT_DENY, IMPLICIT_DENY");
  }
}
