package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A condition key as AWS documents it.
 *
 * @param name the key as AWS spells it; for a key with a variable part this is the documented
 *     template, for example {@code aws:PrincipalTag/${TagKey}} for {@code aws:PrincipalTag/team}
 * @param type the key's type
 * @param global whether the key is listed in "AWS global condition context keys", so that a
 *     request to any service may carry it; besides the {@code aws:} keys, that page lists a few
 *     of the role session's service keys such as {@code ec2:SourceInstanceArn}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConditionKeyInfo(String name, ConditionKeyType type, boolean global) {

  public ConditionKeyInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
