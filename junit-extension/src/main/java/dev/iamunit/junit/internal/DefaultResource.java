package dev.iamunit.junit.internal;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.model.Account;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The resource of a request whose test names none, from the Service Authorization Reference:
 * {@code *} for an action that lists no resource type (AWS authorizes it on {@code *} only),
 * otherwise the first ARN format of one of its resource types, in the loaded account's partition
 * and account and the scenario's region. The type is the one the action is named after ({@code
 * instance} for {@code ec2:RunInstances}, {@code object} for {@code s3:GetObject}, the longest
 * such name), else the first required one, else the first. The resource's own name stays AWS's
 * variable, {@code arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId}}: it stands for "some
 * resource of this type in the account", so only a statement on every such resource matches it.
 */
final class DefaultResource {

  private DefaultResource() {}

  static String of(String action, Account account, String region) {
    ActionInfo info = AwsData.bundled().action(action).orElse(null);
    if (info == null || info.resourceTypes().isEmpty()) {
      return "*";
    }
    ResourceType type = namedByAction(info)
        .or(() -> info.resourceTypes().stream().filter(ResourceType::required).findFirst())
        .orElse(info.resourceTypes().get(0));
    if (type.arnPatterns().isEmpty()) {
      return "*";
    }
    return type.arnPatterns().get(0)
        .replace("${Partition}", account.partition())
        .replace("${Region}", region)
        .replace("${Account}", account.id());
  }

  private static Optional<ResourceType> namedByAction(ActionInfo info) {
    String action = info.name().toLowerCase(Locale.ROOT);
    return info.resourceTypes().stream()
        .filter(type -> action.contains(type.name().replace("-", "").toLowerCase(Locale.ROOT)))
        .max(Comparator.comparingInt(type -> type.name().length()));
  }
}
