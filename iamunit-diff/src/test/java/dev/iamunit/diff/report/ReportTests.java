package dev.iamunit.diff.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.diff.Version;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four formats of one diff: an added action (s3:PutObject) and, for SARIF, a removed condition too. */
class ReportTests {

  private static AccessDiff diff(String kind) {
    Path pair = Path.of("src/test/resources/changes", kind);
    return AccessDiffer.standard().compare(
        new Version("origin/main", pair.resolve("base"), false), new Version("HEAD", pair.resolve("head"), false),
        List.of(), SourceFormats.standard());
  }

  @Test
  void markdownIsAPullRequestCommentWithTheEditFirstAndEachCauseFolded() {
    String markdown = MarkdownReport.render(diff("added-action"));

    assertThat(markdown).startsWith("""
        <!-- iamunit-diff -->
        ### IAMUnit access diff

        `origin/main` → `HEAD`: 3 requests newly allowed, 0 newly denied, 0 with a changed reason. Proved over every \
        region of requests (478 principal/action pairs).

        Re-decided 1 of 1 principal: user alice's inline policy Reports changed.

        The statement edits that change decisions:

        ```diff
          Allow ReadReports (Reports, main.tf:11)
        + "Action": "s3:PutObject"   main.tf:11
        ```

        #### Newly allowed: 3 requests, 3 causes

        <details><summary>user alice, console sign-in with MFA: 1 request: s3:PutObject on 1 resource (proved); \
        Allow ReadReports (Reports) edited</summary>

        ```diff
          Allow ReadReports (Reports, main.tf:11)
        + "Action": "s3:PutObject"   main.tf:11
        ```

        | Requests | Base | Head |
        | ---: | --- | --- |
        | 1 | implicitly denied: no identity-based or resource-based policy allows the request (implicit deny) | allowed by statement ReadReports (main.tf:11) |

        For example:
        - `s3:PutObject on arn:aws:s3:::reports/example`

        </details>
        <details><summary>user alice, console sign-in without MFA: 1 request:""");
    assertThat(markdown).endsWith("</details>\n");
    assertThat(markdown).contains("""
        <details><summary>Request space: 30 requests per version: 1 principal × 22,091 actions on 5 resources × 3 \
        credential kinds × up to 1 context</summary>

        - Actions: every action of the bundled catalog and every action a statement names, 22,091, in 478 classes: the \
        actions of one service that the same patterns match and the evaluator's own rules treat alike are one class, one \
        representative each; an action a statement names that the catalog lacks is its own class.
        """);
  }

  @Test
  void textGroupsByCauseWithTheStatementDiff() throws Exception {
    String text = TextReport.render(diff("added-action"));

    assertThat(text).startsWith("""
        IAMUnit access diff: base origin/main -> head HEAD
        Read in base origin/main: 1 file: main.tf
        Read in head HEAD: 1 file: main.tf
        Request space: 30 requests per version: 1 principal × 22,091 actions on 5 resources × 3 credential kinds × up to 1 context
        """);
    // The first cause's block is a file: iamunit-cli's DiffCommandTests expects the same text from the CLI.
    assertThat(text).contains("""
        Re-decided 1 of 1 principal: user alice's inline policy Reports changed.
        3 requests newly allowed, 0 newly denied, 0 with a changed reason. Proved over every region of requests (478 principal/action pairs).

        Newly allowed: 3 requests, 3 causes
        """ + Files.readString(Path.of("src/test/resources/changes/added-action/first-cause.txt")) + """
          2. user alice, console sign-in without MFA: 1 request: s3:PutObject on 1 resource (proved)
        """).doesNotContain("every request (");
  }

  @Test
  void textWithAllListsEveryRequestByPrincipalAndAction() throws Exception {
    String text = TextReport.render(diff("added-action"), true);

    // A file iamunit-cli's DiffCommandTests expects from `iamunit diff --all` too.
    assertThat(text).contains("\n" + Files.readString(Path.of("src/test/resources/changes/added-action/every-request.txt"))
        + "\nCompared in ").doesNotContain("for example:");
  }

