package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A resource type an action works on: one row of the "Resource types" column of the action's
 * entry in the Service Authorization Reference.
 *
 * @param name the resource type as AWS names it, for example {@code mfa}
 * @param required whether the action always names a resource of this type (AWS marks it {@code *})
 * @param arnPatterns the ARN formats of the type, with AWS's variables, for example
 *     {@code arn:${Partition}:iam::${Account}:mfa/${MfaTokenIdWithPath}}
 * @param conditionKeys the condition keys listed for this action on this resource type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResourceType(
    String name, boolean required, List<String> arnPatterns, List<String> conditionKeys) {

  public ResourceType {
    Objects.requireNonNull(name, "name");
    arnPatterns = List.copyOf(arnPatterns);
    conditionKeys = List.copyOf(conditionKeys);
  }
}
