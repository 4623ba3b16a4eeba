package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Seeds;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The search for allowed requests over the complete space, one version: what it finds is allowed
 * when decided directly, and what it does not find is denied, including requests away from the
 * default resource and context.
 */
class AllowedRequestsTests {

  private static final String ACCOUNT = "123456789012";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final AllowedRequests SEARCH = AllowedRequests.of(AwsData.bundled(), Evaluator.standard());

  private static Caller user(Policy... policies) {
    Account account = Account.builder()
        .id(ACCOUNT)
        .user(new User("MFAUser", "/", "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", Map.of(), List.of(), List.of(policies),
            List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .build();
    return Caller.user(account, "MFAUser");
  }

  private static Policy policy(String json) {
    return PolicyParser.parse(json, "test.json", PolicyKind.IDENTITY, "test");
  }

  private static Set<String> actions(AllowedRequests.Result result) {
    Set<String> actions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    result.allowed().forEach(found -> actions.addAll(found.actions()));
    return actions;
  }

  private static AllowedRequests.Result search(Caller caller, CredentialKind kind, Map<String, List<String>> fixed, Predicate<String> actions) {
    return SEARCH.search(caller, List.of(kind), NOW, fixed, false, actions);
  }

  /**
   * Seed 003, Force_MFA: "when the user is not signed-in with MFA ... they can perform only the
   * listed actions" of the NotAction, and of those only what the other statements allow.
   */
  @Test
  void withoutMfaTheForceMfaUserMayOnlyListAndSetUpMfaOverTheWholeCatalog() {
    Caller caller = user(Seeds.policy("003", "Force_MFA"));

    AllowedRequests.Result result = search(caller, CredentialKind.CONSOLE_WITHOUT_MFA, Map.of(), a -> true);

    assertThat(result.proved()).as("sampled: %s", result.sampled()).isTrue();
    assertThat(result.actions()).isEqualTo(AwsData.bundled().expandActionPattern("*").size());
    assertThat(actions(result)).containsExactlyInAnyOrder(
        "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListVirtualMFADevices",
        "iam:ListAccountAliases", "iam:ListUsers", "iam:ListSSHPublicKeys", "iam:ListAccessKeys", "iam:ListMFADevices",
        "iam:GetAccountSummary",
        // "No permissions are required to perform this operation" (STS API Reference,
        // GetCallerIdentity); GetSessionToken likewise: no policy can take them away.
        "sts:GetCallerIdentity", "sts:GetSessionToken");
    for (AllowedRequests.Found found : result.allowed()) {
      assertThat(Evaluator.standard().explain(found.request()).isAllowed()).as("%s", found.request().request()).isTrue();
    }
    // Own MFA device only: the region of other users' devices is denied, and the search asked it.
    assertThat(result.allowed()).filteredOn(f -> f.request().request().action().equals("iam:EnableMFADevice"))
        .extracting(f -> f.request().request().resource())
        .allMatch(r -> r.equals("*") || r.endsWith(":mfa/MFAUser") || r.endsWith(":user/MFAUser"));
  }

  @Test
  void withMfaTheSameUserMayDoMore() {
    Caller caller = user(Seeds.policy("003", "Force_MFA"));

    AllowedRequests.Result result = search(caller, CredentialKind.CONSOLE_WITH_MFA, Map.of(), a -> true);

    assertThat(actions(result)).contains("iam:DeactivateMFADevice", "iam:ChangePassword").doesNotContain("ec2:RunInstances");
  }

  /**
   * Allowed only from one address range: no request with the default context is allowed, yet the
   * search finds one inside the range, and only there.
   */
  @Test
  void findsTheRequestAllowedOnlyInsideACidrRange() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"IpAddress": {"aws:SourceIp": "10.20.0.0/16"}}}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("s3:"));

    assertThat(result.proved()).isTrue();
    assertThat(result.allowed()).isNotEmpty().allSatisfy(found -> {
      assertThat(found.request().request().action()).isEqualTo("s3:GetObject");
      assertThat(found.request().request().context().get("aws:SourceIp").orElseThrow().value()).startsWith("10.20.");
    });
    assertThat(Evaluator.standard().decide(caller.request("s3:GetObject", "arn:aws:s3:::b/k", CredentialKind.ACCESS_KEYS, NOW, Map.of()))
        .isAllowed()).isFalse();
  }

  @Test
  void keysTheCallerFixesAreNotVaried() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"IpAddress": {"aws:SourceIp": "10.20.0.0/16"}}}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of("aws:SourceIp", List.of("192.0.2.1")), a -> a.startsWith("s3:"));

    assertThat(result.allowed()).isEmpty();
    assertThat(result.proved()).isTrue();
  }

  /** A NotAction allow opens services no policy names: each is found, one request per class. */
  @Test
  void aNotActionAllowOpensEveryOtherService() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> !a.toLowerCase().startsWith("s3:"));

    Set<String> found = actions(result);
    assertThat(found).contains("ec2:RunInstances", "dynamodb:GetItem").noneMatch(a -> a.startsWith("iam:") || a.startsWith("s3:"));
    assertThat(result.requests()).isLessThan(found.size());
  }

  /**
   * Eight keys of three regions each (absent, equal, other) make 6,561 contexts, past {@link
   * RequestRegions#MAX_CONTEXTS}: the class is decided over a sample, and the result says so.
   */
  @Test
  void aSpaceTooLargeIsSampledAndSaysSo() {
    StringBuilder keys = new StringBuilder();
    for (char k = 'a'; k <= 'h'; k++) {
      keys.append(k == 'a' ? "" : ", ").append("\"aws:RequestTag/").append(k).append("\": \"v\"");
    }
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"StringEquals": {%s}}}]}""".formatted(keys)));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("s3:"));

    assertThat(result.proved()).isFalse();
    assertThat(result.sampled()).singleElement().satisfies(s -> {
      assertThat(s.action()).isEqualTo("s3:GetObject");
      assertThat(s.why()).singleElement().asString().contains("multiply past " + RequestRegions.MAX_CONTEXTS + " contexts");
    });
  }

  /**
   * The roles IAM Identity Center reserves under /aws-reserved/: "you can't modify them in IAM"
   * (IAM Identity Center User Guide), while reading them is governed by policies as usual: an
   * Allow of every action but S3's on those roles allows iam:GetRole and no change. Reads and
   * changes the same patterns match must be asked apart, or a refused change stands for the read.
   */
  @Test
  void readsAndChangesOfOneServiceAreAskedApartSinceAwsRefusesChangesToWhatItOwns() {
    Caller caller = user(policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"arn:aws:iam::123456789012:role/aws-reserved/*"}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("iam:"));

    assertThat(actions(result)).contains("iam:GetRole", "iam:ListRoleTags").doesNotContain("iam:DeleteRole", "iam:UpdateRole");
    for (AllowedRequests.Found found : result.allowed()) {
      assertThat(found.request().request().resource()).startsWith("arn:aws:iam::123456789012:role/aws-reserved/");
      assertThat(Evaluator.standard().explain(found.request()).isAllowed()).as("%s", found.request().request()).isTrue();
    }
  }

  /**
   * "aws:ViaAWSService ... Availability – This key is always included in the request context for
   * most services", and "The following services do not currently support aws:ViaAWSService:
   * Amazon EC2, AWS Glue, AWS Lake Formation, AWS OpsWorks" (IAM User Guide, AWS global condition
   * context keys). The caller sets it (false) for a service that supports it; an Allow only where
   * it is absent allows no request the caller usually makes, and the search finds the one without
   * the key.
   */
  @Test
  void findsTheRequestAllowedOnlyWhereAwsLeavesOutViaAwsService() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*",
          "Condition": {"Null": {"aws:ViaAWSService": "true"}}}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("s3:ListAll"));

    assertThat(result.proved()).isTrue();
    assertThat(result.allowed()).isNotEmpty().allSatisfy(found -> {
      assertThat(found.actions()).contains("s3:ListAllMyBuckets");
      assertThat(found.absent()).containsExactly("aws:ViaAWSService");
      assertThat(found.request().request().context().contains("aws:ViaAWSService")).isFalse();
      assertThat(Evaluator.standard().decide(found.request()).isAllowed()).isTrue();
    });
    assertThat(Evaluator.standard().decide(caller.request("s3:ListAllMyBuckets", "*", CredentialKind.ACCESS_KEYS, NOW, Map.of()))
        .isAllowed()).isFalse();
  }

  /**
   * The same Allow on Amazon EC2, one of the services that "do not currently support
   * aws:ViaAWSService" (the same section): no EC2 request carries the key, so the caller's usual
   * request is allowed, and the search asks no EC2 request with the key, which AWS never sends.
   */
  @Test
  void asksNoEc2RequestWithViaAwsService() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*",
          "Condition": {"Null": {"aws:ViaAWSService": "true"}}}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("ec2:Describe"));

    assertThat(result.proved()).isTrue();
    assertThat(result.allowed()).isNotEmpty().allSatisfy(found -> {
      assertThat(found.varied()).doesNotContainKey("aws:ViaAWSService");
      assertThat(found.request().request().context().contains("aws:ViaAWSService")).isFalse();
    });
    assertThat(Evaluator.standard().decide(caller.request("ec2:DescribeInstances", "*", CredentialKind.ACCESS_KEYS, NOW, Map.of()))
        .isAllowed()).isTrue();
    Caller viaService = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:ListAllMyBuckets"],
          "Resource": "*", "Condition": {"Bool": {"aws:ViaAWSService": "true"}}}]}"""));
    AllowedRequests.Result onlyViaService = search(viaService, CredentialKind.ACCESS_KEYS, Map.of(),
        a -> a.startsWith("ec2:Describe") || a.equals("s3:ListAllMyBuckets"));
    assertThat(onlyViaService.proved()).isTrue();
    assertThat(actions(onlyViaService)).containsExactly("s3:ListAllMyBuckets");
  }

  /** A test that fixes aws:ViaAWSService asks its value only: its absence is not varied either. */
  @Test
  void aFixedViaAwsServiceIsNeverLeftOut() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*",
          "Condition": {"Null": {"aws:ViaAWSService": "true"}}}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of("aws:ViaAWSService", List.of("true")),
        a -> a.startsWith("ec2:Describe"));

    assertThat(result.allowed()).isEmpty();
    assertThat(result.proved()).isTrue();
  }

  /**
   * "arn:aws:iam::aws:policy/IAMReadOnlyAccess is an AWS managed policy", and "a single AWS managed
   * policy can be attached to principal entities in different AWS accounts" (IAM User Guide,
   * Managed policies and inline policies, AWS managed policies): a principal allowed to read only
   * them may read them, and the search finds it, although the policy ARN format's account is a
   * variable no account variant sets to "aws".
   */
  @Test
  void findsTheReadsAllowedOnlyOnAwsManagedPolicies() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetPolicy*", "Resource": "arn:aws:iam::aws:policy/*"}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("iam:"));

    assertThat(result.proved()).isTrue();
    assertThat(actions(result)).containsExactlyInAnyOrder("iam:GetPolicy", "iam:GetPolicyVersion");
    assertThat(result.allowed()).allSatisfy(found -> {
      assertThat(found.request().request().resource()).startsWith("arn:aws:iam::aws:policy/");
      assertThat(Evaluator.standard().decide(found.request()).isAllowed()).isTrue();
    });
  }

  /**
   * Every IAM action denied but on the AWS managed policies, under an Allow of everything: only
   * their reads remain, since "You cannot change the permissions defined in AWS managed policies"
   * (the same section), and the search finds exactly those.
   */
  @Test
  void iamDeniedButOnAwsManagedPoliciesLeavesOnlyTheirReads() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
          {"Effect": "Deny", "Action": "iam:*", "NotResource": "arn:aws:iam::aws:policy/*"}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), a -> a.startsWith("iam:"));

    assertThat(result.proved()).isTrue();
    // IAM's reads are one class (ActionClasses): the policies and the evaluator treat them alike, and
    // only a read of a managed policy's ARN format is asked there and allowed; no change is.
    assertThat(actions(result)).contains("iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions")
        .doesNotContain("iam:CreatePolicyVersion", "iam:DeletePolicy");
    assertThat(result.allowed()).extracting(found -> found.request().request().action())
        .doesNotContain("iam:GetRole", "iam:ListPolicies", "iam:CreatePolicyVersion", "iam:DeletePolicy");
    // Nor as alike: AWS never sends iam:GetRole with a policy's ARN, although the class decides it alike.
    assertThat(actions(result)).doesNotContain("iam:GetRole", "iam:GetUser", "iam:ListPolicies");
    assertThat(result.allowed()).allSatisfy(found ->
        assertThat(found.request().request().resource()).startsWith("arn:aws:iam::aws:policy/"));
  }

  /**
   * A class mixing ARN formats (IAM's reads: roles, users, policies, ...) names as alike only the
   * actions AWS sends with the request's resource: "Resource types ... the ARN format of each
   * resource type" (Service Authorization Reference, Actions, resources, and condition keys for
   * AWS Identity and Access Management, Actions defined by IAM). A region whose ARNs of several
   * formats every test answers alike is asked once, and the actions of its other formats are found
   * on a request of their own on one of their ARNs: none is left out.
   */
  @Test
  void alikeNamesOnlyTheActionsAwsSendsWithTheRequestsResource() {
    Caller caller = user(policy("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Get*", "Resource": "*"}]}"""));

    AllowedRequests.Result result = search(caller, CredentialKind.ACCESS_KEYS, Map.of(), AllowedRequests.matching(List.of("iam:Get*")));

    assertThat(result.proved()).isTrue();
    // Every action allowed on an ARN of one of its formats in the caller's account, or on *, decided directly, is found.
    Set<String> allowedDirectly = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String action : AwsData.bundled().expandActionPattern("iam:Get*")) {
      var info = AwsData.bundled().action(action).orElseThrow();
      List<String> resources = new java.util.ArrayList<>(info.resourceTypes().stream().flatMap(t -> t.arnPatterns().stream())
          .map(f -> f.replace("${Partition}", "aws").replace("${Account}", ACCOUNT).replaceAll("\\$\\{[^}]*}", "example")).toList());
      if (info.resourceTypes().stream().noneMatch(dev.iamunit.aws.ResourceType::required)) {
        resources.add("*");
      }
      if (resources.stream().anyMatch(r -> Evaluator.standard().decide(caller.request(action, r, CredentialKind.ACCESS_KEYS, NOW, Map.of())).isAllowed())) {
        allowedDirectly.add(action);
      }
    }
    assertThat(allowedDirectly).hasSizeGreaterThan(30);
    assertThat(actions(result)).containsAll(allowedDirectly);
    assertThat(result.allowed()).allSatisfy(found -> {
      String resource = found.request().request().resource();
      assertThat(found.actions()).as("actions with %s", resource).allSatisfy(action -> assertThat(sentWith(action, resource)).isTrue());
      assertThat(Evaluator.standard().decide(found.request()).isAllowed()).isTrue();
    });
    assertThat(result.allowed()).filteredOn(found -> found.request().request().resource().startsWith("arn:aws:iam::aws:policy/"))
        .isNotEmpty()
        .allSatisfy(found -> assertThat(found.actions()).contains("iam:GetPolicy").doesNotContain("iam:GetRole", "iam:GetUser"));
  }

  /**
   * Whether the catalog documents {@code action} with {@code resource}: {@code *} for an action
   * without a required resource type, else an ARN of one of its formats, each {@code ${...}} any
   * text (a regular expression of the documented format, apart from the space's own tests).
   */
  private static boolean sentWith(String action, String resource) {
    var info = AwsData.bundled().action(action).orElseThrow();
    if (resource.equals("*")) {
      return info.resourceTypes().stream().noneMatch(dev.iamunit.aws.ResourceType::required);
    }
    return info.resourceTypes().stream().flatMap(t -> t.arnPatterns().stream()).anyMatch(format -> {
      StringBuilder regex = new StringBuilder();
      for (String piece : format.split("\\$\\{[^}]*}", -1)) {
        regex.append(regex.length() == 0 ? "" : ".*").append(java.util.regex.Pattern.quote(piece));
      }
      return resource.matches(regex.toString());
    });
  }
}
