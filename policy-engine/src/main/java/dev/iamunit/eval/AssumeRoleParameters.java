package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a caller passes to {@code sts:AssumeRole} besides the role's ARN, named as the STS API
 * names them (AWS STS API Reference, AssumeRole, Request Parameters): {@code RoleSessionName},
 * {@code Tags}, {@code TransitiveTagKeys}, {@code ExternalId} and {@code SourceIdentity}. Session
 * policies are not modelled. Immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * AssumeRoleParameters.sessionName("ci").withTag("team", "ops").withTransitiveTagKeys("team").withExternalId("x-123")
 * }</pre>
 *
 * @param sessionName {@code RoleSessionName}, in {@code sts:RoleSessionName} and the session's ARN
 * @param tags {@code Tags}: session tags, in {@code aws:RequestTag/KEY} and {@code aws:TagKeys}
 * @param transitiveTagKeys {@code TransitiveTagKeys}: which of {@code tags} persist through a role chain
 * @param externalId {@code ExternalId}, in {@code sts:ExternalId}
 * @param sourceIdentity {@code SourceIdentity}, in {@code sts:SourceIdentity}, then {@code aws:SourceIdentity}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AssumeRoleParameters(
    String sessionName,
    Map<String, String> tags,
    Set<String> transitiveTagKeys,
    Optional<String> externalId,
    Optional<String> sourceIdentity) {

  /**
   * "The regex used to validate this parameter is a string of characters consisting of upper- and
   * lower-case alphanumeric characters with no spaces. You can also include underscores or any of
   * the following characters: =,.@-" (AWS STS API Reference, AssumeRole, RoleSessionName and
   * SourceIdentity), 2 to 64 characters.
   */
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  public AssumeRoleParameters {
    Objects.requireNonNull(sessionName, "sessionName");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    transitiveTagKeys = Collections.unmodifiableSet(new LinkedHashSet<>(transitiveTagKeys));
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    if (!NAME.matcher(sessionName).matches()) {
      throw new IamUnitException("the role session name \"" + sessionName + "\" is not one AWS accepts: 2 to 64 letters, digits "
          + "and the characters _+=,.@- (AWS STS API Reference, AssumeRole, RoleSessionName)");
    }
    sourceIdentity.ifPresent(AssumeRoleParameters::requireValidSourceIdentity);
    for (String key : transitiveTagKeys) {
      if (tags.keySet().stream().noneMatch(key::equalsIgnoreCase)) {
        throw new IamUnitException("the transitive tag key \"" + key + "\" is not the key of a session tag passed with it "
            + tags.keySet() + ": only session tags can be transitive (IAM User Guide, Passing session tags in AWS STS, "
            + "Chaining roles with session tags)");
      }
    }
  }

  private static void requireValidSourceIdentity(String value) {
    // "You cannot use a value that begins with the text aws:. This prefix is reserved for AWS
    // internal use" (IAM User Guide, Monitor and control actions taken with assumed roles).
    if (!NAME.matcher(value).matches() || value.regionMatches(true, 0, "aws:", 0, 4)) {
      throw new IamUnitException("the source identity \"" + value + "\" is not one AWS accepts: 2 to 64 letters, digits and "
          + "the characters _+=,.@-, not beginning with aws: (IAM User Guide, Monitor and control actions taken with assumed "
          + "roles, Things to know about source identity)");
    }
  }

  /** A session named {@code sessionName}, with nothing else passed. */
  public static AssumeRoleParameters sessionName(String sessionName) {
    return new AssumeRoleParameters(sessionName, Map.of(), Set.of(), Optional.empty(), Optional.empty());
  }

  public AssumeRoleParameters withSessionName(String name) {
    return new AssumeRoleParameters(name, tags, transitiveTagKeys, externalId, sourceIdentity);
  }

  /** These parameters with the session tag {@code key} = {@code value} (replacing a tag of that key). */
  public AssumeRoleParameters withTag(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(tags);
    more.put(key, value);
    return new AssumeRoleParameters(sessionName, more, transitiveTagKeys, externalId, sourceIdentity);
  }

  /** These parameters with {@code keys}, keys of session tags passed with them, marked transitive. */
  public AssumeRoleParameters withTransitiveTagKeys(String... keys) {
    Set<String> more = new LinkedHashSet<>(transitiveTagKeys);
    more.addAll(List.of(keys));
    return new AssumeRoleParameters(sessionName, tags, more, externalId, sourceIdentity);
  }

  public AssumeRoleParameters withExternalId(String id) {
    return new AssumeRoleParameters(sessionName, tags, transitiveTagKeys, Optional.of(id), sourceIdentity);
  }

  public AssumeRoleParameters withSourceIdentity(String identity) {
    return new AssumeRoleParameters(sessionName, tags, transitiveTagKeys, externalId, Optional.of(identity));
  }
}
