package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Coverage of seed 003 (AWS's "force MFA" tutorial: group EC2MFA with Force_MFA and
 * AmazonEC2FullAccess, users MFAUser and OtherUser) after three of the tutorial's checks.
 */
class ForceMfaCoverageTests {

  private static final String ACCOUNT = "111122223333";
  private static final String FORCE_MFA_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/Force_MFA";
  private static final String EC2_FULL_ACCESS_ARN = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void countsForceMfaStatementsAndLeavesTheAwsManagedPolicyOut() throws IOException {
    Account account = account(PolicyParser.parse(seedJson("003"), "seeds/003", PolicyKind.IDENTITY, "Force_MFA"));
    CoverageRecorder recorder = new CoverageRecorder();
    recorder.recordInventory(account);
    record(recorder, account, "ec2:RunInstances", "*", CredentialKind.CONSOLE_WITHOUT_MFA, "ec2IsDeniedWithoutMfa");
    record(recorder, account, "ec2:RunInstances", "*", CredentialKind.CONSOLE_WITH_MFA, "ec2IsAllowedWithMfa");
    record(recorder, account, "iam:ChangePassword", "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", CredentialKind.CONSOLE_WITH_MFA,
        "changesOwnPasswordWithMfa");

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.statements()).extracting(StatementCoverage::policy).containsOnly("Force_MFA").hasSize(6);
    assertThat(analysis.total().counter(CounterKind.STATEMENT)).isEqualTo(new Counter(2, 4));
    assertThat(analysis.total().counter(CounterKind.DENY)).isEqualTo(new Counter(1, 0));
    assertThat(analysis.total().counter(CounterKind.ALLOW)).isEqualTo(new Counter(1, 4));
    assertThat(analysis.total().counter(CounterKind.CONDITION)).as("BoolIfExists seen both ways, Bool never").isEqualTo(new Counter(1, 1));

    StatementCoverage block = analysis.statementsWithSid("BlockMostAccessUnlessSignedInWithMFA").get(0);
    assertThat(block.decisiveTests()).containsExactly("ec2IsDeniedWithoutMfa");
    assertThat(block.notAppliedCondition()).isEqualTo(2);
    assertThat(block.key().line()).as("the seed's JSON is one line: the column tells statements apart").isEqualTo(1);
    assertThat(analysis.statements()).extracting(s -> s.key().column()).doesNotHaveDuplicates();

    assertThat(analysis.elements(ElementKind.PRINCIPAL)).extracting(ElementCoverage::name)
        .containsExactly("user/MFAUser", "user/OtherUser");
    assertThat(analysis.elements(ElementKind.PRINCIPAL).get(0).counter(CounterKind.STATEMENT)).isEqualTo(new Counter(2, 4));

    CheckResult gate = CoverageCheck.of(List.of()).requiringSids(List.of("BlockMostAccessUnlessSignedInWithMFA",
        "AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA")).run(analysis);
    assertThat(gate.violations()).extracting(Violation::message).containsExactly("Required Sid "
        + "AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA (seeds/003:1, Allow in Force_MFA) was not exercised by any test");
  }

  private static void record(CoverageRecorder recorder, Account account, String action, String resource, CredentialKind kind,
      String test) {
    Caller caller = Caller.user(account, "MFAUser");
    BoundRequest request = caller.request(action, resource, kind, NOW, Map.of());
    recorder.record(request.policies(), Evaluator.standard().explain(request), test);
  }

  private static Account account(Policy forceMfa) {
    String ec2FullAccess = AwsData.bundled().managedPolicy(EC2_FULL_ACCESS_ARN).orElseThrow().document();
    return Account.builder()
        .id(ACCOUNT)
        .managedPolicy(new ManagedPolicy(FORCE_MFA_ARN, "Force_MFA", "/", forceMfa, false))
        .managedPolicy(new ManagedPolicy(EC2_FULL_ACCESS_ARN, "AmazonEC2FullAccess", "/",
            PolicyParser.parse(ec2FullAccess, "aws:AmazonEC2FullAccess", PolicyKind.IDENTITY, "AmazonEC2FullAccess"), true))
        .group(new Group("EC2MFA", "/", "arn:aws:iam::" + ACCOUNT + ":group/EC2MFA", List.of(),
            List.of(FORCE_MFA_ARN, EC2_FULL_ACCESS_ARN), SourceLocation.UNKNOWN))
        .user(user("MFAUser"))
        .user(user("OtherUser"))
        .build();
  }

  private static User user(String name) {
    return new User(name, "/", "arn:aws:iam::" + ACCOUNT + ":user/" + name, Map.of(), List.of("EC2MFA"), List.of(),
        List.of(), Optional.empty(), SourceLocation.UNKNOWN);
  }

  /** The policy JSON in seed {@code number}, cut from the AWS page it is in (as policy-engine's tests do). */
  private static String seedJson(String number) throws IOException {
    Path folder = Path.of(System.getProperty("iamunit.shared", "../../shared"), "seeds");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, number + "_*.txt")) {
      String text = Files.readString(files.iterator().next());
      int start = text.lastIndexOf('{', text.indexOf("\"Version\""));
      int depth = 0;
      for (int i = start; i < text.length(); i++) {
        if (text.charAt(i) == '{') {
          depth++;
        } else if (text.charAt(i) == '}' && --depth == 0) {
          return text.substring(start, i + 1);
        }
      }
      throw new IllegalStateException("unbalanced JSON in seed " + number);
    }
  }
}
