package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A managed policy: customer managed (declared in a template) or AWS managed (from the bundled AWS
 * data).
 *
 * @param arn its ARN
 * @param name its name
 * @param path its IAM path
 * @param document the policy document
 * @param awsManaged whether AWS owns it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ManagedPolicy(String arn, String name, String path, Policy document, boolean awsManaged) {

  public ManagedPolicy {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(document, "document");
  }
}
