package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShowCommandTests {

  private static final String POLICIES = "src/test/resources/policies/";
  private static final String TEMPLATES = "src/test/resources/templates/";

  /**
   * Issue 25 item 6: a value derived from a remote module (IAMUnit downloads none) reads as the
   * module block's first line and its location, not the whole block each time it is used.
   */
  @Test
  void aValueFromARemoteModuleShowsTheBlocksFirstLineAndLocation() {
    CliRun run = CliRun.of("show", TEMPLATES + "remote-module");

    assertThat(run.out()).contains("""
              Resource: <unresolved: module "buckets" { … at src/test/resources/templates/remote-module/main.tf:1>/*
        unresolved <unresolved: module "buckets" { … at src/test/resources/templates/remote-module/main.tf:1>  \
        src/test/resources/templates/remote-module/main.tf:1:1: module "buckets" comes from terraform-aws-modules/s3-bucket/aws, \
        which IAMUnit does not download: it reads it only where terraform init installed it, \
        and .terraform/modules/modules.json does not exist beside the root module; run terraform init (or terraform get) \
        there, and IAMUnit reads the module from .terraform/modules (it never downloads)
        """).doesNotContain("version = ");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void showsEveryStatementWithFileAndLine() {
    CliRun run = CliRun.of("show", POLICIES + "force_mfa.json", POLICIES + "bucket_policy.json");

    assertThat(run.out()).startsWith("""
        == src/test/resources/policies/force_mfa.json
        read 1 file: src/test/resources/policies/force_mfa.json
        home account 123456789012 (the default: the sources declare no account; --account gives another)
        managed policy arn:aws:iam::123456789012:policy/force_mfa force_mfa.json  src/test/resources/policies/force_mfa.json:1:1
          statement AllowAllUsersToListAccounts  src/test/resources/policies/force_mfa.json:4:5
            Allow
            Action: iam:ListAccountAliases, iam:ListUsers, iam:ListVirtualMFADevices, iam:GetAccountPasswordPolicy, \
        iam:GetAccountSummary
            Resource: *
        """);
    assertThat(run.out()).contains("""
          statement BlockMostAccessUnlessSignedInWithMFA  src/test/resources/policies/force_mfa.json:30:5
            Deny
        """);
    assertThat(run.out()).contains(
        "    Condition: BoolIfExists aws:MultiFactorAuthPresent false  src/test/resources/policies/force_mfa.json:50:11\n");
    assertThat(run.out()).endsWith("""
        == src/test/resources/policies/bucket_policy.json
        read 1 file: src/test/resources/policies/bucket_policy.json
        home account 123456789012 (the default: the sources declare no account; --account gives another)
        resource policy of src/test/resources/policies/bucket_policy.json bucket_policy.json  \
        src/test/resources/policies/bucket_policy.json:1:1
          statement ReadFromPartner  src/test/resources/policies/bucket_policy.json:4:5
            Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::reports/*
            Principal: AWS arn:aws:iam::444455556666:root
        """);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /** Templates: the example repository's Terraform root module and CloudFormation stack. */
  @Test
  void showsWhatTheLoadersSeeInTemplates() {
    CliRun run = CliRun.of("show", "../example-repo/terraform", "../example-repo/cloudformation");

    assertThat(run.out())
        .contains("== ../example-repo/terraform\n")
        // Outside the project root (the working directory) a file is named by its absolute path.
        .contains("user MFAUser (arn:aws:iam::123456789012:user/MFAUser)  ")
        .contains("example-repo/terraform/modules/force-mfa-group/main.tf:131:1\n")
        .contains("  attached: arn:aws:iam::123456789012:policy/Force_MFA, arn:aws:iam::aws:policy/AmazonEC2FullAccess\n")
        // A folder of templates is one source, as the extension and the diff read it.
        .contains("== ../example-repo/cloudformation\n")
        .contains("  statement DenyAllExceptListedIfNoMFA  ")
        .contains("example-repo/cloudformation/credentials.yaml:");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void writesJsonForMachines() {
    CliRun run = CliRun.of("show", "--json", POLICIES + "ec2_full.json");

    assertThat(run.out()).isEqualTo("""
        {
          "sources" : [ {
            "source" : "src/test/resources/policies/ec2_full.json",
            "files" : [ "src/test/resources/policies/ec2_full.json" ],
            "homeAccount" : {
              "accountId" : "123456789012",
              "rule" : "DEFAULT",
              "description" : "home account 123456789012 (the default: the sources declare no account; --account gives another)"
            },
            "users" : [ ],
            "groups" : [ ],
            "roles" : [ ],
            "managedPolicies" : [ {
              "arn" : "arn:aws:iam::123456789012:policy/ec2_full",
              "name" : "ec2_full",
              "awsManaged" : false,
              "policy" : {
                "name" : "ec2_full.json",
                "version" : "2012-10-17",
                "location" : {
                  "file" : "FILE",
                  "line" : 1,
                  "column" : 1,
                  "address" : ""
                },
                "statements" : [ {
                  "index" : 0,
                  "sid" : "AllowEc2",
                  "effect" : "Allow",
                  "location" : {
                    "file" : "FILE",
                    "line" : 4,
                    "column" : 5,
                    "address" : ""
                  },
                  "action" : {
                    "element" : "Action",
                    "values" : [ "ec2:*" ],
                    "location" : {
                      "file" : "FILE",
                      "line" : 7,
                      "column" : 7,
                      "address" : ""
                    }
                  },
                  "resource" : {
                    "element" : "Resource",
                    "values" : [ "*" ],
                    "location" : {
                      "file" : "FILE",
                      "line" : 8,
                      "column" : 7,
                      "address" : ""
                    }
                  },
                  "principal" : null,
                  "conditions" : [ ],
                  "unresolved" : [ ]
                } ]
              }
            } ],
            "resourcePolicies" : [ ],
            "serviceControlPolicies" : [ ],
            "resourceControlPolicies" : [ ],
            "permissionSets" : [ ],
            "unresolved" : [ ],
            "problems" : [ ]
          } ]
        }
        """.replace("FILE", "src/test/resources/policies/ec2_full.json"));
  }

  /** A policy AWS would reject is shown as a problem with file:line, never dropped; --strict fails on it. */
  @Test
  void anInvalidPolicyIsAProblemNamingFileAndLineAndStrictFailsOnIt() {
    CliRun run = CliRun.of("show", POLICIES + "invalid_effect.json");

    assertThat(run.out()).isEqualTo("""
        == src/test/resources/policies/invalid_effect.json
        read 1 file: src/test/resources/policies/invalid_effect.json
        home account 123456789012 (the default: the sources declare no account; --account gives another)
        problem  src/test/resources/policies/invalid_effect.json:4:15: Effect must be "Allow" or "Deny" (case-sensitive), \
        not "allow"
        """);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(CliRun.of("show", "--strict", POLICIES + "invalid_effect.json").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(CliRun.of("show", "--strict", POLICIES + "force_mfa.json").exitCode()).isEqualTo(ExitCodes.OK);
  }

  /** Class 2 of issue 20: show dropped an unknown SAM policy template without a word. */
  @Test
  void anUnknownSamPolicyTemplateIsShownAsAProblem() {
    CliRun run = CliRun.of("show", "--strict", TEMPLATES + "unknown-sam.yaml");

    assertThat(run.out()).contains("role ").containsPattern(
        "(?m)^problem  src/test/resources/templates/unknown-sam\\.yaml:13:\\d+: Worker Policies: \"NoSuchSamPolicy\" is not a SAM "
            + "policy template IAMUnit knows");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);

    CliRun json = CliRun.of("show", "--json", TEMPLATES + "unknown-sam.yaml");
    assertThat(json.out()).contains("\"problems\" : [ {\n      \"message\" : \"Worker Policies: \\\"NoSuchSamPolicy\\\"");
  }

  /** Issue 20: no output shows an internal placeholder; an unset bucket name reads as elsewhere. */
  @Test
  void anUnresolvedBucketNameReadsAsUnresolvedNeverAsAPlaceholder() {
    CliRun run = CliRun.of("show", TEMPLATES + "bucket-unset.yaml");

    assertThat(run.out())
        .contains("resource policy of arn:aws:s3:::<unresolved: Ref BucketName> ")
        .contains("    Resource: arn:aws:s3:::<unresolved: Ref BucketName>/*\n")
        .doesNotContain("\uE000").doesNotContain("\uE001");
    assertThat(CliRun.of("show", "--json", TEMPLATES + "bucket-unset.yaml").out())
        .contains("\"resource\" : \"arn:aws:s3:::<unresolved: Ref BucketName>\"").doesNotContain("\\uE000");
  }

  /** --account and --region are the load's defaults, as @IamTest's accountId and region; the partition is the region's. */
  @Test
  void accountAndRegionOptionsAreTheLoadDefaults() {
    CliRun run = CliRun.of("show", "--account", "111122223333", "--region", "cn-north-1",
        TEMPLATES + "bucket-unset.yaml");

    assertThat(run.out())
        .contains("role deployer (arn:aws-cn:iam::111122223333:role/deployer)")
        .contains("Principal: AWS arn:aws-cn:iam::111122223333:root");
    CliRun wrong = CliRun.of("show", "--account", "1234", TEMPLATES + "bucket-unset.yaml");
    assertThat(wrong.err()).isEqualTo("iamunit show: --account takes 12 digits, such as 123456789012, not \"1234\"\n");
    assertThat(wrong.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  /**
   * The partition follows --region ("Each AWS account is scoped to one partition", AWS General
   * Reference, Amazon Resource Names): --region us-gov-west-1 alone loads ARNs of aws-us-gov. A
   * --partition, which could only repeat the region's or contradict it, is an input error naming
   * --region, and so is a region in no partition.
   */
  @Test
  void thePartitionFollowsTheRegion() {
    assertThat(CliRun.of("show", "--region", "us-gov-west-1", TEMPLATES + "bucket-unset.yaml").out())
        .contains("role deployer (arn:aws-us-gov:iam::123456789012:role/deployer)");
    for (String partition : new String[] {"aws", "aws-cn"}) {
      CliRun given = CliRun.of("show", "--partition", partition, "--region", "cn-north-1", TEMPLATES + "bucket-unset.yaml");
      assertThat(given.err()).as(partition).isEqualTo("iamunit show: --partition is not an option any more: the partition is the one "
          + "of --region (here cn-north-1, in partition aws-cn), so leave --partition out and give a Region of the partition you mean with "
          + "--region (cn-north-1 for aws-cn, us-gov-west-1 for aws-us-gov)\n");
      assertThat(given.exitCode()).isEqualTo(ExitCodes.INPUT);
    }
    assertThat(CliRun.of("show", "--help").out()).doesNotContain("--partition");
    CliRun unknown = CliRun.of("show", "--region", "moon-base-1", TEMPLATES + "bucket-unset.yaml");
    assertThat(unknown.err()).startsWith("iamunit show: --region: region \"moon-base-1\" is in no AWS partition (aws ");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  /** --var-file and --workspace choose Terraform's variable values, as @IamTest's terraformVarFiles and terraformWorkspace. */
  @Test
  void varFileAndWorkspaceOptionsChooseTerraformValues() {
    String folder = TEMPLATES + "var-files";
    assertThat(CliRun.of("show", folder).out()).contains("Resource: arn:aws:s3:::artifacts-default/*");
    assertThat(CliRun.of("show", "--var-file", folder + "/env/prod.tfvars", "--workspace", "prod", folder).out())
        .contains("Resource: arn:aws:s3:::prod-artifacts-prod/*");

    CliRun missing = CliRun.of("show", "--var-file", folder + "/env/staging.tfvars", folder);
    assertThat(missing.err()).contains(folder + "/env/staging.tfvars");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  /**
   * An SCP attached by an attachment resource is shown with its level and statements: a policy
   * that can deny the account's principals is never left out of what the account holds.
   */
  @Test
  void serviceControlPoliciesAreShownWithTheirLevel() {
    CliRun run = CliRun.of("show", TEMPLATES + "scp-attached");

    assertThat(run.out())
        .contains("SCP (level 0) deny-cloudtrail-stop  " + TEMPLATES + "scp-attached/main.tf:4:24")
        .contains("  statement DenyStop")
        .contains("    Action: cloudtrail:StopLogging");
    CliRun json = CliRun.of("show", "--json", TEMPLATES + "scp-attached");
    assertThat(json.out()).contains("\"serviceControlPolicies\" : [ [ {").contains("\"DenyStop\"");
  }

  /**
   * Issue 20: a membership, an attachment or a principal made by a resource whose count depends on
   * an unset variable is marked with the value it depends on, in text and JSON (model.Existence).
   */
  @Test
  void marksAttachmentsMembershipsAndPrincipalsThatExistOnlyIfAValueSaysSo() {
    String source = TEMPLATES + "uncertain-links";
    String file = source + "/main.tf";
    CliRun run = CliRun.of("show", source);

    assertThat(run.out())
        .contains("user alice (arn:aws:iam::123456789012:user/alice)  " + file + ":15:1\n"
            + "  groups: audit (only if <unresolved: count = var.enable_audit ? 1 : 0> (" + file + ":28:12)), dev\n"
            + "  attached: arn:aws:iam::123456789012:policy/audit (only if <unresolved: count = var.enable_audit ? 1 : 0> ("
            + file + ":44:16))\n")
        .contains("user auditor (arn:aws:iam::123456789012:user/auditor)  " + file + ":10:1\n"
            + "  exists only if <unresolved: count = var.enable_auditor ? 1 : 0> (" + file + ":11:11)\n")
        .contains("\ngroup dev (arn:aws:iam::123456789012:group/dev)  " + file + ":23:1\n");
    String json = CliRun.of("show", "--json", source).out();
    assertThat(json)
        .containsPattern("\"uncertainManagedPolicies\" : \\{\\s*\"arn:aws:iam::123456789012:policy/audit\" : \\[ \\{\\s*"
            + "\"expression\" : \"count = var.enable_audit \\? 1 : 0\"")
        .containsPattern("\"uncertainGroups\" : \\{\\s*\"audit\" : \\[ \\{\\s*\"expression\" : \"count = var.enable_audit \\? 1 : 0\"")
        .containsPattern("\"existsOnlyIf\" : \\[ \\{\\s*\"expression\" : \"count = var.enable_auditor \\? 1 : 0\"")
        .contains("\"existsOnlyIf\" : [ ],\n      \"uncertainManagedPolicies\" : { },");
  }
}
