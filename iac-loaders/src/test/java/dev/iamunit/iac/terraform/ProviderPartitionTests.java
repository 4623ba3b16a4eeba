package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An account created through a provider in a China or GovCloud Region is in that Region's
 * partition: "A partition is a group of AWS Regions. Each AWS account is scoped to one partition"
 * (AWS General Reference, "Amazon Resource Names (ARNs)", ARN format). Its principals' and
 * resources' ARNs, {@code data "aws_partition"} ("partition - Identifier of the current partition
 * (e.g., aws in AWS Commercial, aws-cn in AWS China)", AWS provider, Data Source: aws_partition) and
 * the ARNs the evaluator makes for its callers ({@code arn:aws-cn:sts::...:assumed-role/...}) are in
 * it, so that a policy written for China matches its requests and one written for {@code aws} does
 * not.
 */
class ProviderPartitionTests {

  private static final String CHINA = "999999999999";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * The load's default provider is in eu-west-1; the alias {@code china} is in cn-north-1 and
   * assumes a role in account 999999999999, where the reader role, its policies and the bucket
   * are created.
   */
  private static final String CONFIGURATION = """
      provider "aws" { region = "eu-west-1" }
      provider "aws" {
        alias  = "china"
        region = "cn-north-1"
        assume_role { role_arn = "arn:aws-cn:iam::999999999999:role/terraform" }
      }
      data "aws_partition" "china" { provider = aws.china }
      data "aws_caller_identity" "china" { provider = aws.china }
      resource "aws_s3_bucket" "data" {
        provider = aws.china
        bucket   = "china-data"
      }
      data "aws_iam_policy_document" "read" {
        statement {
          actions   = ["s3:GetObject"]
          resources = ["${aws_s3_bucket.data.arn}/*"]
        }
        statement {
          sid       = "WrittenForChina"
          actions   = ["s3:GetObject"]
          resources = ["arn:aws-cn:s3:::shared/*"]
        }
        statement {
          sid       = "WrittenForAws"
          actions   = ["s3:GetObject"]
          resources = ["arn:aws:s3:::audit/*"]
        }
      }
      resource "aws_iam_role" "reader" {
        provider = aws.china
        name     = "reader"
        assume_role_policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "arn:${data.aws_partition.china.partition}:iam::${data.aws_caller_identity.china.account_id}:root" }
          }]
        })
      }
      resource "aws_iam_role_policy" "read" {
        provider = aws.china
        role     = aws_iam_role.reader.id
        policy   = data.aws_iam_policy_document.read.json
      }
      resource "aws_iam_role" "auditor" {
        provider           = aws.china
        name               = "auditor"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
      }
      resource "aws_iam_role_policy_attachment" "read_only" {
        provider   = aws.china
        role       = aws_iam_role.auditor.name
        policy_arn = "arn:${data.aws_partition.china.partition}:iam::aws:policy/ReadOnlyAccess"
      }
      resource "aws_iam_user" "local" { name = "local" }
      resource "aws_iam_role" "writer" {
        provider           = aws.china
        name               = "writer"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
      }
      resource "aws_s3_bucket_policy" "data" {
        provider = aws.china
        bucket   = aws_s3_bucket.data.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [
            {
              Sid       = "SessionInChina"
              Effect    = "Allow"
              Principal = { AWS = "arn:aws-cn:sts::999999999999:assumed-role/writer/build" }
              Action    = "s3:PutObject"
              Resource  = "${aws_s3_bucket.data.arn}/incoming/*"
            },
            {
              Sid       = "SessionInAws"
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:sts::999999999999:assumed-role/writer/build" }
              Action    = "s3:PutObject"
              Resource  = "${aws_s3_bucket.data.arn}/legacy/*"
            }
          ]
        })
      }
      """;

  @TempDir
  Path dir;

