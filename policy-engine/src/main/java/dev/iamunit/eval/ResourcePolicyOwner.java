package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.eval.internal.CaseInsensitive;
import dev.iamunit.model.Account;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which resource-based policies of an {@link Account} apply to a request on a resource: the
 * resource's own, and the policies of what holds it, as each service documents. An account keeps
 * each resource policy under the ARN of the resource it is set on; a policy that applies beyond
 * one ARN is kept under a key this class forms ({@link #logsResourcePolicy}, {@link
 * #ecrRegistryPolicy}, {@link #vaultLockPolicy}), which the loaders use when they store it, so
 * that storing and finding agree. A resource whose holder cannot be told from its ARN finds only
 * its own policy.
 *
 * <table>
 *   <caption>The holders of a resource, by the form of its ARN</caption>
 *   <tr><th>request on</th><th>policies that apply</th></tr>
 *   <tr><td>{@code arn:…:s3:::bucket/key} (an object)</td><td>the bucket's</td></tr>
 *   <tr><td>{@code arn:…:s3:r:a:accesspoint/ap/object/key}, {@code arn:…:s3::a:accesspoint/alias.mrap/object/key}</td>
 *     <td>the access point's, the Multi-Region Access Point's</td></tr>
 *   <tr><td>{@code arn:…:execute-api:r:a:api/stage/METHOD/path}</td><td>the REST API's</td></tr>
 *   <tr><td>{@code arn:…:es:r:a:domain/name/index/…}</td><td>the domain's</td></tr>
 *   <tr><td>{@code arn:…:codeartifact:r:a:package/domain/repo/…}</td><td>the repository's</td></tr>
 *   <tr><td>{@code arn:…:s3tables:r:a:bucket/name/table/id}</td><td>the table's and the table bucket's</td></tr>
 *   <tr><td>{@code arn:…:sagemaker:r:a:model-package/group/version}</td><td>the model package group's</td></tr>
 *   <tr><td>{@code arn:…:ecr:r:a:repository/name}</td><td>the repository's and the registry policy</td></tr>
 *   <tr><td>{@code arn:…:logs:r:a:log-group:name…}</td><td>every CloudWatch Logs resource policy of the account and Region</td></tr>
 *   <tr><td>{@code arn:…:glacier:r:a:vaults/name}</td><td>the vault access policy and the Vault Lock policy</td></tr>
 *   <tr><td>{@code arn:…:secretsmanager:r:a:secret:name-AbCdEf}</td><td>the secret's, stored with its suffix unknown</td></tr>
 *   <tr><td>{@code arn:…:iam::a:role/name}</td><td>the role's trust policy, for a trust action only ({@link #readsTrustPolicy})</td></tr>
 *   <tr><td>an API or Multi-Region Access Point whose id or alias the templates leave unknown</td>
 *     <td>its policy, applying only if the id is the one requested (a decision it could change fails)</td></tr>
 *   <tr><td>a Lambda version or alias ({@code function:name:qualifier}), a Kinesis consumer, anything else</td>
 *     <td>its own only</td></tr>
 * </table>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResourcePolicyOwner {

  private ResourcePolicyOwner() {}

  /**
   * The resource-based policies that apply to a request for {@code action} on {@code resource},
   * the resource's own first; empty when none does.
   */
  public static List<Policy> policies(Account account, String resource, String action) {
    List<Policy> found = new ArrayList<>(2);
    // An endpoint's policy is kept at the endpoint's ARN but governs the requests that go through
    // the endpoint (endpointPolicies), not requests on the endpoint itself.
    Optional<Policy> own = endpointId(resource) != null ? Optional.empty() : account.resourcePolicy(resource);
    own.ifPresent(found::add);
    String[] parts = Arns.split(resource);
    if (parts == null) {
      return found;
    }
    // Only this account's roles: a role of the same name in another account has its own trust policy.
    if (own.isEmpty() && readsTrustPolicy(action) && parts[2].equals("iam") && parts[5].startsWith("role/") && parts[4].equals(account.id())) {
      account.role(parts[5].substring(parts[5].lastIndexOf('/') + 1)).flatMap(Role::trustPolicy).ifPresent(found::add);
    }
    if (own.isEmpty() && parts[2].equals("secretsmanager")) {
      secretWithUnknownSuffix(account, resource).ifPresent(found::add);
    }
    if (own.isEmpty() && GENERATED_IDS.contains(parts[2])) {
      found.addAll(withGeneratedId(account, resource));
    }
    for (String holder : holders(parts)) {
      Optional<Policy> held = account.resourcePolicy(holder);
      held.ifPresent(found::add);
      if (held.isEmpty() && GENERATED_IDS.contains(parts[2])) {
        found.addAll(withGeneratedId(account, holder));
      }
    }
    if (parts[2].equals("logs") && parts[5].startsWith("log-group:")) {
      // "Creates or updates a resource policy allowing other AWS services to put log events to
      // this account ... An account can have up to 10 resource policies per AWS Region"; their
      // statements name the log groups or streams they apply to ("Replace "logArn" with the ARN of
      // your CloudWatch Logs resource, such as a log group or log stream"): CloudWatch Logs API
      // Reference, PutResourcePolicy. Each applies, its Resource deciding where.
      String prefix = logsResourcePolicy(parts[1], parts[3], parts[4], "");
      for (Map.Entry<String, Policy> e : account.resourcePolicies().entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          found.add(e.getValue());
        }
      }
    }
    return found;
  }

  /**
   * Whether a request for {@code action} on a role is under the role's trust policy, which must
   * then allow it: the trust actions, the actions of AWS STS whose resource type is {@code role} in
   * the bundled Service Authorization Reference ({@code sts:AssumeRole}, {@code AssumeRoleWithSAML},
   * {@code AssumeRoleWithWebIdentity}, {@code TagSession}, {@code SetSourceIdentity}, {@code
   * SetContext}). The catalog is the list, so an action AWS adds on the role joins it with the data.
   * "Trust policy - A JSON policy document in which you define the principals that you trust to
   * assume the role" (IAM User Guide, Roles terms and concepts), and "The IAM service supports
   * only one type of resource-based policy called a role trust policy ... Trust policies define
   * which principal entities ... can assume the role" (IAM User Guide, Identity-based policies
   * and resource-based policies): a request for {@code iam:GetRole} or {@code iam:PassRole} on
   * the role has no resource-based policy, nor has {@code sts:GetCallerIdentity}. IAM refuses a
   * trust policy naming other actions ("AssumeRole policy may only specify STS AssumeRole
   * actions", MalformedPolicyDocument). {@code sts:SetContext} is one: the trust policy of a role
   * an application assumes with a context lists it beside {@code sts:AssumeRole} ("Trust policy
   * must allow the AWS Assurance service principal to sts:AssumeRole and sts:SetContext", AWS
   * Assurance API Reference, IdentityStoreConfig, identityCenterRole). The evaluator, the request
   * space and the diff's scope all read this one list.
   */
  public static boolean readsTrustPolicy(String action) {
    String stripped = action.strip();
    // Most requests are not STS's: answered without lower-casing them.
    return CaseInsensitive.startsWith(stripped, "sts:") && TrustActions.NAMES.contains(stripped.toLowerCase(Locale.ROOT));
  }

  /** The trust actions, as AWS spells them ({@code sts:AssumeRole}, ...): {@link #readsTrustPolicy}. */
  public static List<String> trustActions() {
    return TrustActions.SPELLED;
  }

  /** The trust actions, read from the catalog on first use. */
  private static final class TrustActions {
    static final List<String> SPELLED = AwsData.bundled().expandActionPattern("sts:*").stream()
        .filter(a -> AwsData.bundled().action(a).map(TrustActions::onRole).orElse(false))
        .sorted().toList();
    static final Set<String> NAMES = Set.copyOf(SPELLED.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());

    /** Whether a resource type of the action is an IAM role, {@code arn:${Partition}:iam::${Account}:role/...}. */
    private static boolean onRole(ActionInfo info) {
      return info.resourceTypes().stream().flatMap(t -> t.arnPatterns().stream())
          .anyMatch(f -> f.matches("arn:\\$\\{Partition}:iam::\\$\\{Account}:role/.*"));
    }
  }

  /**
   * Where a resource-based policy of an account applies, as the rules of {@link #policies} read
   * backwards: to the resource at {@code policy}, its key, and to resources that match a pattern
   * of {@code within} and none of {@code outside}; two resources that match the same patterns are
   * alike to it. A pattern is an ARN read part by part as {@link Arns#split} splits a resource,
   * case-sensitively: {@code *} is any run of characters and {@code ?} one, neither crossing a
   * colon before the resource part; a backslash makes the next character literal ({@link
   * #literal}). The request space splits resources by these patterns, so that finding a policy
   * and varying resources read one rule.
   *
   * @param policy the key the account keeps the policy under; for a trust policy, the role's ARN
   * @param within the patterns of the other resources it applies to: those it holds, or the ARNs
   *     an unknown id could be
   * @param outside patterns that set apart resources of {@code within} it does not apply to
   * @param trust whether it is a role's trust policy, which governs the trust actions only ({@link
   *     #readsTrustPolicy}); else it governs every action on what it reaches
   */
  public record Reach(String policy, List<String> within, List<String> outside, boolean trust) {
    public Reach {
      within = List.copyOf(within);
      outside = List.copyOf(outside);
    }

    /** Whether the policy can apply to a request for {@code action}. */
    public boolean governs(String action) {
      return !trust || readsTrustPolicy(action);
    }
  }

  /** Where each resource-based policy of {@code account} applies, roles' trust policies included. */
  public static List<Reach> reaches(Account account) {
    List<Reach> out = new ArrayList<>();
    for (String key : account.resourcePolicies().keySet()) {
      if (endpointId(key) != null) {
        continue;
      }
      List<String> within = new ArrayList<>();
      List<String> outside = new ArrayList<>();
      String[] parts = Arns.split(key);
      if (parts != null) {
        held(parts, within, outside);
        if (parts[2].equals("secretsmanager")) {
          secretNamed(key, within, outside);
        }
        if (GENERATED_IDS.contains(parts[2]) && Unresolved.isIn(key)) {
          generated(key, parts, within, outside);
        }
      }
      out.add(new Reach(key, within, outside, false));
    }
    for (Role role : account.roles().values()) {
      if (role.trustPolicy().isPresent()) {
        // Only this account's roles, by the name after the path (policies, above).
        String prefix = "arn:*:iam:*:" + literal(account.id()) + ":role/";
        out.add(new Reach(role.arn(), List.of(prefix + literal(role.name()), prefix + "*/" + literal(role.name())), List.of(), true));
      }
    }
    return out;
  }

  /** {@code text} as a pattern of {@link Reach} that matches only itself. */
  public static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The resources that {@link #holders} finds the policy at {@code key} for: each rule read backwards. */
  private static void held(String[] key, List<String> within, List<String> outside) {
    String prefix = literal("arn:" + key[1] + ":" + key[2] + ":" + key[3] + ":" + key[4] + ":");
    String own = prefix + literal(key[5]);
    String resource = key[5];
    int segments = segments(resource);
    switch (key[2]) {
      case "s3" -> {
        if (key[3].isEmpty() && key[4].isEmpty() && segments == 1) {
          within.add(own + "/*");
        } else if (resource.startsWith("accesspoint/") && segments == 2) {
          within.add(own + "/object/*");
        }
      }
      case "execute-api" -> {
        if (segments == 1) {
          within.add(own + "/?*");
        }
      }
      case "es" -> {
        if (resource.startsWith("domain/") && segments == 2) {
          within.add(own + "/?*");
        }
      }
      case "codeartifact" -> {
        if (resource.startsWith("repository/") && segments == 3) {
          within.add(prefix + "package/" + literal(resource.substring("repository/".length())) + "/*");
        }
      }
      case "s3tables" -> {
        if (resource.startsWith("bucket/") && segments == 2) {
          within.add(own + "/table/*");
          within.add(own + "/*/table/*");
        }
      }
      case "sagemaker" -> {
        if (resource.startsWith("model-package-group/") && segments == 2) {
          String versions = prefix + "model-package/" + literal(resource.substring("model-package-group/".length())) + "/";
          within.add(versions + "*");
          outside.add(versions + "*/*");
        }
      }
      case "ecr" -> {
        if (String.join(":", key).equals(ecrRegistryPolicy(key[1], key[3], key[4]))) {
          within.add(prefix + "repository/*");
        }
      }
      case "glacier" -> {
        String vault = String.join(":", key);
        if (vault.endsWith("/lock-policy") && segments == 3 && resource.startsWith("vaults/")) {
          within.add(literal(vault.substring(0, vault.length() - "/lock-policy".length())));
        }
      }
      case "logs" -> {
        if (resource.startsWith("resource-policy:")) {
          within.add(prefix + "log-group:*");
        }
      }
      default -> { }
    }
  }

  /** A secret kept with its suffix unknown: the name, a hyphen and six characters none a hyphen ({@link #secretWithUnknownSuffix}). */
  private static void secretNamed(String key, List<String> within, List<String> outside) {
    int dash = key.lastIndexOf('-');
    if (dash < 0 || !key.contains(":secret:")) {
      return;
    }
    String suffix = key.substring(dash + 1);
    if (Unresolved.isIn(suffix) && Unresolved.replacePlaceholders(suffix, "").isEmpty()) {
      String named = literal(key.substring(0, dash + 1));
      within.add(named + "??????");
      outside.add(named + "*-*");
    }
  }

  /**
   * A key whose generated id is unknown applies to each ARN it could be, each unknown one segment
   * ({@link #couldBe}), and so to what that resource holds: an unknown as {@code ?*}, and as a
   * run holding a slash or colon outside.
   */
  private static void generated(String key, String[] parts, List<String> within, List<String> outside) {
    String marker = "\u0000";
    String[] pieces = Unresolved.replacePlaceholders(key, marker).split(marker, -1);
    String any = generatedPattern(pieces, -1, null);
    within.add(any);
    for (int at = 1; at < pieces.length; at++) {
      outside.add(generatedPattern(pieces, at, "*/*"));
      outside.add(generatedPattern(pieces, at, "*:*"));
    }
    if (parts[2].equals("execute-api")) {
      within.add(any + "/?*");
    } else if (parts[5].startsWith("accesspoint/")) {
      within.add(any + "/object/*");
    }
  }

  /** The pieces of a key around its unknowns, each unknown {@code ?*} but the one at {@code at}, which is {@code wildcard}. */
  private static String generatedPattern(String[] pieces, int at, String wildcard) {
    StringBuilder pattern = new StringBuilder(literal(pieces[0]));
    for (int i = 1; i < pieces.length; i++) {
      pattern.append(i == at ? wildcard : "?*").append(literal(pieces[i]));
    }
    return pattern.toString();
  }

  /**
   * The keys of the policies that hold a resource, nearest first, beside the resource's own: what
   * each service documents about the resources inside another.
   */
  static List<String> holders(String[] arn) {
    String prefix = "arn:" + arn[1] + ":" + arn[2] + ":" + arn[3] + ":" + arn[4] + ":";
    String resource = arn[5];
    return switch (arn[2]) {
      case "s3" -> s3(prefix, resource);
      // A method ARN, api-id/stage/METHOD/path, is inside its API, whose policy is at
      // arn:…:execute-api:r:a:api-id (the execution ARN).
      case "execute-api" -> firstSegments(prefix, resource, 1);
      // "These policies specify which actions a principal can perform on the domain's
      // subresources ... Subresources include OpenSearch indexes and APIs" (OpenSearch Service
      // Developer Guide, Identity and Access Management, Resource-based policies).
      case "es" -> resource.startsWith("domain/") ? firstSegments(prefix, resource, 2) : List.of();
      // A package ARN is package/domain/repository/format/namespace/name; "the policy is evaluated
      // only for operations against the repository that it's attached to" (CodeArtifact User
      // Guide, Repository policies): the packages' operations are the repository's.
      case "codeartifact" -> resource.startsWith("package/") && segments(resource) > 3
          ? List.of(prefix + "repository/" + String.join("/", List.of(resource.split("/", 4)).subList(1, 3))) : List.of();
      // "The permissions attached to the table bucket can apply to all tables in the bucket ...
      // It evaluates all the relevant access policies ... (IAM user policy, IAM role policy, table
      // bucket policy, and table policy)" (Amazon S3 User Guide, Resource-based policies for S3 Tables).
      case "s3tables" -> resource.startsWith("bucket/") && resource.contains("/table/") ? firstSegments(prefix, resource, 2) : List.of();
      // A versioned model package, model-package/group/version, is in its model package group.
      case "sagemaker" -> resource.startsWith("model-package/") && segments(resource) == 3
          ? List.of(prefix + "model-package-group/" + resource.split("/")[1]) : List.of();
      case "ecr" -> resource.startsWith("repository/") ? List.of(ecrRegistryPolicy(arn[1], arn[3], arn[4])) : List.of();
      case "glacier" -> resource.startsWith("vaults/") && segments(resource) == 2 ? List.of(vaultLockPolicy(prefix + resource)) : List.of();
      default -> List.of();
    };
  }

  /**
   * An object's resource-based policy is its bucket's: "a bucket policy ... to grant access
   * permissions to your bucket and the objects in it" (Amazon S3 User Guide, Bucket policies for
   * Amazon S3). An object requested through an access point, {@code accesspoint/ap/object/key},
   * is under the access point's policy, and so through a Multi-Region Access Point, whose ARN has
   * no Region ("arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", Amazon S3 User Guide,
   * Multi-Region Access Point restrictions and limitations).
   */
  private static List<String> s3(String prefix, String resource) {
    if (prefix.endsWith(":::")) {
      int slash = resource.indexOf('/');
      return slash > 0 ? List.of(prefix + resource.substring(0, slash)) : List.of();
    }
    int object = resource.indexOf("/object/");
    return resource.startsWith("accesspoint/") && object > "accesspoint/".length()
        ? List.of(prefix + resource.substring(0, object)) : List.of();
  }

  /** {@code prefix} and the first {@code n} segments of {@code resource}, when it has more. */
  private static List<String> firstSegments(String prefix, String resource, int n) {
    String[] segments = resource.split("/", n + 1);
    return segments.length > n && !segments[n].isEmpty() ? List.of(prefix + String.join("/", List.of(segments).subList(0, n)))
        : List.of();
  }

  private static int segments(String resource) {
    return resource.split("/", -1).length;
  }

  /**
   * "Secrets Manager automatically adds a hyphen and six random characters after the secret name
   * at the end of the ARN" (Secrets Manager API Reference, CreateSecret, Name), which a template
   * cannot know: the loaders keep a secret's policy at {@code secret:name-} and that unknown. A
   * request names the secret with some six characters; the name alone tells the secret, "unique
   * within the AWS Region".
   */
  private static Optional<Policy> secretWithUnknownSuffix(Account account, String resource) {
    int dash = resource.lastIndexOf('-');
    if (dash < 0 || resource.length() - dash - 1 != 6 || !resource.contains(":secret:")) {
      return Optional.empty();
    }
    String named = resource.substring(0, dash + 1);
    for (Map.Entry<String, Policy> e : account.resourcePolicies().entrySet()) {
      String key = e.getKey();
      if (key.startsWith(named) && Unresolved.isIn(key.substring(named.length()))
          && Unresolved.replacePlaceholders(key.substring(named.length()), "").isEmpty()) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The policy of VPC endpoint {@code endpointId} ({@code vpce-…}, the request's {@code
   * aws:SourceVpce}), kept at its ARN ({@link #vpcEndpointPolicy}); an endpoint whose id the
   * templates leave unknown applies only if it is that one, as for {@link #withGeneratedId}. Empty
   * when no loaded endpoint has a policy: an endpoint created without one has "the default endpoint
   * policy", which "grants full access to the endpoint" (Amazon VPC PrivateLink Guide, Control
   * access to VPC endpoints using endpoint policies), and one the templates do not declare is not
   * known.
   */
  public static List<Policy> endpointPolicies(Account account, String endpointId) {
    List<Policy> found = new ArrayList<>(1);
    for (Map.Entry<String, Policy> e : account.resourcePolicies().entrySet()) {
      String id = endpointId(e.getKey());
      if (id == null) {
        continue;
      }
      if (id.equals(endpointId)) {
        found.add(e.getValue());
      } else if (Unresolved.isIn(id) && couldBe(e.getKey(), e.getKey().substring(0, e.getKey().length() - id.length()) + endpointId)) {
        List<Unresolved> values = account.unresolved().stream().filter(u -> id.contains(u.placeholder())).toList();
        found.add(Existence.onlyIf(e.getValue(), values));
        // The endpoint's policy must allow, so its absence matters too: if the request's endpoint
        // is another, this policy does not bind. That case is an Allow as unknown as the match.
        found.add(Existence.onlyIf(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}", values.isEmpty() ? SourceLocation.UNKNOWN
            : values.get(0).location(), PolicyKind.RESOURCE, "(if " + endpointId + " is another endpoint than the one at "
            + e.getValue().location() + ")"), values));
      }
    }
    return found;
  }

  private static final String VPC_ENDPOINT = "vpc-endpoint/";

  /**
   * The ids of the VPC endpoints of {@code account} whose policies are loaded, as a request's
   * {@code aws:SourceVpce} names them ({@link #endpointPolicies}); an id the templates leave
   * unknown is left out, since it stands for whichever endpoint is asked.
   */
  public static List<String> endpointIds(Account account) {
    List<String> ids = new ArrayList<>();
    for (String key : account.resourcePolicies().keySet()) {
      String id = endpointId(key);
      if (id != null && !Unresolved.isIn(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The endpoint id of a key of {@link #vpcEndpointPolicy}, or null for another key. */
  private static String endpointId(String key) {
    String[] parts = Arns.split(key);
    return parts == null || !parts[2].equals("ec2") || !parts[5].startsWith(VPC_ENDPOINT) ? null : parts[5].substring(VPC_ENDPOINT.length());
  }

  /** The key of the policy of VPC endpoint {@code endpointId}: its ARN, {@code arn:…:ec2:region:account:vpc-endpoint/vpce-…}. */
  public static String vpcEndpointPolicy(String partition, String region, String account, String endpointId) {
    return "arn:" + partition + ":ec2:" + region + ":" + account + ":" + VPC_ENDPOINT + endpointId;
  }

  /**
   * Services whose policy holders are named by an id AWS generates at deployment, which the
   * loaders keep as an unknown in the ARN: a REST API's id (execute-api), a Multi-Region Access
   * Point's alias (s3).
   */
  private static final Set<String> GENERATED_IDS = Set.of("execute-api", "s3");

  /**
   * The policies kept at an ARN whose generated part is unknown and that {@code arn} could be: a
   * request names the API or access point by an id the templates cannot know. Whether it is that
   * one is the unknown value itself, so each applies only if it is ({@link Existence#onlyIf}): a
   * decision it could change fails naming the value, one it cannot change stands. Never guessed.
   */
  private static List<Policy> withGeneratedId(Account account, String arn) {
    List<Policy> found = new ArrayList<>(1);
    for (Map.Entry<String, Policy> e : account.resourcePolicies().entrySet()) {
      String key = e.getKey();
      if (Unresolved.isIn(key) && couldBe(key, arn)) {
        List<Unresolved> values = account.unresolved().stream().filter(u -> key.contains(u.placeholder())).toList();
        found.add(Existence.onlyIf(e.getValue(), values));
      }
    }
    return found;
  }

  /** Whether {@code arn} is {@code key} with each unknown part one ARN segment (no {@code :} or {@code /}). */
  private static boolean couldBe(String key, String arn) {
    String marker = "\u0000";
    String pattern = Pattern.quote(Unresolved.replacePlaceholders(key, marker)).replace(marker, "\\E[^:/]+\\Q");
    return Pattern.matches(pattern, arn);
  }

  /**
   * The key of CloudWatch Logs resource policy {@code name} of an account and Region (an empty
   * name gives the prefix of them all). Such a policy is not set on one log group: "An account can
   * have up to 10 resource policies per AWS Region" (CloudWatch Logs API Reference, PutResourcePolicy).
   */
  public static String logsResourcePolicy(String partition, String region, String account, String name) {
    return "arn:" + partition + ":logs:" + region + ":" + account + ":resource-policy:" + name;
  }

  /**
   * The key of the ECR registry policy of an account and Region. With the default scope it applies
   * to every request on the registry's repositories: "V2 is the expanded registry policy scope that
   * includes all ECR permissions ... The V2 version is the default registry policy scope" (Amazon
   * ECR User Guide, Private registry permissions in Amazon ECR).
   */
  public static String ecrRegistryPolicy(String partition, String region, String account) {
    return "arn:" + partition + ":ecr:" + region + ":" + account + ":registry-policy";
  }

  /**
   * The key of the Vault Lock policy of the vault {@code vaultArn}: the {@code lock-policy}
   * subresource of the vault ("Installing a vault lock policy on the specified vault", Amazon
   * Glacier Developer Guide, Initiate Vault Lock (POST lock-policy)), beside its access policy,
   * "also called a vault subresource" (Set Vault Access Policy).
   */
  public static String vaultLockPolicy(String vaultArn) {
    return vaultArn + "/lock-policy";
  }
}
