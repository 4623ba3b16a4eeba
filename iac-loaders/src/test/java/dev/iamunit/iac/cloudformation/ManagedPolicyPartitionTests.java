package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ManagedPolicyDocument;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS managed policies outside partition aws stay unresolved, with why. The bundled documents are
 * partition aws's and are not partition-neutral (AWSCloudTrail_FullAccess allows {@code
 * arn:aws:s3:::aws-cloudtrail-logs*}), and AWS documents no other partition's set as the same: its
 * AWS managed policy reference for the China Regions reads "This documentation is not yet available
 * in your Region. To view the Amazon managed policies available in your Region, open the IAM
 * console" (AWS Managed Policy Reference Guide, docs.amazonaws.cn, What are Amazon managed
 * policies?). Rewriting a document's {@code arn:aws:} ARNs to the partition would be a guess.
 */
class ManagedPolicyPartitionTests {

  private static final String CLOUDTRAIL = "AWSCloudTrail_FullAccess";

  /** A role with AWSCloudTrail_FullAccess of the stack's partition attached. */
  private static final String AUDITOR = """
      Resources:
        Auditor:
          Type: AWS::IAM::Role
          Properties:
            RoleName: auditor
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: []}
            ManagedPolicyArns:
              - !Sub "arn:${AWS::Partition}:iam::aws:policy/AWSCloudTrail_FullAccess"
      """;

  @TempDir
  Path dir;

  @Test
  void theBundledDocumentsNamePartitionAwsAndResolveNoOtherPartitionsArn() {
    ManagedPolicyDocument aws = AwsData.bundled().managedPolicy("arn:aws:iam::aws:policy/" + CLOUDTRAIL).orElseThrow();

    assertThat(aws.document()).contains("\"arn:aws:s3:::aws-cloudtrail-logs*\"");
    assertThat(AwsData.bundled().managedPolicy("arn:aws-cn:iam::aws:policy/" + CLOUDTRAIL)).isEmpty();
    assertThat(AwsData.bundled().managedPolicy("arn:aws-us-gov:iam::aws:policy/" + CLOUDTRAIL)).isEmpty();
  }

  /** A stack in a China or GovCloud Region attaches the policy of its partition ({@code AWS::Partition}): reported, never read as aws's. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
  void anAwsManagedPolicyOfAnotherPartitionIsUnresolvedWithWhy(String region, String partition) throws IOException {
    Path template = Files.writeString(dir.resolve("trail.yaml"), AUDITOR);

    LoadedSources loaded = SourceFormats.standard().load(List.of(template),
        LoadOptions.defaults().withProjectRoot(dir).withRegion(region).withBundledAwsManagedPolicies());

    String arn = "arn:" + partition + ":iam::aws:policy/" + CLOUDTRAIL;
    assertThat(loaded.account().role("auditor").orElseThrow().managedPolicyArns()).containsExactly(arn);
    assertThat(loaded.account().managedPolicies()).doesNotContainKey(arn);
    assertThat(loaded.report().unresolved()).filteredOn(u -> u.expression().equals(arn)).singleElement().satisfies(u -> {
      assertThat(u.location().fileAndLine()).as("the role attaching it").isEqualTo("trail.yaml:2");
      assertThat(u.reason()).isEqualTo("AWS managed policy of partition " + partition + ": IAMUnit's bundled AWS data holds the AWS "
          + "managed policies of partition aws only, and AWS does not document that " + partition + " has the same ones with the same "
          + "documents (many of which name arn:aws: resources), so its document is not known");
    });
  }

  /** The same template in partition aws reads the bundled document. */
  @Test
  void theSameAttachmentInPartitionAwsReadsTheBundledDocument() throws IOException {
    Path template = Files.writeString(dir.resolve("trail.yaml"), AUDITOR);

    LoadedSources loaded = SourceFormats.standard().load(List.of(template),
        LoadOptions.defaults().withProjectRoot(dir).withBundledAwsManagedPolicies());

    assertThat(loaded.account().managedPolicies()).containsKey("arn:aws:iam::aws:policy/" + CLOUDTRAIL);
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).doesNotContain("arn:aws:iam::aws:policy/" + CLOUDTRAIL);
  }
}