  @Test
  void jsonHasOneObjectPerRequest() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff("removed-condition")));

    // Issue 26: only the classes the edited statement can apply to are asked; the other 471 pairs are proved by the edit's shape.
    assertThat(json.get("requestSpace").get("requests").asLong()).isEqualTo(9);
    assertThat(json.get("requestSpace").get("provedPairs").asLong()).isEqualTo(477);
    assertThat(json.get("requestSpace").get("sampledPairs")).isEmpty();
    // Issue 26: only the principals the change can affect are decided, and the report says why.
    assertThat(json.get("scope").get("principals").asInt()).isEqualTo(1);
    assertThat(json.get("scope").get("decided").asInt()).isEqualTo(1);
    assertThat(json.get("scope").get("reasons").get(0).get("why").asText()).startsWith("user alice's inline policy ");
    assertThat(json.get("summary").get("principalsDecided").asInt()).isEqualTo(1);
    // Two regions of instances: the account's, and an ARN without an account.
    assertThat(json.get("summary").get("newlyAllowed").asInt()).isEqualTo(4);
    JsonNode cause = json.get("causes").get(0);
    assertThat(cause.get("principal").asText()).isEqualTo("user alice");
    assertThat(cause.get("credentials").asText()).isEqualTo("CONSOLE_WITHOUT_MFA");
    assertThat(cause.get("requests").asInt()).isEqualTo(2);
    assertThat(cause.get("proved").asBoolean()).isTrue();
    assertThat(cause.get("changedStatements").get(0).get("lines").toString()).isEqualTo(
        "[{\"sign\":\"-\",\"text\":\"\\\"Bool\\\": {\\\"aws:MultiFactorAuthPresent\\\": \\\"true\\\"}\",\"file\":\"main.tf\",\"line\":17}]");
    JsonNode first = json.get("changes").get(0);
    assertThat(first.get("cause").asInt()).isZero();
    assertThat(first.get("change").asText()).isEqualTo("NEWLY_ALLOWED");
    assertThat(first.get("principal").asText()).isEqualTo("user alice");
    assertThat(first.get("action").asText()).isEqualTo("ec2:TerminateInstances");
    assertThat(first.get("credentials").asText()).isEqualTo("CONSOLE_WITHOUT_MFA");
    assertThat(first.get("base").get("outcome").asText()).isEqualTo("IMPLICIT_DENY");
    assertThat(first.get("head").get("deciding").get(0).toString()).isEqualTo(
        "{\"policy\":\"Terminate\",\"statement\":\"TerminateWithMfa\",\"effect\":\"Allow\",\"file\":\"main.tf\",\"line\":11}");
  }

  /** Against the OASIS schema ({@code sarif/sarif-2.1.0-rtm.5.json}, as iamunit-coverage checks its log). */
  @Test
  void sarifIsValidAndPointsAtTheStatementResponsible() throws Exception {
    String sarif = SarifReport.render(diff("removed-condition"));
    JsonNode log = new ObjectMapper().readTree(sarif);

    try (InputStream schema = ReportTests.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      assertThat(validator.validate(log)).isEmpty();
    }
    JsonNode result = log.get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("iamunit/new-access");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.get("locations").get(0).get("physicalLocation").toString()).isEqualTo(
        "{\"artifactLocation\":{\"uri\":\"main.tf\",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":11}}");
    assertThat(result.get("message").get("text").asText()).isEqualTo("""
        Newly allowed: user alice, console sign-in without MFA, 2 requests: ec2:TerminateInstances on 2 resources (proved).
          Allow TerminateWithMfa (Terminate, main.tf:11)
        - "Bool": {"aws:MultiFactorAuthPresent": "true"}   main.tf:17
        2 requests: base implicitly denied: no identity-based or resource-based policy allows the request (implicit deny); head allowed by statement TerminateWithMfa (main.tf:11)
        e.g. ec2:TerminateInstances on arn:aws:ec2:us-east-1:123456789012:instance/example
        e.g. ec2:TerminateInstances on arn:aws:ec2:us-east-1::instance/example""");
  }

  /**
   * {@code iam:GetRole*} added: GetRole and GetRolePolicy act on a role ("role" resource type),
   * GetRoleTemplateVersion on a role template in AWS's account (Service Authorization Reference,
   * Actions, resources, and condition keys for AWS Identity and Access Management). The policies
   * decide the three alike, so one request per region stands for them, and each row names the other
   * actions AWS sends with its resource, in every format: never GetRole with a role template.
   */
  @Test
  void aRowNamesTheActionsAlikeOnItsResourceInEveryFormat() throws Exception {
    AccessDiff diff = diff("alike-actions");
    String onRole = "iam:GetRole on arn:aws:iam::123456789012:role/example and 1 more action alike: iam:GetRolePolicy";

    String text = TextReport.render(diff, false);
    assertThat(text).as(text).contains(onRole).doesNotContain("alike: iam:GetRoleTemplateVersion")
        .doesNotContain("alike: iam:GetRole,");
    assertThat(TextReport.render(diff, true)).contains(
        "      on arn:aws:iam::123456789012:role/example as console sign-in with MFA; console sign-in without MFA; long-term access keys\n"
        + "        and 1 more action alike: iam:GetRolePolicy\n"
        + "        base: implicitly denied");
    assertThat(MarkdownReport.render(diff)).contains(onRole);
    assertThat(SarifReport.render(diff)).contains(onRole);
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff));
    assertThat(json.get("causes").get(0).get("examples").toString()).contains(onRole);
    List<String> alike = new java.util.ArrayList<>();
    json.get("changes").forEach(change -> alike.add(change.get("action").asText() + " on " + change.get("resource").asText()
        + " " + change.get("alike")));
    assertThat(alike).contains("iam:GetRole on arn:aws:iam::123456789012:role/example [\"iam:GetRolePolicy\"]")
        .anySatisfy(row -> assertThat(row).startsWith("iam:GetRoleTemplateVersion on arn:aws:iam::aws:role-template/").endsWith(" []"))
        .noneSatisfy(row -> assertThat(row).contains("role-template").contains("\"iam:GetRole"));
  }
}
