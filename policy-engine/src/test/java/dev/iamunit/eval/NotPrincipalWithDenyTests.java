package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IAM User Guide, "AWS JSON policy elements: NotPrincipal", "NotPrincipal with Deny": "AWS might
 * validate the account first and then the user. If an assumed-role user ... is being evaluated,
 * AWS might validate the account first, then the role, and then the assumed-role user." Each layer
 * meets the Deny on its own, so the Deny does not apply only when every layer is listed: the
 * account and the user; the account, the role and the session.
 *
 * <p>The bucket is in account 111122223333, the callers in 444455556666 ("This example works as
 * intended when it is part of a policy statement in a resource-based policy that is attached to a
 * resource in ... a different AWS account (not 444455556666)"). The bucket policy also allows
 * everyone and the callers' identity policy allows s3:*, so the outcome says whether the Deny
 * applied: ALLOWED (it did not) or EXPLICIT_DENY (it did).
 */
class NotPrincipalWithDenyTests {

  private static final String ACCOUNT = "arn:aws:iam::444455556666:root";
  private static final String BOB = "arn:aws:iam::444455556666:user/Bob";
  private static final String ALICE = "arn:aws:iam::444455556666:user/Alice";
  private static final String ROLE = "arn:aws:iam::444455556666:role/cross-account-read-only-role";
  private static final String AUDIT_APP = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app";
  private static final String OTHER_SESSION = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/someone-else";

  private static Policy policy(String statements, PolicyKind kind) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", kind.name() + ".json", kind, "p");
  }

  private static PolicySet.Builder policies(String notPrincipal) {
    Policy bucketPolicy = policy(
        "{\"Effect\":\"Deny\",\"NotPrincipal\":" + notPrincipal + ",\"Action\":\"s3:*\","
            + "\"Resource\":[\"arn:aws:s3:::BUCKETNAME\",\"arn:aws:s3:::BUCKETNAME/*\"]},"
            + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::BUCKETNAME/*\"}",
        PolicyKind.RESOURCE);
    return PolicySet.builder()
        .identity(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}", PolicyKind.IDENTITY))
        .resource(bucketPolicy);
  }

  private static Outcome outcome(String caller, PolicySet policies) {
    Request request = Request.of(caller, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/report.csv", RequestContext.builder().build())
        .withResourceAccount("111122223333");
    return Evaluator.standard().explain(request, policies).outcome();
  }

  private static String listed(String names) {
    if (names.equals("*")) {
      return "\"*\"";
    }
    return Arrays.stream(names.split(";"))
        .map(name -> "\"" + switch (name) {
          case "account" -> ACCOUNT;
          case "account-id" -> "444455556666";
          case "Bob" -> BOB;
          case "role" -> ROLE;
          case "audit-app" -> AUDIT_APP;
          default -> throw new IllegalArgumentException(name);
        } + "\"")
        .collect(Collectors.joining(",", "{\"AWS\":[", "]}"));
  }

  private static String caller(String name) {
    return switch (name) {
      case "Bob" -> BOB;
      case "Alice" -> ALICE;
      case "audit-app" -> AUDIT_APP;
      case "other-session" -> OTHER_SESSION;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Caller × what NotPrincipal lists × outcome. */
  @ParameterizedTest(name = "{0}, NotPrincipal [{1}] → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Bob           | Bob;account                | ALLOWED
      Bob           | Bob;account-id             | ALLOWED
      Alice         | Bob;account                | EXPLICIT_DENY
      Bob           | Bob                        | EXPLICIT_DENY
      Bob           | account                    | EXPLICIT_DENY
      Alice         | account                    | EXPLICIT_DENY
      audit-app     | audit-app;role;account     | ALLOWED
      other-session | audit-app;role;account     | EXPLICIT_DENY
      audit-app     | role;account               | EXPLICIT_DENY
      audit-app     | audit-app;account          | EXPLICIT_DENY
      audit-app     | audit-app;role             | EXPLICIT_DENY
      audit-app     | account                    | EXPLICIT_DENY
      Bob           | *                          | ALLOWED
      """)
  void denyAppliesUnlessEveryLayerIsListed(String caller, String notPrincipal, Outcome expected) {
    assertThat(outcome(caller(caller), policies(listed(notPrincipal)).build())).isEqualTo(expected);
  }

  /**
   * The page's example: "all principals except the user named Bob in AWS account 444455556666 are
   * explicitly denied", Bob's account listed "as a best practice". The other users of Bob's
   * account are denied with everyone else.
   */
  @Test
  void bobAndHisAccountListedDeniesEveryoneButBob() {
    PolicySet policies = policies(listed("Bob;account")).build();
    assertThat(outcome(BOB, policies)).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(ALICE, policies)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(outcome("arn:aws:iam::999988887777:user/Bob", policies)).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  /**
   * "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
   * permissions boundary policy attached, regardless of the values specified in the NotPrincipal
   * element" (Key points).
   */
  @Test
  void principalsWithABoundaryAreDeniedWhateverIsListed() {
    PolicySet policies = policies(listed("Bob;account"))
        .boundary(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}", PolicyKind.IDENTITY))
        .build();
    assertThat(outcome(BOB, policies)).isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
