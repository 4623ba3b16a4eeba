package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The hook a format calls for a resource whose existence cannot be known (an unknown
 * {@code count}, a CloudFormation {@code Condition} that cannot be computed): the policies it
 * declares carry the reason on every statement, so that a decision that depends on them fails and
 * one they cannot change stands (UnknownExistenceTests decides both).
 */
class ExistenceHookTests {

  private static final SourceLocation AT = SourceLocation.of("main.tf", 3, 1).withAddress("aws_iam_role_policy.audit");

  private static Policy allow() {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cloudtrail:LookupEvents\","
        + "\"Resource\":\"*\"}]}", "main.tf", PolicyKind.IDENTITY, "audit");
  }

  @Test
  void thePoliciesOfAResourceWhoseExistenceIsUnknownCarryTheReason() {
    LoadReportBuilder report = new LoadReportBuilder();
    AccountAssembler assembler = new AccountAssembler(LoadOptions.defaults(), report);
    Unresolved count = Unresolved.of("var.enable_audit ? 1 : 0", AT, "count depends on var.enable_audit, which has no value");
    assembler.principal(PrincipalKind.ROLE, "auditor", "/", "arn:aws:iam::123456789012:role/auditor", "aws_iam_role.auditor",
        SourceLocation.of("main.tf", 1, 1));
    assembler.existenceUnknown("aws_iam_role_policy.audit", count);
    assembler.inline(allow(), "aws_iam_role_policy.audit", AT, Map.of(PrincipalKind.ROLE, List.of("auditor")));
    assembler.inline(allow().named("other"), "aws_iam_role_policy.other", AT, Map.of(PrincipalKind.ROLE, List.of("auditor")));
    Account.Builder builder = Account.builder();
    assembler.into(builder);

    assertThat(builder.build().role("auditor").orElseThrow().inlinePolicies())
        .extracting(Policy::name, p -> p.statements().get(0).unresolved(), Policy::unreadable)
        .containsExactly(Tuple.tuple("audit", List.of(count), List.of()), Tuple.tuple("other", List.of(), List.of()));
    assertThat(report.build().unresolved()).contains(count);
  }
}
