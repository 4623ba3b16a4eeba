package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.internal.BundledResources;
import dev.iamunit.aws.internal.ManagedPolicyCatalog;
import dev.iamunit.aws.internal.ServiceReference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * AWS's facts that IAM policies refer to: the Service Authorization Reference ("Actions,
 * resources, and condition keys for AWS services"), the global condition keys, and the AWS managed
 * policies, bundled with IAMUnit (see {@link #versions()} for which release of each).
 *
 * <p>{@link #bundled()} is shared and thread-safe. The service reference and the managed policies
 * are each read from the class path on their first use, once per class loader; lookups by name
 * are hash lookups.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AwsData {

  private static final class Holder {
    static final AwsData BUNDLED = new AwsData(BundledResources.versions());
  }

  private final AwsDataVersions versions;

  private AwsData(AwsDataVersions versions) {
    this.versions = versions;
  }

  /** The AWS data bundled with IAMUnit. */
  public static AwsData bundled() {
    return Holder.BUNDLED;
  }

  /** The npm package versions the bundled data was generated from. */
  public AwsDataVersions versions() {
    return versions;
  }

  /** Whether a service has this prefix (as in {@code ec2}), ignoring case. */
  public boolean serviceExists(String prefix) {
    return ServiceReference.bundled().serviceExists(Objects.requireNonNull(prefix, "prefix"));
  }

  /**
   * Whether resource control policies apply to the service with this prefix, ignoring case: "RCPs
   * apply to resources for a subset of AWS services" (AWS Organizations User Guide, Resource
   * control policies (RCPs), List of AWS services that support RCPs). Amazon EC2, IAM and AWS
   * Lambda, for example, are not among them, so no RCP can refuse their requests.
   */
  public boolean supportsResourceControlPolicies(String prefix) {
    return ServiceReference.bundled().supportsResourceControlPolicies(Objects.requireNonNull(prefix, "prefix").strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The action named {@code service:Action}, ignoring case as IAM does: {@code EC2:runinstances}
   * finds {@code ec2:RunInstances}. Empty for an unknown action and for a pattern with wildcards.
   */
  public Optional<ActionInfo> action(String serviceColonAction) {
    return ServiceReference.bundled()
        .action(Objects.requireNonNull(serviceColonAction, "serviceColonAction"));
  }

  /**
   * Every action an IAM action pattern matches, as AWS spells them ({@code ec2:RunInstances}),
   * sorted by service and then name. {@code *} matches any characters, {@code ?} one, letters
   * match regardless of case: {@code iam:*MFA*} gives {@code iam:CreateVirtualMFADevice} and the
   * other MFA actions; {@code *} gives every action. A pattern without wildcards gives the one
   * action it names, if that exists; an unknown service gives an empty list.
   */
  public List<String> expandActionPattern(String pattern) {
    return ServiceReference.bundled()
        .expandActionPattern(Objects.requireNonNull(pattern, "pattern"));
  }

  /**
   * The prefix of every service of the catalog, as AWS spells it, in {@link #expandActionPattern}'s
   * order ({@code *} gives their actions one service after another).
   */
  public List<String> services() {
    return ServiceReference.bundled().services();
  }

  /**
   * The actions of the service with this prefix, ignoring case, in the order {@link
   * #expandActionPattern} gives them for {@code prefix:*}; empty for an unknown service. What a
   * reader of the whole catalog walks a service at a time, without matching a pattern or looking
   * each action up by name.
   */
  public List<ActionInfo> actionsOf(String prefix) {
    return ServiceReference.bundled().actionsOf(Objects.requireNonNull(prefix, "prefix"));
  }

  /**
   * Up to {@code max} existing actions that {@code unknownAction} may have meant, best first:
   * actions of the same service before others, then by edit distance (ignoring case; a swap of
   * two letters is one edit). Meant for "did you mean ec2:RunInstances?" messages; may be empty.
   */
  public List<String> suggestActions(String unknownAction, int max) {
    return ServiceReference.bundled()
        .suggestActions(Objects.requireNonNull(unknownAction, "unknownAction"), max);
  }

  /**
   * The condition key, ignoring case: a service's key ({@code s3:prefix}), a global one
   * ({@code aws:MultiFactorAuthPresent}), or a concrete key of a documented template
   * ({@code aws:PrincipalTag/team} answers with {@code aws:PrincipalTag/${TagKey}}).
   */
  public Optional<ConditionKeyInfo> conditionKey(String key) {
    return ServiceReference.bundled().conditionKey(Objects.requireNonNull(key, "key"));
  }

  /**
   * The AWS managed policy with this ARN ({@code arn:aws:iam::aws:policy/AmazonEC2FullAccess},
   * {@code arn:aws:iam::aws:policy/service-role/AWSLambdaRole}) or bare name
   * ({@code AmazonEC2FullAccess}), spelled exactly as AWS spells it, path included, in the
   * {@code aws} partition. Its document is the policy's default version.
   */
  public Optional<ManagedPolicyDocument> managedPolicy(String arnOrName) {
    return ManagedPolicyCatalog.bundled().find(Objects.requireNonNull(arnOrName, "arnOrName"));
  }
}
