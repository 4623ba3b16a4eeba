package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An AWS managed policy in its default version.
 *
 * @param name the policy name, for example {@code AmazonEC2FullAccess}
 * @param arn the policy ARN, for example {@code arn:aws:iam::aws:policy/AmazonEC2FullAccess}
 * @param path the policy path, {@code /} or for example {@code /service-role/}
 * @param versionId the default version, for example {@code v5}
 * @param document the policy document as JSON text, unparsed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ManagedPolicyDocument(
    String name, String arn, String path, String versionId, String document) {

  public ManagedPolicyDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(document, "document");
  }

  @Override
  public String toString() {
    // The document runs to kilobytes; the record's default toString would put it in every message.
    return "ManagedPolicyDocument[" + arn + " " + versionId + "]";
  }
}
