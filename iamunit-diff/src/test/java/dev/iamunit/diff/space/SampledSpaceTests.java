package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampled space a pair falls back to asks the keys AWS leaves out of some requests absent, as
 * the complete space does, from the one definition of which ({@code KeyAvailability}).
 */
class SampledSpaceTests {

  /**
   * "aws:ViaAWSService ... Availability – This key is always included in the request context for
   * most services", and "The following services do not currently support aws:ViaAWSService: Amazon
   * EC2, AWS Glue, AWS Lake Formation, AWS OpsWorks" (IAM User Guide, AWS global condition context
   * keys). A Resource that reads the request's aws:SourceIp makes both actions' regions a sample;
   * the sample still asks the S3 request without the key, and never an EC2 request with it.
   */
  @Test
  void theSampledSpaceAsksViaAwsServiceAbsentWhereAwsLeavesItOut() {
    String actions = "[\"s3:GetObject\", \"ec2:StartInstances\"]";
    String base = "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": \"*\"},"
        + "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": \"arn:aws:s3:::${aws:SourceIp}\"}";
    String head = base + ",{\"Effect\": \"Deny\", \"Action\": " + actions + ", \"Resource\": \"*\","
        + " \"Condition\": {\"Null\": {\"aws:ViaAWSService\": \"true\"}}}";

    AccessDiff diff = AccessDiffer.standard().compare(Accounts.withUsers(base, "alice"), Accounts.withUsers(head, "alice"), "base", "head");

    assertThat(diff.space().proof().sampled()).isNotEmpty();
    List<DiffRow> denied = diff.rows(Change.NEWLY_DENIED);
    assertThat(denied).extracting(DiffRow::action).contains("s3:GetObject", "ec2:StartInstances");
    assertThat(denied).allSatisfy(row -> {
      assertThat(row.proved()).isFalse();
      if (row.action().startsWith("s3:")) {
        assertThat(row.context()).containsEntry("aws:ViaAWSService", "(absent)");
      } else {
        assertThat(row.context()).doesNotContainKey("aws:ViaAWSService");
      }
    });
    assertThat(diff.rows()).hasSize(denied.size());
  }

  /**
   * Two actions that the same patterns match are one class, decided alike on a request; a sampled
   * request that changed names both, as a proved one does: BatchGetItem and GetItem, the actions
   * {@code dynamodb:*GetItem} matches, both act on a "table" (Service Authorization Reference,
   * Actions, resources, and condition keys for Amazon DynamoDB).
   */
  @Test
  void aSampledRequestNamesTheActionsAlikeOnItsResource() {
    String actions = "\"dynamodb:*GetItem\"";
    String base = "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": \"*\"},"
        + "{\"Effect\": \"Allow\", \"Action\": " + actions + ","
        + " \"Resource\": \"arn:aws:dynamodb:us-east-1:123456789012:table/${aws:SourceIp}\"}";
    String head = base + ",{\"Effect\": \"Deny\", \"Action\": " + actions + ", \"Resource\": \"*\"}";

    AccessDiff diff = AccessDiffer.standard().compare(Accounts.withUsers(base, "alice"), Accounts.withUsers(head, "alice"), "base", "head");

    assertThat(diff.space().proof().sampled()).isNotEmpty();
    assertThat(diff.rows()).allSatisfy(row -> assertThat(row.proved()).isFalse())
        .filteredOn(row -> row.resource().contains(":table/")).isNotEmpty()
        .allSatisfy(row -> assertThat(row.actions()).containsExactlyInAnyOrder("dynamodb:BatchGetItem", "dynamodb:GetItem"));
    assertThat(diff.causes()).allSatisfy(cause -> assertThat(cause.extent()).contains("2 actions of dynamodb"));
  }

  /**
   * "aws:CurrentTime ... the date and time of the request"; "aws:EpochTime ... the date and time
   * of the request in epoch or Unix time" (IAM User Guide, AWS global condition context keys): the
   * sample asks one instant for both, so a window's start written on either key for the same
   * second changes nothing, where keys varied apart would ask the current time of one second with
   * the epoch time of another.
   */
  @Test
  void theSampledSpaceAsksTheCurrentAndEpochTimeAsOneInstant() {
    String sampled = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::${aws:SourceIp}\"}";
    String base = sampled + ",{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
        + " \"Condition\": {\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2026-02-01T00:00:01Z\"}}}";
    String head = sampled + ",{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
        + " \"Condition\": {\"NumericGreaterThan\": {\"aws:EpochTime\": \"1769904000\"}}}";

    AccessDiff diff = AccessDiffer.standard().compare(Accounts.withUsers(base, "alice"), Accounts.withUsers(head, "alice"), "base", "head");

    assertThat(diff.space().proof().sampled()).isNotEmpty();
    assertThat(diff.rows()).isEmpty();
  }
}
