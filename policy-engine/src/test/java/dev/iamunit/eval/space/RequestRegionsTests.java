package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resource regions of an action follow what can decide it: a role's trust policy is a
 * resource-based policy of the trust actions on the role only ({@code ResourcePolicyOwner.readsTrustPolicy}),
 * so every group of roles whose trust policies read alike is a region of {@code sts:AssumeRole},
 * and none splits the ARNs of {@code iam:GetRole} or of another service. Checked against direct
 * decisions of every role: the representatives' outcomes are every outcome the roles have.
 */
class RequestRegionsTests {

  private static final String ACCOUNT = "123456789012";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String DEV = "arn:aws:iam::" + ACCOUNT + ":user/dev";

  /** {@code roles} roles; the even ones trust user dev, the odd ones EC2; dev may assume, read and update any role and read any queue. */
  private static Caller dev(int roles) {
    Policy identity = PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","iam:GetRole","iam:UpdateRole","sqs:GetQueueUrl"],
          "Resource":"*"}]}""", "dev.json", PolicyKind.IDENTITY, "dev");
    Account.Builder account = Account.builder().id(ACCOUNT)
        .user(new User("dev", "/", DEV, Map.of(), List.of(), List.of(identity), List.of(), Optional.empty(), SourceLocation.UNKNOWN));
    for (int i = 0; i < roles; i++) {
      String principal = i % 2 == 0 ? "{\"AWS\":\"" + DEV + "\"}" : "{\"Service\":\"ec2.amazonaws.com\"}";
      Policy trust = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
          + ",\"Action\":\"sts:AssumeRole\"}]}", "trust-" + i + ".json", PolicyKind.TRUST, "trust-" + i);
      account.role(new Role("team-" + i, "/", role(i), Optional.of(trust), Map.of(), List.of(), List.of(), Optional.empty(),
          SourceLocation.UNKNOWN));
    }
    return Caller.user(account.build(), "dev");
  }

  private static String role(int i) {
    return "arn:aws:iam::" + ACCOUNT + ":role/team-" + i;
  }

  private static ActionRegions regions(Caller caller, String action) {
    List<Policy> policies = new ArrayList<>(caller.policies().policies());
    caller.accounts().all().forEach(a -> a.roles().values().forEach(r -> r.trustPolicy().ifPresent(policies::add)));
    RequestRegions space = RequestRegions.of(caller.accounts().all(), PolicyStatement.of(policies), AwsData.bundled());
    return space.regions(action, List.of(caller.context(CredentialKind.ACCESS_KEYS, NOW)), List.of());
  }

  private static Outcome decide(Caller caller, String action, String resource) {
    return Evaluator.standard().decide(caller.request(action, resource, CredentialKind.ACCESS_KEYS, NOW, Map.of())).outcome();
  }

  /**
   * Three regions of accounts for any action (the principal's account, no account, another), and
   * for an action that reads trust policies three more per group of roles whose trust policies
   * read alike (here two: the even roles trust dev, the odd ones EC2; their names "team-N" no
   * other test tells apart): a role's own ARN, the ARN under another partition (the trust policy
   * applies, the role's exact ARN does not match) and the role's name under a path (the trust
   * policy applies by the name after the path). Each group is asked through one of its roles.
   */
  @ParameterizedTest(name = "{0}: {1} roles")
  @CsvSource(delimiter = '|', textBlock = """
      sts:AssumeRole   | 1  | 6
      sts:AssumeRole   | 8  | 9
      iam:GetRole      | 1  | 3
      iam:GetRole      | 20 | 3
      sqs:GetQueueUrl  | 20 | 3
      """)
  void everyGroupOfRolesIsARegionOfTheActionsThatReadTrustPoliciesAndOfNoOther(String action, int roles, int regions) {
    Caller dev = dev(roles);

    ActionRegions found = regions(dev, action);

    assertThat(found.complete()).as("%s", found.gaps()).isTrue();
    assertThat(found.resources()).hasSize(regions);
    Set<Outcome> asked = new TreeSet<>();
    found.resources().forEach(t -> asked.add(decide(dev, t.action(), t.resource())));
    Set<Outcome> every = new TreeSet<>();
    for (int i = 0; i < roles; i++) {
      every.add(decide(dev, action, role(i)));
    }
    assertThat(asked).containsAll(every);
    if (action.startsWith("sts:")) {
      // Each group is asked through a real role of it: the first trusting dev, the first trusting EC2.
      List<String> resources = found.resources().stream().map(ActionRegions.Target::resource).toList();
      for (int i = 0; i < Math.min(roles, 2); i++) {
        assertThat(resources).contains(role(i));
      }
      for (int i = 0; i < roles; i++) {
        assertThat(decide(dev, "sts:AssumeRole", role(i))).isEqualTo(i % 2 == 0 ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY);
      }
    } else {
      assertThat(found.resources()).noneMatch(t -> t.resource().contains(":role/team-"));
    }
  }

  /**
   * AWS refuses changes to the roles IAM Identity Center reserves under /aws-reserved/ ("you can't
   * modify them in IAM", IAM Identity Center User Guide) and lets policies govern reading them. An
   * Allow on every role splits the changes' role ARNs into reserved and not, so that a reserved
   * role never stands for the others; reads stay one region.
   */
  @ParameterizedTest(name = "{0}: reserved roles asked apart {1}")
  @CsvSource(delimiter = '|', textBlock = """
      iam:UpdateRole | true
      iam:GetRole    | false
      """)
  void theRolesAwsReservesAreARegionOfTheChangesItRefuses(String action, boolean apart) {
    Caller dev = dev(0);

    List<String> resources = regions(dev, action).resources().stream().map(ActionRegions.Target::resource).toList();

    assertThat(resources.stream().anyMatch(r -> r.contains(":role/aws-reserved/"))).as("%s", resources).isEqualTo(apart);
    assertThat(resources).anyMatch(r -> r.startsWith("arn:aws:iam::" + ACCOUNT + ":role/") && !r.contains("aws-reserved"));
    for (String resource : resources) {
      if (resource.startsWith("arn:aws:iam::" + ACCOUNT + ":role/")) {
        boolean refused = apart && resource.contains(":role/aws-reserved/");
        assertThat(decide(dev, action, resource) == Outcome.ALLOWED).as(resource).isEqualTo(!refused);
      }
    }
  }

  /**
   * Whether an evaluator's test splits the ARNs of a format, told from their parts without a
   * search ({@code RequestRegions.constantByParts}), agrees with the search of the two automata,
   * for every ARN format of the bundled catalog and the tests the evaluator makes of a resource.
   */
  @org.junit.jupiter.api.Test
  void constantOnAFormatToldByPartsAgreesWithTheSearch() {
    List<TextTest> tests = new ArrayList<>();
    for (String pattern : List.of("arn:*:*:*::*", "arn:*:*:*:" + ACCOUNT + ":*", "arn:*:kms:*:*:key/*", "arn:*:iam:*:*:role/*",
        "arn:*:iam::aws:policy/*", "arn:*:s3:*::*/*", "arn:*:iam::*:role/aws-reserved/*", "arn:*:kms:*:*:alias/aws/*", "arn:*:s3:::bucket")) {
      tests.add(TextTest.glob(pattern, TextTest.Mode.ARN_PARTS));
    }
    Set<TextTest> formats = new java.util.LinkedHashSet<>();
    CatalogFormats catalog = CatalogFormats.of(AwsData.bundled());
    AwsData.bundled().expandActionPattern("*").forEach(a -> catalog.action(a).orElseThrow().formats().forEach(f -> formats.add(f.test())));
    int told = 0;
    for (TextTest format : formats) {
      for (TextTest test : tests) {
        Boolean byParts = RequestRegions.constantByParts(test, format);
        if (byParts != null) {
          told++;
          TextRegions.Result search = TextRegions.of(List.of(test, format), List.of(), a -> a.get(1), 1, RequestRegions.MAX_STATES);
          assertThat(byParts).as("%s on %s", test, format).isEqualTo(search.complete() && search.representatives().size() <= 1);
        }
      }
    }
    assertThat(told).as("pairs told by parts, of %d", formats.size() * tests.size()).isGreaterThan(formats.size() * tests.size() / 2);
  }
}
