package dev.iamunit.iac.terraform;

import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IAM User Guide tutorial "Enable your users to configure their own credentials and MFA
 * settings", written in Terraform: once with the policy in a heredoc, once as a policy document.
 */
class SeedScenarioTests {

  static final String EC2_FULL = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";

  static LoadOptions options(Path root) {
    return LoadOptions.defaults()
        .withProjectRoot(root)
        .withAwsManagedPolicies(arn -> arn.equals(EC2_FULL)
            ? Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}")
            : Optional.empty());
  }

  static Path resource(String name) {
    return Path.of("src/test/resources/terraform", name).toAbsolutePath();
  }

  /** The identity policies AWS evaluates for a user: inline, attached, and its groups'. */
  static List<Policy> identityPolicies(Account account, User user) {
    List<Policy> policies = new ArrayList<>(user.inlinePolicies());
    user.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    for (String groupName : user.groups()) {
      var group = account.group(groupName).orElseThrow();
      policies.addAll(group.inlinePolicies());
      group.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    }
    return policies;
  }

  static Decision runInstances(Account account, String mfa) {
    User user = account.user("MFAUser").orElseThrow();
    Request request = Request.of(user.arn(), "ec2:RunInstances", "*",
        RequestContext.builder().put("aws:username", "MFAUser").put("aws:MultiFactorAuthPresent", mfa).build());
    return Evaluator.standard().explain(request, PolicySet.builder().identity(identityPolicies(account, user)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "seed-document"})
  void deniesEc2WithoutMfaAndAllowsItWithMfa(String folder) {
    Path root = resource(folder);
    LoadReport report = TerraformLoader.report(root, options(root));
    Account account = TerraformLoader.load(root, options(root));

    assertThat(report.unresolved()).isEmpty();
    assertThat(account.user("MFAUser").orElseThrow().groups()).containsExactly("EC2MFA");
    assertThat(account.group("EC2MFA").orElseThrow().managedPolicyArns())
        .containsExactly("arn:aws:iam::123456789012:policy/Force_MFA", EC2_FULL);
    assertThat(account.managedPolicy(EC2_FULL).orElseThrow().awsManaged()).isTrue();

    Decision withoutMfa = runInstances(account, "false");
    assertThat(withoutMfa.outcome()).as(DecisionText.explained(withoutMfa)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(withoutMfa.deciding()).extracting(r -> r.statement().sid().orElse(""))
        .containsExactly("BlockMostAccessUnlessSignedInWithMFA");

    Decision withMfa = runInstances(account, "true");
    assertThat(withMfa.outcome()).as(DecisionText.explained(withMfa)).isEqualTo(Outcome.ALLOWED);
  }
}
