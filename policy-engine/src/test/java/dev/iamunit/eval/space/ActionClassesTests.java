package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.Seeds;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of actions the policies cannot tell apart are sound: every member of a class is
 * decided as the class's asked action on every request the space asks for the class (the same
 * resource, context and credentials), with the same outcome and the same deciding statements.
 */
class ActionClassesTests {

  private static final String ACCOUNT = "123456789012";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final AwsData AWS = AwsData.bundled();
  /** Signed in without MFA and with it: what the seeds' MFA conditions tell apart. */
  private static final List<CredentialKind> KINDS = List.of(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.CONSOLE_WITH_MFA);

  private static Caller user(List<Policy> policies) {
    Account account = Account.builder()
        .id(ACCOUNT)
        .user(new User("MFAUser", "/", "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", Map.of(), List.of(), policies,
            List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .build();
    return Caller.user(account, "MFAUser");
  }

  private static Policy policy(String name, String json) {
    return PolicyParser.parse(json, name + ".json", PolicyKind.IDENTITY, name);
  }

  private static Policy ec2FullAccess() {
    return policy("AmazonEC2FullAccess", AWS.managedPolicy("arn:aws:iam::aws:policy/AmazonEC2FullAccess").orElseThrow().document());
  }

  /**
   * The differential generator's action families (tools/differential/lib/generator.mjs: exact,
   * service, verb, single-character and wildcard patterns, NotAction) over its resources and
   * conditions, so that actions of one service are told apart by some statements and not others.
   */
  private static Policy generatorFamilies() {
    return policy("families", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:Get*","s3:GetObjec?"],"Resource":"arn:aws:s3:::b/*"},
          {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringLike":{"s3:prefix":"home/*"}}},
          {"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/${aws:username}/*",
           "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},
          {"Effect":"Allow","Action":["*:Describe*","iam:*"],"Resource":"*"},
          {"Effect":"Deny","NotAction":["s3:*","iam:Get*","sts:*"],"Resource":"*",
           "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}""");
  }

  static Stream<Arguments> policySets() {
    return Stream.of(
        Arguments.of("seed 003: Force_MFA and AmazonEC2FullAccess (example-repo's MFAUser)", List.of(Seeds.policy("003", "Force_MFA"), ec2FullAccess())),
        Arguments.of("seed 000", List.of(Seeds.policy("000", "seed000"))),
        Arguments.of("seed 001", List.of(Seeds.policy("001", "seed001"))),
        Arguments.of("seed 004", List.of(Seeds.policy("004", "seed004"))),
        Arguments.of("the differential generator's families", List.of(generatorFamilies())));
  }

  /**
   * Decides every member of every class of more than one action directly, on every request the
   * space asks for the class under each credential kind: a class that joined two actions some
   * statement, service or evaluator rule tells apart fails here.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("policySets")
  void everyMemberIsDecidedAsTheActionAskedForItsClass(String what, List<Policy> policies) {
    Caller caller = user(policies);
    List<PolicyStatement> statements = PolicyStatement.of(policies);
    ActionClasses classes = ActionClasses.of(statements, AWS);
    RequestRegions space = RequestRegions.of(caller.accounts().all(), statements, AWS);
    long members = 0;
    long decisions = 0;
    for (ActionClasses.ActionClass actionClass : classes.classes()) {
      if (actionClass.members().size() < 2) {
        continue;
      }
      members += actionClass.members().size();
      for (CredentialKind kind : KINDS) {
        RequestContext context = caller.context(kind, NOW);
        ActionRegions regions = space.regions(actionClass, List.of(context), List.of());
        assertThat(regions.complete()).as("%s: %s", actionClass.representative(), regions.gaps()).isTrue();
        for (ActionRegions.Target target : regions.resources()) {
          for (Map<String, KeyValue> region : regions.contexts()) {
            Map<String, List<String>> extra = new LinkedHashMap<>();
            region.forEach((key, value) -> extra.put(key, value.values()));
            Decision asked = Evaluator.standard().decide(caller.request(target.action(), target.resource(), kind, NOW, extra));
            for (String member : actionClass.members()) {
              BoundRequest request = caller.request(member, target.resource(), kind, NOW, extra);
              Decision decision = Evaluator.standard().decide(request);
              decisions++;
              assertThat(decision.outcome()).as("%s, as %s", request.request(), target.action()).isEqualTo(asked.outcome());
              assertThat(deciding(decision)).as("%s, as %s", request.request(), target.action()).isEqualTo(deciding(asked));
            }
          }
        }
      }
    }
    assertThat(members).as("actions in classes of more than one").isGreaterThan(1_000);
    assertThat(decisions).isGreaterThan(members);
  }

  private static List<Object> deciding(Decision decision) {
    return decision.deciding().stream().map(StatementResult::statement).map(Object.class::cast).toList();
  }

  /**
   * AmazonEC2FullAccess names EC2 through {@code ec2:*} only, and Force_MFA names no EC2 action:
   * every EC2 action is one class, though the policies name each of them.
   */
  @Test
  void actionsEveryPolicyTreatsAlikeAreOneClassThoughAPatternOfTheirServiceNamesThem() {
    ActionClasses classes = ActionClasses.of(PolicyStatement.of(List.of(Seeds.policy("003", "Force_MFA"), ec2FullAccess())), AWS);

    assertThat(classOf(classes, "ec2:RunInstances").members()).containsExactlyElementsOf(AWS.expandActionPattern("ec2:*"));
    assertThat(classes.actions()).isEqualTo(AWS.expandActionPattern("*").size());
    assertThat(classes.classes()).hasSizeLessThan(AWS.expandActionPattern("*").size() / 20);
  }

  /**
   * The request space reads whether the evaluator may refuse a class a change from its
   * representative alone ({@link ActionClasses.ActionClass}): every class of the whole catalog, one
   * service's members spelled as the catalog spells them, agrees with it member by member.
   */
  @Test
  void everyMemberOfAClassSharesItsServiceAndWhetherTheEvaluatorMayRefuseItAChange() {
    ActionClasses classes = ActionClasses.of(PolicyStatement.of(List.of(Seeds.policy("003", "Force_MFA"), ec2FullAccess())), AWS);

    for (ActionClasses.ActionClass c : classes.classes()) {
      String representative = c.representative();
      String service = representative.substring(0, representative.indexOf(':') + 1);
      assertThat(c.members()).as(representative).allSatisfy(member -> {
        assertThat(member).startsWith(service);
        assertThat(Evaluator.mayRefuseChanges(member)).isEqualTo(Evaluator.mayRefuseChanges(representative));
      });
    }
    assertThat(classes.classes()).anySatisfy(c -> assertThat(Evaluator.mayRefuseChanges(c.representative())).isTrue());
  }

  /** Pairs of actions one of whose differences reaches a decision, and pairs none does. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        // Force_MFA's NotAction lists iam:CreateVirtualMFADevice, not iam:CreateUser.
        Arguments.of("iam:CreateVirtualMFADevice", "iam:CreateUser", false),
        // ProtectedResources refuses changes to what AWS owns, never reads: a read and a change apart.
        Arguments.of("iam:GetRole", "iam:DeleteRole", false),
        Arguments.of("iam:GetRole", "iam:ListRoles", true),
        // Trust policies and the STS actions policies do not control are ruled on by name.
        Arguments.of("sts:AssumeRole", "sts:AssumeRoleWithSAML", false),
        // The bucket owner's root keeps the bucket-policy actions.
        Arguments.of("s3:GetBucketPolicy", "s3:GetBucketAcl", false),
        Arguments.of("s3:GetBucketTagging", "s3:GetBucketAcl", true),
        // Credential restrictions are by service: the same patterns, another service.
        Arguments.of("elasticloadbalancing:DescribeLoadBalancers", "ec2:DescribeInstances", false),
        Arguments.of("ec2:RunInstances", "ec2:DescribeInstances", true));
  }

  @ParameterizedTest(name = "{0} and {1} alike: {2}")
  @MethodSource("pairs")
  void actionsAreApartExactlyWhereAStatementOrARuleOfTheEvaluatorTellsThemApart(String one, String other, boolean alike) {
    ActionClasses classes = ActionClasses.of(PolicyStatement.of(List.of(Seeds.policy("003", "Force_MFA"), ec2FullAccess())), AWS);

    assertThat(classOf(classes, one).members().contains(other)).isEqualTo(alike);
  }

  /**
   * A value a loader could not compute is matched as broadly as it could be (as {@code *} where
   * it stands): {@code ec2:Describe<unknown>} may name every EC2 Describe action and no other.
   */
  @Test
  void anUnknownPartOfAPatternSplitsWhatItsBroadestReadingSplits() {
    Unresolved unknown = Unresolved.of("var.verb", SourceLocation.UNKNOWN, "the variable has no default");
    Policy policy = policy("unknown", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe%s","Resource":"*"}]}""".formatted(unknown.placeholder()));

    ActionClasses classes = ActionClasses.of(PolicyStatement.of(List.of(policy)), AWS);

    assertThat(classOf(classes, "ec2:DescribeInstances").members()).containsExactlyElementsOf(AWS.expandActionPattern("ec2:Describe*"));
  }

  /** An action a policy names that the catalog lacks may be anything: a class of its own. */
  @Test
  void aNamedActionOutsideTheCatalogIsAClassOfItsOwn() {
    Policy policy = policy("typo", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:RunInstance","ec2:*"],"Resource":"*"}]}""");

    ActionClasses classes = ActionClasses.of(PolicyStatement.of(List.of(policy)), AWS);

    assertThat(classOf(classes, "ec2:RunInstance").members()).containsExactly("ec2:RunInstance");
    assertThat(classes.actions()).isEqualTo(AWS.expandActionPattern("*").size() + 1);
  }

  private static ActionClasses.ActionClass classOf(ActionClasses classes, String action) {
    return classes.classes().stream().filter(c -> c.members().contains(action)).findFirst().orElseThrow();
  }
}
