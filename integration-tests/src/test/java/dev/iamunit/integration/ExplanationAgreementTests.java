package dev.iamunit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.iamunit.assertj.IamAssertions;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.Version;
import dev.iamunit.diff.report.MarkdownReport;
import dev.iamunit.diff.report.SarifReport;
import dev.iamunit.diff.report.TextReport;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.junit.AsRole;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithCredentials;
import dev.iamunit.testfiles.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One request, four consumers, one text: MFAUser asks for {@code sts:AssumeRole} on a role whose
 * trust policy names it, with long-term access keys, in example-repo's Terraform beside a stack
 * with that role. Force_MFA's BlockMostAccessUnlessSignedInWithMFA denies it ("BoolIfExists ...
 * if the aws:MultiFactorAuthPresent key is missing, the condition returns true": IAM User Guide,
 * tutorial "Enable your users to configure their own credentials and MFA settings"). The extension's
 * assertion message, {@code iamunit explain} (the CLI's own main, run in the repository), an
 * {@code @AsRole(assumedBy)} trust failure and the access diff's reports must say the decision in
 * the same words, and the three that explain it the same explanation: all go through
 * {@code dev.iamunit.explain.DecisionText}, and this checks that none has a text of its own.
 */
class ExplanationAgreementTests {

  static final String DEPLOYER = "arn:aws:iam::123456789012:role/Deployer";
  static final String FORCE_MFA = "terraform/modules/force-mfa-group/main.tf";

  /** What every consumer must say: the deciding Deny and where it is. */
  static final String SUMMARY = "explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA (" + FORCE_MFA + ":88)";

  static final String EXPLANATION = """
        Deciding statements:
          Deny BlockMostAccessUnlessSignedInWithMFA (Force_MFA, terraform/modules/force-mfa-group/main.tf:88) in the \
      identity-based policy
            BoolIfExists aws:MultiFactorAuthPresent "false" (request: absent) → met
        Also applied:
          Allow MFAUserMayAssume (Deployer, roles/deployer-role.yaml:14) in the resource-based policy
        Evaluation: an explicit Deny applies, which overrides any Allow
        Request context: aws:MultiFactorAuthPresent absent""";

  @TempDir
  static Path work;

  /** example-repo's Terraform and the role's stack: the repository all four consumers read. */
  static Path repository;

  @BeforeAll
  static void repository() throws IOException {
    repository = work.resolve("repository");
    FileTrees.copy(Path.of("../example-repo/terraform"), repository.resolve("terraform"));
    Files.createDirectories(repository.resolve("roles"));
    Files.copy(Path.of("src/test/iam/deployer-role.yaml"), repository.resolve("roles/deployer-role.yaml"));
  }

  /** The extension's assertion: the request is expected to be allowed, and is not. */
  @IamTest(terraform = "terraform", cloudFormation = "roles/deployer-role.yaml")
  @AsUser("MFAUser")
  @WithCredentials(CredentialKind.ACCESS_KEYS)
  static class AssertionScenario {
    @Test
    void mfaUserAssumesDeployer(IamScenario scenario) {
      IamAssertions.assertThat(scenario.request("sts:AssumeRole").on(DEPLOYER)).isAllowed();
    }
  }

  /** The same request made by {@code @AsRole(assumedBy)} before the test runs. */
  @IamTest(terraform = "terraform", cloudFormation = "roles/deployer-role.yaml")
  @AsRole(value = "Deployer", assumedBy = "MFAUser")
  static class TrustScenario {
    @Test
    void asDeployer(IamScenario scenario) {
      // Never reached: the trust check fails the test first.
    }
  }

  @Test
  void theExtensionsAssertionMessageSaysTheDecisionAndExplainsIt() {
    String message = failureOf(AssertionScenario.class);

    assertThat(message).startsWith("Expecting sts:AssumeRole on " + DEPLOYER + " as MFAUser (long-term access keys) to be "
        + "allowed, but it was ");
    assertThat(parts(message, "but it was ")).containsExactly(SUMMARY, EXPLANATION);
  }

  @Test
  void anAsRoleTrustFailureSaysTheDecisionAndExplainsItInTheSameWords() {
    String message = failureOf(TrustScenario.class);

    assertThat(message).startsWith("@AsRole(\"Deployer\", assumedBy = \"MFAUser\"): user MFAUser cannot assume role "
        + "Deployer, so the scenario cannot happen; sts:AssumeRole on " + DEPLOYER + " as MFAUser (long-term access keys) was ");
    assertThat(parts(message, " access keys) was ")).containsExactly(SUMMARY, EXPLANATION);
  }

  @Test
  void iamunitExplainSaysTheDecisionAndExplainsItInTheSameWords() throws Exception {
    Path stderr = work.resolve("explain.err");
    Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", absoluteClassPath(), "dev.iamunit.cli.Main", "explain",
        "--source", "terraform", "--source", "roles/deployer-role.yaml", "--user", "MFAUser",
        "--credentials", "ACCESS_KEYS", "--action", "sts:AssumeRole", "--resource", DEPLOYER)
        .directory(repository.toFile())
        .redirectError(stderr.toFile())
        .start();
    String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(stderr)).isEmpty();
    assertThat(cli.exitValue()).as("denied: exit code 1").isEqualTo(1);
    assertThat(out).startsWith("Request: sts:AssumeRole on " + DEPLOYER + " by arn:aws:iam::123456789012:user/MFAUser");
    assertThat(parts(out.stripTrailing(), "\nDecision: ")).containsExactly(SUMMARY, EXPLANATION);
  }

  /**
   * The diff of a base where Force_MFA's NotAction also lists sts:AssumeRole (so the trust policy
   * alone allows MFAUser in) against the repository: the request is newly denied, and every report
   * format says the head's decision as the others do.
   */
  @Test
  void theAccessDiffsReportsSayTheDecisionInTheSameWords() throws IOException {
    Path base = work.resolve("base");
    FileTrees.copy(repository, base);
    Path forceMfa = base.resolve(FORCE_MFA);
    Files.writeString(forceMfa, Files.readString(forceMfa)
        .replace("\"sts:GetSessionToken\"\n", "\"sts:GetSessionToken\",\n            \"sts:AssumeRole\"\n"));

    AccessDiff diff = AccessDiffer.standard().compare(new Version("base", base, false),
        new Version("head", repository, false), List.of("terraform", "roles"), SourceFormats.standard());

    DiffRow row = diff.rows(Change.NEWLY_DENIED).stream()
        .filter(r -> r.principal().equals("user MFAUser") && r.action().equals("sts:AssumeRole")
            && r.resource().equals(DEPLOYER) && r.credentials() == CredentialKind.ACCESS_KEYS)
        .findFirst().orElseThrow();
    assertThat(row.base().describe()).isEqualTo("allowed by statement MFAUserMayAssume (roles/deployer-role.yaml:14)");
    assertThat(row.head().describe()).isEqualTo(SUMMARY);
    assertThat(TextReport.render(diff)).contains("       head: " + SUMMARY + "\n");
    assertThat(TextReport.render(diff, true)).contains("        head: " + SUMMARY + "\n");
    assertThat(MarkdownReport.render(diff)).contains(" | " + SUMMARY + " |\n");
    assertThat(SarifReport.render(diff)).contains("; head " + SUMMARY + "\\n");
  }

  /** The summary (from {@code after} to the line's end) and the explanation (after "Explanation:"). */
  private static List<String> parts(String text, String after) {
    Matcher matcher = Pattern.compile(Pattern.quote(after) + "(.*?)\nExplanation:\n(.*)", Pattern.DOTALL).matcher(text);
    assertThat(matcher.find()).as("a summary after \"%s\" and an explanation in:%n%s", after, text).isTrue();
    return List.of(matcher.group(1), matcher.group(2));
  }

  /** Runs a scenario class on the repository, as a team's build would, and returns its one failure's message. */
  private static String failureOf(Class<?> scenario) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(scenario))
        .configurationParameter("iamunit.projectRoot", repository.toString())
        .configurationParameter("iamunit.coverage.enabled", "false")
        .build(), listener);
    List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
    assertThat(failures).hasSize(1);
    return failures.get(0).getException().getMessage();
  }

  /** This JVM's class path with absolute entries, for a JVM that runs in another folder. */
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
