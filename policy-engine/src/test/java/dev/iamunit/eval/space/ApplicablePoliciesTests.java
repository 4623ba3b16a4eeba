package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policies a request space separates, for the diff and the search alike: a caller's own, with
 * the SCPs of its own account's levels only, and every resource, trust and RCP policy of the
 * accounts its requests reach.
 */
class ApplicablePoliciesTests {

  private static final String HOME = "123456789012";
  private static final String OTHER = "111122223333";

  private static Policy policy(String name, PolicyKind kind, String statement) {
    return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}", name + ".json", kind, name);
  }

  private static final Policy ALICE = policy("alice", PolicyKind.IDENTITY, "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}");
  private static final Policy TRUST = policy("trust", PolicyKind.TRUST,
      "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + HOME + ":root\"}, \"Action\": \"sts:AssumeRole\"}");
  private static final Policy BUCKET = policy("bucket", PolicyKind.RESOURCE,
      "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::shared/*\"}");
  private static final Policy HOME_SCP = policy("home-scp", PolicyKind.SERVICE_CONTROL, "{\"Effect\": \"Deny\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}");
  private static final Policy HOME_RCP = policy("home-rcp", PolicyKind.RESOURCE_CONTROL,
      "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\","
          + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}");
  private static final Policy OTHER_SCP = policy("other-scp", PolicyKind.SERVICE_CONTROL, "{\"Effect\": \"Deny\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}");
  private static final Policy OTHER_RCP = policy("other-rcp", PolicyKind.RESOURCE_CONTROL,
      "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\","
          + " \"Condition\": {\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}}");

  private static Accounts accounts() {
    Account home = Account.builder().id(HOME)
        .user(new User("alice", "/", "arn:aws:iam::" + HOME + ":user/alice", Map.of(), List.of(), List.of(ALICE), List.of(),
            Optional.empty(), SourceLocation.UNKNOWN))
        // "SCPs don't affect service-linked roles" (AWS Organizations User Guide, Service control
        // policies (SCPs), Tasks and entities not restricted by SCPs).
        .role(new Role("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/",
            "arn:aws:iam::" + HOME + ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport", Optional.of(TRUST), Map.of(),
            List.of(), List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .organization(new Organization(List.of(List.of(HOME_SCP)), List.of(List.of(HOME_RCP)), Optional.empty()))
        .build();
    Account other = Account.builder().id(OTHER)
        .resourcePolicy("arn:aws:s3:::shared", BUCKET)
        .organization(new Organization(List.of(List.of(OTHER_SCP)), List.of(List.of(OTHER_RCP)), Optional.empty()))
        .build();
    return Accounts.builder(HOME, "aws", "us-east-1").add(home).add(other).build();
  }

  @Test
  void aUsersRequestsMeetItsOwnPoliciesItsAccountsScpsAndWhatEveryAccountReachedHolds() {
    Accounts accounts = accounts();
    Caller alice = Caller.user(accounts, accounts.home(), "alice");

    List<Policy> policies = ApplicablePolicies.of(List.of(alice), accounts.all());

    assertThat(policies).contains(ALICE, HOME_SCP, HOME_RCP, TRUST, BUCKET, OTHER_RCP)
        // Another account's SCPs bind its own principals only: none of alice's requests meets them.
        .doesNotContain(OTHER_SCP);
  }

  @Test
  void aServiceLinkedRolesRequestsMeetNoScp() {
    Accounts accounts = accounts();
    Caller role = Caller.roleSession(accounts, accounts.home(), "AWSServiceRoleForSupport", "s");

    List<Policy> policies = ApplicablePolicies.of(List.of(role), accounts.all());

    assertThat(policies).contains(HOME_RCP, TRUST, BUCKET, OTHER_RCP).doesNotContain(HOME_SCP, OTHER_SCP);
  }

  @Test
  void withoutCallersOnlyThePoliciesOfTheAccountsReachedRemain() {
    Accounts accounts = accounts();

    assertThat(ApplicablePolicies.of(List.of(), accounts.all())).containsExactlyInAnyOrder(TRUST, HOME_RCP, BUCKET, OTHER_RCP);
  }
}
