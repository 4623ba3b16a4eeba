package dev.iamunit.iac.cloudformation;

import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IAM User Guide tutorial "Enable your users to configure their own credentials and MFA
 * settings" (seed 003) written as a CloudFormation stack, and our own credentials stack from
 * example-repo.
 */
class SeedScenarioTests {

  static final String EC2_FULL = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";

  static LoadOptions options() {
    return LoadOptions.defaults()
        .withProjectRoot(Path.of("").toAbsolutePath())
        .withAwsManagedPolicies(arn -> arn.equals(EC2_FULL)
            ? Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}")
            : Optional.empty());
  }

  static final Path SEED = Path.of("src/test/resources/cloudformation/seed.yaml");

  static Decision runInstances(Account account, CredentialKind credentials) {
    Caller caller = Caller.user(account, "MFAUser");
    return Evaluator.standard().explain(caller.request("ec2:RunInstances", "*", credentials, Instant.now(), Map.of()));
  }

  @Test
  void loadsTheTutorialStack() {
    LoadReport report = CloudFormationLoader.report(List.of(SEED), options());
    Account account = CloudFormationLoader.load(List.of(SEED), options());

    assertThat(report.unresolved()).isEmpty();
    assertThat(report.statementCount()).isEqualTo(6);
    assertThat(account.user("MFAUser").orElseThrow().groups()).containsExactly("EC2MFA");
    assertThat(account.group("EC2MFA").orElseThrow().managedPolicyArns())
        .containsExactly("arn:aws:iam::123456789012:policy/Force_MFA", EC2_FULL);
    assertThat(account.managedPolicy(EC2_FULL).orElseThrow().awsManaged()).isTrue();
  }

  /** "users cannot access other services" until they sign in with MFA (seed 003, step 3). */
  @Test
  void deniesEc2WithoutMfaByBlockMostAccess() {
    Account account = CloudFormationLoader.load(List.of(SEED), options());

    Decision decision = runInstances(account, CredentialKind.CONSOLE_WITHOUT_MFA);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.deciding()).extracting(r -> r.statement().sid().orElse(""))
        .containsExactly("BlockMostAccessUnlessSignedInWithMFA");
  }

  /** "this time you can see all the information and perform any actions you want" (step 3.11). */
  @Test
  void allowsEc2WithMfa() {
    Account account = CloudFormationLoader.load(List.of(SEED), options());

    Decision decision = runInstances(account, CredentialKind.CONSOLE_WITH_MFA);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }

  /** The statement's location is the line of its "- Sid:" in the template. */
  @Test
  void locatesStatementsAtTheirSidLine() {
    Account account = CloudFormationLoader.load(List.of(SEED), options());
    List<Statement> statements = account.managedPolicy("arn:aws:iam::123456789012:policy/Force_MFA").orElseThrow()
        .document().statements();

    assertThat(statements.get(0).location().line()).isEqualTo(12);
    assertThat(statements.get(0).location().file()).isEqualTo("src/test/resources/cloudformation/seed.yaml");
    assertThat(statements.get(0).location().address()).isEqualTo("ForceMfaPolicy");
    assertThat(statements.get(5).location().line()).isEqualTo(70);
  }

  @Test
  void loadsTheExampleRepositoryCredentialsStack() {
    Path stack = Path.of("../example-repo/cloudformation/credentials.yaml");
    LoadReport report = CloudFormationLoader.report(List.of(stack), options());
    Account account = CloudFormationLoader.load(List.of(stack), options());

    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).isEmpty();
    assertThat(account.users()).containsOnlyKeys("mfa-only-user", "credentials-user");
    assertThat(account.groups()).containsOnlyKeys("MfaOnlyUsers", "SelfServiceCredentials");
    assertThat(account.user("mfa-only-user").orElseThrow().groups()).containsExactly("MfaOnlyUsers");
    assertThat(account.user("credentials-user").orElseThrow().groups()).containsExactly("SelfServiceCredentials");
    assertThat(account.user("credentials-user").orElseThrow().tags()).containsEntry("team", "platform");
    assertThat(account.managedPolicy("arn:aws:iam::123456789012:policy/prod-ManageOwnMFAOnly").orElseThrow()
        .document().statements()).hasSize(4);
    assertThat(account.managedPolicy("arn:aws:iam::123456789012:policy/ManageOwnCredentialsWithMFA").orElseThrow()
        .document().statements()).hasSize(9);
    assertThat(account.group("SelfServiceCredentials").orElseThrow().managedPolicyArns())
        .containsExactly("arn:aws:iam::123456789012:policy/ManageOwnCredentialsWithMFA");
    assertThat(account.group("MfaOnlyUsers").orElseThrow().managedPolicyArns())
        .containsExactly("arn:aws:iam::123456789012:policy/prod-ManageOwnMFAOnly");
  }

  @Test
  void parameterValuesFromTheTestChangeNamesAndConditions() {
    Path stack = Path.of("../example-repo/cloudformation/credentials.yaml");
    Account account = CloudFormationLoader.load(List.of(stack), options().withValues(Map.of("Environment", "dev")));

    assertThat(account.groups()).containsOnlyKeys("MfaOnlyUsers", "dev-SelfServiceCredentials");
    assertThat(account.managedPolicies()).containsKey("arn:aws:iam::123456789012:policy/dev-ManageOwnMFAOnly");
  }

  // ------------------------------------------------ the seed as written, evaluated from a raw request

  static final Path SEEDS = Path.of(System.getProperty("iamunit.shared", "../../shared"), "seeds").toAbsolutePath().normalize();

  /** The Force_MFA document of seed 003, exactly as the IAM User Guide prints it (the one JSON line of the seed file). */
  static Policy seedDocument() throws IOException {
    Path seed;
    try (Stream<Path> files = Files.list(SEEDS)) {
      seed = files.filter(f -> f.getFileName().toString().startsWith("003_")).findFirst().orElseThrow();
    }
    String json = Files.readAllLines(seed).stream().map(String::strip).filter(l -> l.startsWith("{ \"Version\"")).findFirst()
        .orElseThrow();
    return PolicyParser.parse(json, seed.toString(), PolicyKind.IDENTITY, "Force_MFA");
  }

  /** A statement without its location, to compare documents written in different files. */
  static String shape(Statement s) {
    return s.sid().orElse("-") + " " + s.effect() + " " + (s.action().negated() ? "Not" : "") + s.action().values() + " "
        + s.resource().map(r -> (r.negated() ? "Not" : "") + r.values()).orElse("") + " "
        + s.conditions().stream().map(c -> c.operator() + " " + c.key() + " " + c.values()).toList();
  }

  @Test
  void forceMfaIsTheSeedDocumentStatementForStatement() throws IOException {
    Account account = CloudFormationLoader.load(List.of(SEED), options());
    Policy loaded = account.managedPolicy("arn:aws:iam::123456789012:policy/Force_MFA").orElseThrow().document();

    assertThat(loaded.version()).isEqualTo(seedDocument().version());
    assertThat(loaded.statements()).extracting(SeedScenarioTests::shape)
        .containsExactlyElementsOf(seedDocument().statements().stream().map(SeedScenarioTests::shape).toList());
  }

  /** Every identity policy of a user: inline and attached, and those of each group it is in (IAM User Guide, policy evaluation logic). */
  static PolicySet identityPolicies(Account account, User user) {
    List<Policy> policies = new ArrayList<>(user.inlinePolicies());
    user.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    for (String name : user.groups()) {
      Group group = account.group(name).orElseThrow();
      policies.addAll(group.inlinePolicies());
      group.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    }
    return PolicySet.builder().identity(policies).build();
  }

  static Decision runInstancesWithMfaPresent(String present) {
    Account account = CloudFormationLoader.load(List.of(SEED), options());
    User user = account.user("MFAUser").orElseThrow();
    Request request = Request.of(user.arn(), "ec2:RunInstances", "*", RequestContext.builder()
        .put("aws:username", "MFAUser").put("aws:MultiFactorAuthPresent", present).build());
    return Evaluator.standard().explain(request, identityPolicies(account, user));
  }

  /** "BlockMostAccessUnlessSignedInWithMFA": BoolIfExists aws:MultiFactorAuthPresent false denies everything else. */
  @Test
  void rawRequestWithoutMfaIsExplicitlyDeniedByBlockMostAccess() {
    Decision decision = runInstancesWithMfaPresent("false");

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.deciding()).extracting(r -> r.statement().sid().orElse(""))
        .containsExactly("BlockMostAccessUnlessSignedInWithMFA");
  }

  /** With MFA the deny does not apply, and AmazonEC2FullAccess (ec2:*) allows. */
  @Test
  void rawRequestWithMfaIsAllowedByAmazonEc2FullAccess() {
    Decision decision = runInstancesWithMfaPresent("true");

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }
}
