package dev.iamunit.diff.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.BlastRadius;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.Gate;
import dev.iamunit.diff.StatementChange;
import dev.iamunit.diff.Version;
import dev.iamunit.iac.SourceFormats;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the diff of an organization reports per account, and for an SCP or RCP change its blast
 * radius: the accounts it reaches by its attachments, and there the principals and actions that
 * gain or lose access, with a request that proves it. Each organization is a small Terraform pair
 * under {@code changes/}; the expected blast radius text is a file iamunit-cli's DiffCommandTests
 * expects from the CLI too.
 *
 * <p>"If you attach an SCP to an OU, it affects all accounts in that OU and in any child OUs. If
 * you attach the policy directly to an account, then it affects only that account" (AWS
 * Organizations API Reference, AttachPolicy).
 */
class BlastRadiusTests {

  private static final Path CHANGES = Path.of("src/test/resources/changes");

  /** Each pair is diffed once (the region lock's NotAction reaches the whole catalog: tens of seconds on a loaded machine). */
  private static final Map<String, AccessDiff> DIFFS = new ConcurrentHashMap<>();

  private static AccessDiff diff(String kind) {
    return DIFFS.computeIfAbsent(kind, k -> AccessDiffer.standard().compare(
        new Version("base", CHANGES.resolve(k).resolve("base"), false), new Version("head", CHANGES.resolve(k).resolve("head"), false),
        List.of(), SourceFormats.standard()));
  }

  private static String expected(String kind) throws Exception {
    return Files.readString(CHANGES.resolve(kind).resolve("blast-radius.txt"));
  }

  /**
   * The region lock attached to Workloads reaches prod and dev, not sandbox (in Sandboxes): widened
   * to eu-central-1, it newly allows prod's operator to run instances there; dev declares no
   * principal, so the lock applies there and nothing changes.
   */
  @Test
  void aRegionLockWidenedAtAnOuReachesTheAccountsOfThatOuOnly() throws Exception {
    AccessDiff diff = diff("region-lock-widened");

    assertThat(TextReport.render(diff)).contains(expected("region-lock-widened"));
    BlastRadius lock = diff.blastRadius().get(0);
    assertThat(diff.blastRadius()).hasSize(1);
    assertThat(lock.describe()).isEqualTo("SCP region-lock (main.tf:64)");
    assertThat(lock.accounts()).extracting(r -> r.account().description())
        .containsExactly("prod (111111111111)", "dev (222222222222)");
    assertThat(lock.accounts().get(0).causes()).allSatisfy(c -> {
      assertThat(c.change()).isEqualTo(Change.NEWLY_ALLOWED);
      assertThat(c.actions()).containsExactly("ec2:RunInstances");
      assertThat(c.rows()).allSatisfy(r -> assertThat(r.context()).containsEntry("aws:RequestedRegion", "eu-central-1"));
    });
    assertThat(lock.accounts().get(1).causes()).isEmpty();
  }

  /**
   * Detaching the protect-CloudTrail SCP from prod is no edit of its statement: the statement still
   * reads the same and still reaches dev. The blast radius names the attachment, prod (reached in
   * the base only) where the admin may stop logging again, and dev where nothing changes; the cause
   * names the SCP prod's admin lost, not a removed statement.
   */
  @Test
  void anScpDetachedFromOneAccountIsAnAttachmentChangeReachingThatAccount() throws Exception {
    AccessDiff diff = diff("cloudtrail-scp-detached");

    assertThat(TextReport.render(diff)).contains(expected("cloudtrail-scp-detached"));
    assertThat(diff.statementChanges()).extracting(StatementChange::statement).doesNotContain("ProtectCloudTrail");
    BlastRadius.Reach prod = diff.blastRadius().get(0).accounts().get(0);
    assertThat(prod.base()).isTrue();
    assertThat(prod.head()).isFalse();
    Cause stopLogging = diff.causes(Change.NEWLY_ALLOWED).get(0);
    assertThat(stopLogging.principalChange().orElseThrow().lines()).extracting(StatementChange.Line::toString)
        .containsExactly("- \"ServiceControlPolicies\": \"protect-cloudtrail (through account prod (111111111111))\"");
    assertThat(stopLogging.actions()).containsExactly("cloudtrail:DeleteTrail", "cloudtrail:StopLogging");
  }

