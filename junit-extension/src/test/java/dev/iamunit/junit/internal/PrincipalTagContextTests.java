package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DecidingStatement;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JUnit extension and the access diff make their requests through {@code Caller.request}, so a
 * principal's tags fill the same context in both: a policy whose statements each test one fact about
 * {@code aws:PrincipalTag/*} and {@code aws:PrincipalTagKeys} is decided by the same statements in
 * both, for a user and for a role session.
 */
class PrincipalTagContextTests {

  private static final String ACCOUNT = "111122223333";
  private static final String PROBED = "arn:aws:s3:::reports/q3.csv";
  private static final Map<String, String> TAGS = Map.of("team", "ops", "Project", "apollo");

  /** Each statement allows the request when the context holds one fact about the principal's tags. */
  private static final Policy PROBES = PolicyParser.parse("""
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "HasTeamKey", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "%1$s",
         "Condition": {"ForAnyValue:StringEquals": {"aws:PrincipalTagKeys": "team"}}},
        {"Sid": "KeysAreTeamAndProject", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "%1$s",
         "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalTagKeys": ["team", "Project"]},
                       "Null": {"aws:PrincipalTagKeys": "false"}}},
        {"Sid": "TeamIsOps", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "%1$s",
         "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}},
        {"Sid": "KeysAsOneValue", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "%1$s",
         "Condition": {"StringEquals": {"aws:PrincipalTagKeys": "team"}}}
      ]}""".formatted(PROBED), "probes.json", PolicyKind.IDENTITY, "Probes");

  private static Account account(List<Policy> inline) {
    return Account.builder()
        .id(ACCOUNT)
        .user(new User("alice", "/", "arn:aws:iam::" + ACCOUNT + ":user/alice", TAGS, List.of(), inline, List.of(),
            Optional.empty(), SourceLocation.UNKNOWN))
        .role(new Role("Deployer", "/", "arn:aws:iam::" + ACCOUNT + ":role/Deployer", Optional.empty(), TAGS, inline, List.of(),
            Optional.empty(), SourceLocation.UNKNOWN))
        .build();
  }

  private static final Account BASE = account(List.of());
  private static final Account HEAD = account(List.of(PROBES));
  private static final AccessDiff DIFF = AccessDiffer.standard().compare(BASE, HEAD, "base", "head");

  static Stream<Arguments> requests() {
    IamPrincipal alice = IamPrincipal.user("alice");
    IamPrincipal deployer = IamPrincipal.role("Deployer", AccessDiffer.ROLE_SESSION);
    return Stream.of(
        Arguments.of(alice, "user alice", CredentialKind.ACCESS_KEYS),
        Arguments.of(alice, "user alice", CredentialKind.CONSOLE_WITH_MFA),
        Arguments.of(deployer, "role Deployer", CredentialKind.ASSUMED_ROLE),
        Arguments.of(deployer, "role Deployer", CredentialKind.ASSUMED_ROLE_WITH_MFA));
  }

  @ParameterizedTest(name = "{1}, {2}")
  @MethodSource("requests")
  void theExtensionAndTheDiffDecideByTheSameTagStatements(IamPrincipal who, String label, CredentialKind kind) {
    List<String> diff = DIFF.rows(Change.NEWLY_ALLOWED).stream()
        .filter(row -> row.principal().equals(label) && row.resource().equals(PROBED) && row.credentials() == kind)
        .map(DiffRow::head)
        .flatMap(head -> head.deciding().stream().map(DecidingStatement::statement))
        .sorted()
        .toList();

    List<String> extension = decidingSids(who, kind, Map.of());

    assertThat(extension).isEqualTo(diff).containsExactly("HasTeamKey", "KeysAreTeamAndProject", "TeamIsOps");
  }

  /**
   * {@code @WithPrincipalTag} joins the principal's own tags, for a role as for a user: the keys are
   * now three, so "only team and Project" no longer holds, while "has team" still does.
   */
  @ParameterizedTest(name = "{1}, {2}")
  @MethodSource("requests")
  void aTagTheTestGivesJoinsThePrincipalsOwnKeys(IamPrincipal who, String label, CredentialKind kind) {
    assertThat(decidingSids(who, kind, Map.of("cost-center", "42"))).containsExactly("HasTeamKey", "TeamIsOps");
  }

  private static List<String> decidingSids(IamPrincipal who, CredentialKind kind, Map<String, String> principalTags) {
    ScenarioSettings settings = new ScenarioSettings(Optional.of(who), Optional.empty(),
        new CredentialChoice(Optional.empty(), Optional.of(kind)), Optional.of(AccessDiffer.REQUEST_TIME), Map.of(), principalTags);
    ScenarioEvaluator evaluator = new ScenarioEvaluator(HEAD, dev.iamunit.eval.Evaluator.standard(), settings,
        AccessDiffer.REQUEST_TIME, new CoverageSession(Path.of("target/unused"), false, false), "PrincipalTagContextTests");
    ScenarioRequest request = new ScenarioRequest(evaluator, "s3:GetObject", Optional.of(PROBED), Map.of(), Optional.of(who));
    return request.evaluations().get(0).decision().deciding().stream()
        .map(StatementResult::statement)
        .map(statement -> statement.sid().orElseThrow())
        .sorted()
        .toList();
  }
}
