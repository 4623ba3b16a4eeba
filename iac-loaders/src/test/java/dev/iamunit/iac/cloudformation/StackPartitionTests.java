package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stack deployed in a China or GovCloud Region is in that Region's partition: {@code
 * AWS::Partition} "Returns the partition that the resource is in. For standard AWS Regions, the
 * partition is aws. For resources in other partitions, the partition is aws-partitionname. For
 * example, the partition for resources in the China (Beijing and Ningxia) Region is aws-cn and the
 * partition for resources in the AWS GovCloud (US-West) region is aws-us-gov"; {@code
 * AWS::URLSuffix} "Returns the suffix for a domain. The suffix is typically amazonaws.com, but
 * might differ by Region. For example, the suffix for the China (Beijing) Region is
 * amazonaws.com.cn" (CloudFormation User Guide, Pseudo parameters reference). The account the stack
 * deploys into is in that partition too ("Each AWS account is scoped to one partition", AWS General
 * Reference, Amazon Resource Names).
 */
class StackPartitionTests {

  private static final String TEMPLATE = """
      {"Resources": {
        "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "data"}},
        "DataPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Data"},
          "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::GetAtt": ["Fn", "Arn"]}},
            "Action": "s3:GetObject", "Resource": {"Fn::Sub": "${Data.Arn}/*"}}]}}},
        "Fn": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "fn",
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
            "Principal": {"Service": {"Fn::Sub": "lambda.${AWS::URLSuffix}"}}}]},
          "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"}],
          "Policies": [{"PolicyName": "logs", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": "logs:PutLogEvents", "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:fn:*"}}]}}]}}}}
      """;

  @TempDir
  Path dir;

  private static Role fn(Account account) {
    return account.role("fn").orElseThrow();
  }

  private static List<String> trusted(Role role) {
    return role.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType().get("Service");
  }

  /** A CDK stack whose environment names a Region of another partition deploys its account there. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cn-north-1    | aws-cn     | lambda.amazonaws.com.cn
      us-gov-west-1 | aws-us-gov | lambda.amazonaws.com
      """)
  void aCdkStacksEnvironmentRegionGivesItsAccountAndArnsThePartition(String region, String partition, String service) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "Remote": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/%s",
            "properties": {"templateFile": "Remote.template.json"}}}}
        """.formatted(region));
    Files.writeString(dir.resolve("Remote.template.json"), TEMPLATE);

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir));

    Account account = loaded.accounts().byId("222222222222").orElseThrow();
    assertThat(account.partition()).isEqualTo(partition);
    assertThat(account.region()).isEqualTo(region);
    Role fn = fn(account);
    assertThat(fn.arn()).isEqualTo("arn:" + partition + ":iam::222222222222:role/fn");
    assertThat(trusted(fn)).containsExactly(service);
    assertThat(fn.managedPolicyArns()).containsExactly("arn:" + partition + ":iam::aws:policy/ReadOnlyAccess");
    assertThat(fn.inlinePolicies().get(0).statements().get(0).resource().orElseThrow().values())
        .containsExactly("arn:" + partition + ":logs:" + region + ":222222222222:log-group:fn:*");
    assertThat(account.resourcePolicies()).containsOnlyKeys("arn:" + partition + ":s3:::data");
    assertThat(account.resourcePolicies().get("arn:" + partition + ":s3:::data").statements().get(0).principal().orElseThrow()
        .byType().get("AWS")).containsExactly("arn:" + partition + ":iam::222222222222:role/fn");
  }

  /** A template loaded in a China Region (@IamTest region, the CLI's --region) is in aws-cn, and so is the loaded account. */
  @Test
  void aTemplateLoadedInAChinaRegionIsInAwsCn() throws IOException {
    Path template = Files.writeString(dir.resolve("app.json"), TEMPLATE);

    Account account = SourceFormats.standard().load(List.of(template), LoadOptions.defaults().withProjectRoot(dir).withRegion("cn-northwest-1"))
        .account();

    assertThat(account.partition()).isEqualTo("aws-cn");
    assertThat(fn(account).arn()).isEqualTo("arn:aws-cn:iam::123456789012:role/fn");
    assertThat(trusted(fn(account))).containsExactly("lambda.amazonaws.com.cn");
    assertThat(account.resourcePolicies()).containsOnlyKeys("arn:aws-cn:s3:::data");
  }

  /**
   * A stack set whose instances deploy to a China Region: each instance's {@code AWS::Partition}
   * and ARNs, and the account it deploys into, are in aws-cn.
   */
  @Test
  void aStackSetsInstancesInAChinaRegionAreInAwsCn() throws IOException {
    Path template = Files.writeString(dir.resolve("set.yaml"), """
        Resources:
          Roles:
            Type: AWS::CloudFormation::StackSet
            Properties:
              StackSetName: roles
              PermissionModel: SELF_MANAGED
              StackInstancesGroup:
                - DeploymentTargets:
                    Accounts: ["111111111111"]
                  Regions: [cn-north-1]
              TemplateBody: |
                Resources:
                  R:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: reader
                      AssumeRolePolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: sts:AssumeRole
                            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }
        """);

    LoadedSources loaded = SourceFormats.standard().load(List.of(template), LoadOptions.defaults().withProjectRoot(dir));

    Account target = loaded.accounts().byId("111111111111").orElseThrow();
    assertThat(target.partition()).isEqualTo("aws-cn");
    Role reader = target.role("reader").orElseThrow();
    assertThat(reader.arn()).isEqualTo("arn:aws-cn:iam::111111111111:role/reader");
    assertThat(reader.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws-cn:iam::111111111111:root");
  }

  /** A stack set deploying to a Region in no partition is a problem naming the stack set; its instances are not loaded. */
  @Test
  void aStackSetInARegionOfNoPartitionIsAProblem() throws IOException {
    Path template = Files.writeString(dir.resolve("set.yaml"), """
        Resources:
          Roles:
            Type: AWS::CloudFormation::StackSet
            Properties:
              StackSetName: roles
              PermissionModel: SELF_MANAGED
              StackInstancesGroup:
                - DeploymentTargets:
                    Accounts: ["111111111111"]
                  Regions: [moon-base-1]
              TemplateBody: |
                Resources: {}
        """);

    LoadedSources loaded = SourceFormats.standard().load(List.of(template), LoadOptions.defaults().withProjectRoot(dir));

    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).isEqualTo("set.yaml:2");
      assertThat(p.message()).startsWith("stack set Roles deploys to region \"moon-base-1\" is in no AWS partition (")
          .endsWith("; its instances are not loaded");
    });
  }

  /** A CDK environment naming a Region in no partition is refused at the manifest's line, as a malformed environment is. */
  @Test
  void aCdkEnvironmentInARegionOfNoPartitionIsRefused() throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "Remote": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/moon-base-1",
            "properties": {"templateFile": "Remote.template.json"}}}}
        """);
    Files.writeString(dir.resolve("Remote.template.json"), TEMPLATE);

    assertThatThrownBy(() -> SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("the environment of stack Remote names region \"moon-base-1\" is in no AWS partition (")
        .satisfies(e -> assertThat(((TemplateException) e).location().orElseThrow().fileAndLine()).isEqualTo("manifest.json:2"));
  }
}