  /**
   * An RCP reaches the resources of the accounts it is attached above: narrowed to s3:PutObject,
   * prod's reader may read its bucket without TLS again. "RCPs ... apply to resources in member
   * accounts" (AWS Organizations User Guide, Resource control policies (RCPs)).
   */
  @Test
  void anRcpChangeListsTheAccountsWhoseResourcesItReaches() throws Exception {
    AccessDiff diff = diff("rcp-narrowed");

    assertThat(TextReport.render(diff)).contains(expected("rcp-narrowed"));
    BlastRadius tls = diff.blastRadius().get(0);
    assertThat(tls.kind()).isEqualTo("RCP");
    assertThat(tls.accounts().get(0).causes()).extracting(Cause::principal, Cause::actions)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("role reader in prod (111111111111)", List.of("s3:GetObject")));
    assertThat(tls.accounts().get(0).causes().get(0).rows().get(0).context()).containsEntry("aws:SecureTransport", "false");
    assertThat(tls.accounts().get(1).causes()).isEmpty();
  }

  /** Several accounts: each with a change gets its section, the others one line; the gate still fails on new access. */
  @Test
  void theTextGroupsChangesByAccount() {
    AccessDiff diff = diff("cloudtrail-scp-detached");

    String text = TextReport.render(diff);
    assertThat(text).contains("\nAccount prod (111111111111): 8 requests newly allowed, 0 newly denied, 12 with a changed reason.\n"
        + "\nNewly allowed: 8 requests, 2 causes\n  1. role admin in prod (111111111111), assumed-role session: ")
        .contains("\nNo change in who may do what in 123456789012, dev (222222222222).\n")
        .doesNotContain("Account dev (222222222222):");
    assertThat(Gate.NEW_ACCESS.fails(diff)).isTrue();
  }

  @Test
  void markdownHasABlastRadiusTableAndASectionPerAccount() {
    String markdown = MarkdownReport.render(diff("rcp-narrowed"));

    assertThat(markdown).contains("""
        #### Organization policy change: 1 (RCP s3-over-tls): the accounts each reaches, and who gains or loses access there

        **RCP s3-over-tls (main.tf:48): statements edited; reaches 2 accounts**

        ```diff
          Deny S3OnlyOverTls (s3-over-tls, main.tf:50)
        - "Action": "s3:*"   main.tf:50
        + "Action": "s3:PutObject"   main.tf:50
        ```

        | Account | Who gains or loses access |
        | --- | --- |
        | prod (111111111111), reached in base and head | 2 requests newly allowed, 0 newly denied<br>role reader in prod \
        (111111111111), assumed-role session: newly allowed: 1 request: s3:GetObject on 1 resource (proved), e.g. \
        `s3:GetObject on arn:aws:s3:::prod-reports/example (aws:SecureTransport=false)`<br>role reader in prod (111111111111), \
        assumed-role session with MFA: newly allowed: 1 request: s3:GetObject on 1 resource (proved), e.g. \
        `s3:GetObject on arn:aws:s3:::prod-reports/example (aws:SecureTransport=false)` |
        | dev (222222222222), reached in base and head | no declared principal's access changed (24 requests decided \
        alike through other statements) |
        """).contains("\n#### Account prod (111111111111): 2 requests newly allowed, 0 newly denied, 92 with a changed reason.\n"
        + "\n##### Newly allowed: 2 requests, 2 causes\n");
  }

  @Test
  void jsonNamesTheAccountOfEveryCauseAndChangeAndTheBlastRadius() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff("cloudtrail-scp-detached")));

    assertThat(json.get("accounts").toString()).isEqualTo("[{\"id\":\"123456789012\",\"name\":\"\",\"newlyAllowed\":0,"
        + "\"newlyDenied\":0,\"changedReason\":0},{\"id\":\"111111111111\",\"name\":\"prod\",\"newlyAllowed\":8,\"newlyDenied\":0,"
        + "\"changedReason\":12},{\"id\":\"222222222222\",\"name\":\"dev\",\"newlyAllowed\":0,\"newlyDenied\":0,\"changedReason\":0}]");
    assertThat(json.get("causes")).allSatisfy(c -> assertThat(c.get("account").asText()).isEqualTo("111111111111"));
    assertThat(json.get("changes")).allSatisfy(c -> assertThat(c.get("account").asText()).isEqualTo("111111111111"));
    JsonNode scp = json.get("blastRadius").get(0);
    assertThat(scp.get("kind").asText()).isEqualTo("SCP");
    assertThat(scp.get("policy").asText()).isEqualTo("protect-cloudtrail");
    assertThat(scp.get("attachments").toString()).isEqualTo(
        "[{\"sign\":\"-\",\"text\":\"\\\"Target\\\": \\\"account prod (111111111111)\\\"\",\"file\":\"main.tf\",\"line\":58}]");
    JsonNode prod = scp.get("accounts").get(0);
    assertThat(prod.get("id").asText()).isEqualTo("111111111111");
    assertThat(prod.get("reachedInBase").asBoolean()).isTrue();
    assertThat(prod.get("reachedInHead").asBoolean()).isFalse();
    assertThat(prod.get("newlyAllowed").asInt()).isEqualTo(8);
    assertThat(prod.get("causes").get(0).get("examples").get(0).asText())
        .isEqualTo("cloudtrail:DeleteTrail on arn:aws:cloudtrail:eu-west-1:111111111111:trail/example");
    assertThat(scp.get("accounts").get(1).get("causes")).isEmpty();
  }

  @Test
  void sarifNamesTheAccountAndTheOrganizationPolicyInEachResultsProperties() throws Exception {
    JsonNode log = new ObjectMapper().readTree(SarifReport.render(diff("rcp-narrowed")));

    try (InputStream schema = ReportTests.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      assertThat(validator.validate(log)).isEmpty();
    }
    JsonNode result = log.get("runs").get(0).get("results").get(0);
    assertThat(result.get("properties").toString()).isEqualTo(
        "{\"account\":\"111111111111\",\"accountName\":\"prod (111111111111)\",\"organizationPolicies\":[\"RCP s3-over-tls\"]}");
  }
}
