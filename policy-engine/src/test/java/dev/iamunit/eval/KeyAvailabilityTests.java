package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which global keys a caller's request carries, by action, as each key's "Availability" on the IAM
 * User Guide page "AWS global condition context keys" says:
 * <ul>
 *   <li>aws:ViaAWSService: "This key is always included in the request context for most services",
 *       and "The following services do not currently support aws:ViaAWSService: Amazon EC2, AWS
 *       Glue, AWS Lake Formation, AWS OpsWorks".
 *   <li>aws:UserAgent: "Use this key to compare the requester's client application with the
 *       application that you specify in the policy", "This key is always included in the request
 *       context", its value "provided by the caller in an HTTP header".
 * </ul>
 * And the condition operators' rule for an absent key: "If the key that you specify in a policy
 * condition is not present in the request context, the values do not match and the condition is
 * false. If the policy condition requires that the key is not matched, such as StringNotLike or
 * ArnNotLike, and the right key is not present, the condition is true" (IAM User Guide, IAM JSON
 * policy elements: Condition operators).
 */
class KeyAvailabilityTests {

  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private static Caller alice(String statements) {
    Policy policy = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "alice.json",
        PolicyKind.IDENTITY, "alice");
    Account account = Account.builder().id(ACCOUNT)
        .user(new User("alice", "/", "arn:aws:iam::" + ACCOUNT + ":user/alice", Map.of(), List.of(), List.of(policy), List.of(),
            Optional.empty(), SourceLocation.UNKNOWN))
        .build();
    return Caller.user(account, "alice");
  }

  private static boolean allowed(Caller caller, String action, Map<String, List<String>> context) {
    return Evaluator.standard().decide(caller.request(action, "*", CredentialKind.ACCESS_KEYS, NOW, context)).isAllowed();
  }

  /** The services the page lists, by the names the bundled catalog gives their prefixes. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ec2           | Amazon EC2
      glue          | AWS Glue
      lakeformation | AWS Lake Formation
      opsworks      | AWS OpsWorks
      """)
  void theServicesWithoutViaAwsServiceAreTheOnesThePageNames(String prefix, String name) throws IOException {
    assertThat(catalogNames()).containsEntry(prefix, name);
    assertThat(KeyAvailability.WITHOUT_VIA_AWS_SERVICE).contains(prefix);
    assertThat(KeyAvailability.WITHOUT_VIA_AWS_SERVICE).hasSize(4);
  }

  /**
   * A request for an action of those services leaves aws:ViaAWSService out, one of another service
   * carries it as false (the principal calls directly: "The request context key also returns false
   * when the principal makes the call directly"); a test that gives it has it.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ec2:DescribeInstances              | absent
      EC2:RunInstances                   | absent
      glue:GetTable                      | absent
      lakeformation:GetDataAccess        | absent
      opsworks:DescribeStacks            | absent
      opsworks-cm:DescribeServers        | false
      ec2-instance-connect:SendSSHPublicKey | false
      autoscaling:DescribeAutoScalingGroups | false
      s3:GetObject                       | false
      iam:ListUsers                      | false
      """)
  void aRequestCarriesViaAwsServiceOnlyForTheServicesThatSupportIt(String action, String expected) {
    Caller caller = alice("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");

    RequestContext usual = caller.request(action, "*", CredentialKind.ACCESS_KEYS, NOW, Map.of()).request().context();
    RequestContext given = caller.request(action, "*", CredentialKind.ACCESS_KEYS, NOW, Map.of("aws:ViaAWSService", List.of("true")))
        .request().context();

    assertThat(usual.get("aws:ViaAWSService").map(RequestContext.Entry::value).orElse("absent")).isEqualTo(expected);
    assertThat(given.get("aws:ViaAWSService")).map(RequestContext.Entry::value).contains("true");
    assertThat(KeyAvailability.carriesViaAwsService(action)).isEqualTo(!expected.equals("absent"));
  }

  /**
   * The common guard "deny what an AWS service does not do for me from outside my network": for
   * EC2 the key is absent, so a Bool on it is false and the Deny does not apply, while a
   * BoolIfExists Deny applies ("If the key is not present, evaluate the condition element as
   * true", Condition operators, ...IfExists condition operators); for S3 both apply.
   */
  @ParameterizedTest(name = "{0} with a {1} Deny: allowed {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ec2:DescribeInstances | Bool         | true
      ec2:DescribeInstances | BoolIfExists | false
      ec2:DescribeInstances | Null         | true
      s3:ListAllMyBuckets   | Bool         | false
      s3:ListAllMyBuckets   | BoolIfExists | false
      s3:ListAllMyBuckets   | Null         | false
      """)
  void aDenyOnViaAwsServiceFalseAppliesAsTheKeysAvailabilitySays(String action, String operator, boolean allowed) {
    // Null false: the Deny applies where the key is present, whatever its value.
    Caller caller = alice("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"" + operator
        + "\":{\"aws:ViaAWSService\":\"false\"}}}");

    assertThat(allowed(caller, action, Map.of())).isEqualTo(allowed);
  }

  /**
   * aws:UserAgent is in every request, the AWS CLI's by default: a StringNotLike Deny that lets
   * only Terraform through applies to the usual request and not to one that names Terraform, and
   * a StringLikeIfExists Allow is no wider than StringLike, since the key is never absent.
   */
  @ParameterizedTest(name = "{0} {1} with user agent {2}: allowed {3}")
  @CsvSource(delimiter = '|', textBlock = """
      Deny  | StringNotLike       | (default)                                 | false
      Deny  | StringNotLike       | APN/1.0 HashiCorp/1.0 Terraform/1.9.5     | true
      Deny  | StringNotLikeIfExists | (default)                               | false
      Allow | StringLike          | (default)                                 | false
      Allow | StringLikeIfExists  | (default)                                 | false
      Allow | StringLikeIfExists  | Terraform/1.9.5                           | true
      """)
  void aUserAgentConditionReadsTheCallersClient(String effect, String operator, String agent, boolean allowed) {
    String condition = "\"Condition\":{\"" + operator + "\":{\"aws:UserAgent\":\"*Terraform*\"}}";
    Caller caller = alice(effect.equals("Deny")
        ? "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"," + condition + "}"
        : "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"," + condition + "}");
    Map<String, List<String>> context = agent.equals("(default)") ? Map.of() : Map.of("aws:UserAgent", List.of(agent));

    assertThat(caller.request("s3:GetObject", "*", CredentialKind.ACCESS_KEYS, NOW, context).request().context().get("aws:UserAgent"))
        .map(RequestContext.Entry::value).contains(agent.equals("(default)") ? Caller.DEFAULT_USER_AGENT : agent);
    assertThat(allowed(caller, "s3:GetObject", context)).isEqualTo(allowed);
  }

  /** The bundled catalog's service names by prefix ({@code S prefix name} rows). */
  private static Map<String, String> catalogNames() throws IOException {
    Map<String, String> names = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        KeyAvailabilityTests.class.getResourceAsStream("/dev/iamunit/aws/service-reference.tsv.gz")), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split("\t");
        if (fields.length >= 3 && fields[0].equals("S")) {
          names.put(fields[1], fields[2]);
        }
      }
    }
    return names;
  }
}