  private LoadedSources load(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir));
  }

  @Test
  void anAliasInAChinaRegionCreatesItsAccountInPartitionAwsCn() throws IOException {
    LoadedSources loaded = load(CONFIGURATION);

    assertThat(loaded.report().problems()).isEmpty();
    Account china = loaded.accounts().byId(CHINA).orElseThrow();
    assertThat(china.partition()).isEqualTo("aws-cn");
    assertThat(china.region()).isEqualTo("cn-north-1");
    Role reader = china.role("reader").orElseThrow();
    assertThat(reader.arn()).isEqualTo("arn:aws-cn:iam::999999999999:role/reader");
    assertThat(reader.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws-cn:iam::999999999999:root");
    assertThat(reader.inlinePolicies().get(0).statements().get(0).resource().orElseThrow().values())
        .containsExactly("arn:aws-cn:s3:::china-data/*");
    assertThat(china.role("auditor").orElseThrow().managedPolicyArns()).containsExactly("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    assertThat(china.resourcePolicies()).containsOnlyKeys("arn:aws-cn:s3:::china-data");
  }

  /** The load's own account (user local) stays where its default provider is: eu-west-1, partition aws. */
  @Test
  void theDefaultProvidersAccountKeepsItsOwnPartition() throws IOException {
    Account home = load(CONFIGURATION).accounts().home();

    assertThat(home.id()).isEqualTo(Account.DEFAULT_ID);
    assertThat(home.user("local").orElseThrow().arn()).isEqualTo("arn:aws:iam::123456789012:user/local");
    assertThat(home.partition()).isEqualTo("aws");
    assertThat(home.region()).isEqualTo("eu-west-1");
  }

  /**
   * The bundled AWS managed policies are those of partition aws; the China one is reported as not
   * found, with why, rather than read as the aws document (whose own ARNs name aws). (A role it is
   * attached to cannot be evaluated then, as for any managed policy IAMUnit does not know.)
   */
  @Test
  void anAwsManagedPolicyOfAnotherPartitionIsReportedNotGuessed() throws IOException {
    LoadReport report = load(CONFIGURATION).report();

    assertThat(report.unresolved()).filteredOn(u -> u.expression().equals("arn:aws-cn:iam::aws:policy/ReadOnlyAccess"))
        .singleElement().satisfies(u -> {
          assertThat(u.location().fileAndLine()).isEqualTo("main.tf:54");
          assertThat(u.reason()).isEqualTo("AWS managed policy of partition aws-cn: IAMUnit's bundled AWS data holds the AWS managed "
              + "policies of partition aws only, and AWS does not document that aws-cn has the same ones with the same documents (many of "
              + "which name arn:aws: resources), so its document is not known");
        });
  }

  /** A statement written with {@code arn:aws-cn:} matches the account's requests; one written with {@code arn:aws:} does not. */
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      s3:GetObject | arn:aws-cn:s3:::china-data/report.csv | ALLOWED
      s3:GetObject | arn:aws-cn:s3:::shared/report.csv     | ALLOWED
      s3:GetObject | arn:aws-cn:s3:::audit/report.csv      | IMPLICIT_DENY
      """)
  void resourcePatternsMatchInTheAccountsPartition(String action, String resource, Outcome expected) throws IOException {
    LoadedSources loaded = load(CONFIGURATION);
    Account china = loaded.accounts().byId(CHINA).orElseThrow();

    Decision decision = Evaluator.standard().explain(Caller.roleSession(loaded.accounts(), china, "reader", "build")
        .request(action, resource, CredentialKind.ASSUMED_ROLE, NOW, Map.of()));

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * A role session of an account in aws-cn is {@code arn:aws-cn:sts::ACCOUNT:assumed-role/ROLE/SESSION}
   * ("arn:aws:sts::account:assumed-role/role-name/role-session-name", IAM User Guide, IAM identifiers,
   * IAM ARNs, in the account's partition): a bucket policy naming that session grants it, one naming
   * the session in partition aws does not.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      arn:aws-cn:s3:::china-data/incoming/a.csv | ALLOWED
      arn:aws-cn:s3:::china-data/legacy/a.csv   | IMPLICIT_DENY
      """)
  void aSessionsArnIsInItsAccountsPartition(String resource, Outcome expected) throws IOException {
    LoadedSources loaded = load(CONFIGURATION);
    Account china = loaded.accounts().byId(CHINA).orElseThrow();
    Caller writer = Caller.roleSession(loaded.accounts(), china, "writer", "build");

    Decision decision = Evaluator.standard().explain(writer.request("s3:PutObject", resource, CredentialKind.ASSUMED_ROLE, NOW, Map.of()));

    assertThat(writer.arn()).isEqualTo("arn:aws-cn:sts::999999999999:assumed-role/writer/build");
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /** A GovCloud default provider makes the load's own account, and its root user, aws-us-gov. */
  @Test
  void aGovCloudDefaultProviderPutsTheLoadedAccountInAwsUsGov() throws IOException {
    LoadedSources loaded = load("""
        provider "aws" { region = "us-gov-west-1" }
        data "aws_partition" "current" {}
        resource "aws_iam_user" "ci" { name = "ci" }
        resource "aws_iam_user_policy" "ci" {
          user   = aws_iam_user.ci.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:ListBucket",
            Resource = "arn:${data.aws_partition.current.partition}:s3:::gov-data" }] })
        }
        """);

    Account account = loaded.account();
    assertThat(account.partition()).isEqualTo("aws-us-gov");
    assertThat(account.user("ci").orElseThrow().arn()).isEqualTo("arn:aws-us-gov:iam::123456789012:user/ci");
    assertThat(Caller.root(account).arn()).isEqualTo("arn:aws-us-gov:iam::123456789012:root");
    Decision decision = Evaluator.standard().explain(Caller.user(account, "ci")
        .request("s3:ListBucket", "arn:aws-us-gov:s3:::gov-data", CredentialKind.ACCESS_KEYS, NOW, Map.of()));
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * A region in no partition is what Terraform refuses to plan with ("Error: invalid AWS Region:
   * xx-foo-1", AWS provider 5.100): a problem at the provider block, and the partition of what the
   * provider creates is unresolved, not aws.
   */
  @Test
  void aRegionInNoPartitionIsAProblemAndLeavesThePartitionUnresolved() throws IOException {
    LoadedSources loaded = load("""
        provider "aws" {
          alias  = "moon"
          region = "xx-foo-1"
        }
        resource "aws_iam_user" "ci" {
          provider = aws.moon
          name     = "ci"
        }
        """);

    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).isEqualTo("main.tf:1");
      assertThat(p.message()).startsWith("provider aws.moon has region \"xx-foo-1\" is in no AWS partition (aws ")
          .endsWith(" (Terraform refuses it: \"invalid AWS Region\")");
    });
    String arn = loaded.account().user("ci").orElseThrow().arn();
    assertThat(Unresolved.readable(arn, loaded.account().unresolved())).isEqualTo("arn:<unresolved: provider aws.moon partition>:iam::123456789012:user/ci");
  }

  /** With {@code skip_region_validation}, Terraform plans such a region (its aws_partition is ""): no problem, the partition unresolved. */
  @Test
  void aRegionInNoPartitionWithSkipRegionValidationLeavesThePartitionUnresolvedOnly() throws IOException {
    LoadedSources loaded = load("""
        provider "aws" {
          alias                  = "moon"
          region                 = "xx-foo-1"
          skip_region_validation = true
        }
        resource "aws_iam_user" "ci" {
          provider = aws.moon
          name     = "ci"
        }
        """);

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).contains("provider aws.moon partition");
  }
}
