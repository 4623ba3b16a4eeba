package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The one place where what a template declares becomes an {@link Account}: principals,
 * memberships, attachments, inline and managed policies, boundaries, AWS managed policies,
 * resource policies, SCPs and RCPs, and every rule about names. Terraform (sources and plans) and
 * CloudFormation (and SAM) only map their resource types onto these calls, so that the same
 * meaning gives the same account whichever format says it.
 *
 * <p>Declarations and references may come in any order: references (attachments, memberships,
 * inline policies written beside their principal) are resolved in {@link #into}, when every
 * principal of every loaded source is known. Every policy handed in is recorded in the report with
 * the address that declares it. One assembler per load, used on one thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class AccountAssembler {

  static final String AWS_MANAGED = ":iam::aws:policy/";

  private final LoadOptions options;
  private final LoadReportBuilder report;
  /** What each account holds, by id; the options' account first. */
  private final Map<String, AccountContents> accounts = new LinkedHashMap<>();
  /**
   * The account of the resource being mapped: where what it declares goes when no ARN says
   * otherwise. Asked for only when a declaration needs it, so that a resource that declares
   * nothing never makes its provider's values be computed (and reported).
   */
  private Supplier<AccountContents> placing;
  private final Set<String> missingAwsManaged = new LinkedHashSet<>();
  /**
   * The AWS managed policies parsed so far, by ARN: the same document in every account that uses it
   * (an organization's permission sets put AdministratorAccess or ReadOnlyAccess into hundreds of
   * accounts), parsed once per load.
   */
  private final Map<String, ManagedPolicy> awsManaged = new HashMap<>();
  private final Map<String, OrganizationPolicy> heldOrganizationPolicies = new LinkedHashMap<>();
  private final OrganizationDeclarations organizationTree = new OrganizationDeclarations();
  private final IdentityCenter identityCenter;
  /** The account the permission sets are declared in, once one is. */
  private AccountContents identityCenterAccount;
  /** The permission sets and assignments, once every source is read (null before). */
  private List<PermissionSet> permissionSets;
  private List<AccountAssignment> assignments;
  private final List<Policy> scps = new ArrayList<>();
  private final List<Policy> rcps = new ArrayList<>();
  private final List<Runnable> references = new ArrayList<>();
  private final Map<String, List<Unresolved>> existenceUnknown = new LinkedHashMap<>();

  private record OrganizationPolicy(PolicyKind kind, Policy policy) {}

  public AccountAssembler(LoadOptions options, LoadReportBuilder report) {
    this.options = options;
    this.report = report;
    this.identityCenter = new IdentityCenter(report);
    AccountContents first = contents(options.accountId());
    this.placing = () -> first;
  }

  /**
   * Places what the resources mapped next declare, and the references they make, in account
   * {@code accountId} (a Terraform resource's provider's account), until called again. A
   * declaration whose ARN names another known account goes to that account, as AWS would create
   * it there. By default everything goes to the options' account. {@code region} is the region
   * they are created in (the provider's), when it is known: an account whose resources are all
   * created in one region has that region ({@link AccountContents#region}).
   */
  public void placeIn(Supplier<String> accountId, Supplier<Optional<String>> region) {
    AccountContents[] known = new AccountContents[1];
    placing = () -> {
      if (known[0] == null) {
        known[0] = contents(accountId.get());
        region.get().ifPresent(known[0].regions::add);
      }
      return known[0];
    };
  }

  /**
   * Maps what {@code mapping} declares into account {@code accountId}, created in {@code region} (a
   * stack set's instance there), then places as before.
   */
  public void within(String accountId, String region, Runnable mapping) {
    Supplier<AccountContents> before = placing;
    AccountContents account = contents(accountId);
    account.regions.add(region);
    placing = () -> account;
    try {
      mapping.run();
    } finally {
      placing = before;
    }
  }

  private AccountContents contents(String accountId) {
    return accounts.computeIfAbsent(accountId, AccountContents::new);
  }

  /**
   * The account a resource of {@code arn} belongs to: the one its ARN names, else the one being
   * placed in. An ARN naming the account being placed in is created there, in its region.
   */
  private AccountContents owner(String arn) {
    String account = AccountContents.accountOf(arn);
    if (account == null) {
      return placing.get();
    }
    AccountContents placed = placing.get();
    return placed.id.equals(account) ? placed : contents(account);
  }

  public LoadReportBuilder report() {
    return report;
  }

  public LoadOptions options() {
    return options;
  }

  /**
   * Marks a resource whose existence cannot be known (an unknown {@code count}, a CloudFormation
   * {@code Condition} that cannot be computed): every statement of every policy handed in
   * afterwards under {@code address} carries {@code why} among its unresolved values (see {@link
   * Existence}), so that a decision that depends on those statements fails naming it, and one they
   * cannot change stands. A principal declared under {@code address}, and an attachment or a
   * membership made by it, carry it in the principal's {@link Existence}, which the evaluation
   * applies to every policy that reaches the principal through them. Call it before mapping the
   * resource.
   */
  public void existenceUnknown(String address, Unresolved why) {
    existenceUnknown.computeIfAbsent(address, k -> new ArrayList<>()).add(report.add(why));
  }

  private Policy record(String address, Policy policy) {
    return report.policy(address, Existence.onlyIf(policy, existence(address)));
  }

  /** Why it is unknown whether the resource at {@code address} exists; empty when it does. */
  private List<Unresolved> existence(String address) {
    return existenceUnknown.getOrDefault(address, List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Principals

  /** A user, group or role being declared; what is written on its own resource is added through it. */
  public final class Principal {
    private final PrincipalKind kind;
    private final String name;
    private final String path;
    private final String arn;
    private final String address;
    private final SourceLocation location;
    private final AccountContents account;
    private Optional<Policy> trust = Optional.empty();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<Policy> inline = new ArrayList<>();
    private final Set<String> managedArns = new LinkedHashSet<>();
    private Optional<String> boundary = Optional.empty();
    /** Attachments and memberships made only by resources whose existence is unknown, with why. */
    private final Map<String, List<Unresolved>> uncertainAttachments = new LinkedHashMap<>();
    private final Map<String, List<Unresolved>> uncertainGroups = new LinkedHashMap<>();
    private final Set<String> certainAttachments = new LinkedHashSet<>();
    private final Set<String> certainGroups = new LinkedHashSet<>();

    private Principal(PrincipalKind kind, String name, String path, String arn, String address, SourceLocation location) {
      this.account = owner(arn);
      this.kind = kind;
      this.name = name;
      this.path = path;
      this.arn = arn;
      this.address = address;
      this.location = location;
    }

    public String name() {
      return name;
    }

    SourceLocation location() {
      return location;
    }

    public Principal trust(Policy policy) {
      trust = Optional.of(record(address, policy));
      return this;
    }

    public Principal tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    public Principal boundary(String policyArn, SourceLocation at) {
      boundary = Optional.of(policyArn);
      noteAwsManaged(account, policyArn, at);
      return this;
    }

    /** An inline policy written on the principal's own resource. */
    public Principal inline(Policy policy) {
      inline.add(record(address, policy));
      return this;
    }

    public Principal attach(String policyArn, SourceLocation at) {
      attachFrom(policyArn, List.of());
      noteAwsManaged(account, policyArn, at);
      return this;
    }

    /** A group the user is declared in on its own resource. */
    public Principal memberOf(String group) {
      memberFrom(group, List.of());
      return this;
    }

    /** An attachment that exists only if {@code onlyIf} say so (empty: certainly); one certain attachment makes it certain. */
    private void attachFrom(String policyArn, List<Unresolved> onlyIf) {
      managedArns.add(policyArn);
      uncertain(policyArn, onlyIf, certainAttachments, uncertainAttachments);
    }

    private void memberFrom(String group, List<Unresolved> onlyIf) {
      groups.add(group);
      uncertain(group, onlyIf, certainGroups, uncertainGroups);
    }

    private static void uncertain(String key, List<Unresolved> onlyIf, Set<String> certain, Map<String, List<Unresolved>> uncertain) {
      if (onlyIf.isEmpty()) {
        certain.add(key);
        uncertain.remove(key);
      } else if (!certain.contains(key)) {
        // Made by several uncertain resources, it exists if any does: each one's values are named.
        List<Unresolved> all = uncertain.computeIfAbsent(key, k -> new ArrayList<>());
        onlyIf.stream().filter(u -> !all.contains(u)).forEach(all::add);
      }
    }

    private Existence existence() {
      return new Existence(AccountAssembler.this.existence(address), uncertainAttachments, uncertainGroups);
    }
  }

  /**
   * Declares a principal. IAM names are unique per kind in an account: a second declaration of
   * the same name is a problem naming both places, and the first is kept.
   *
   * @param address the template address ({@code aws_iam_role.lambda}, a CloudFormation logical
   *     id), by which tests may also name the principal
   */
  public Principal principal(PrincipalKind kind, String name, String path, String arn, String address, SourceLocation at) {
    Principal declared = new Principal(kind, name, path, arn, address, at);
    Principal earlier = declared.account.principals.get(kind).putIfAbsent(name, declared);
    if (earlier != null) {
      duplicate(kind.word(), name, earlier.location, at);
      return declared; // detached: what is added to it is read and reported, not kept
    }
    if (!address.equals(name)) {
      declared.account.addresses.get(kind).putIfAbsent(address, name);
    }
    return declared;
  }

  /** Another address the principal {@code name} is found by ({@code Account.role}): a CDK construct path. */
  public void alias(PrincipalKind kind, String address, String name) {
    placing.get().addresses.get(kind).putIfAbsent(address, name);
  }

  private void duplicate(String what, String name, SourceLocation first, SourceLocation second) {
    report.problem(second, what + " \"" + Unresolved.replacePlaceholders(name, "<generated>") + "\" is declared twice: at " + first
        + " and at " + second + "; IAM names are unique in an account: rename or remove one (the first is kept)");
  }

  /** A managed policy of the account; its name is unique like a principal's. */
  public void managedPolicy(String arn, String name, String path, Optional<Policy> policy, String address, SourceLocation at) {
    AccountContents account = owner(arn);
    SourceLocation earlier = account.managedAt.putIfAbsent(arn, at);
    if (earlier != null) {
      duplicate("managed policy", name, earlier, at);
      return;
    }
    policy.ifPresent(p -> account.managed.put(arn, new ManagedPolicy(arn, name, path, record(address, p), false)));
  }

  // ---------------------------------------------------------------------------------------------
  // References, resolved when every principal is known

  /**
   * An inline policy written on a resource of its own ({@code aws_iam_role_policy},
   * {@code AWS::IAM::Policy}) for the principals it names (names, ARNs or addresses).
   */
  public void inline(Policy policy, String address, SourceLocation at, Map<PrincipalKind, List<String>> targets) {
    Policy recorded = record(address, policy);
    AccountContents account = placing.get();
    references.add(() -> targets.forEach((kind, names) -> names.forEach(
        n -> find(account, kind, n, address, at).ifPresent(p -> p.inline.add(recorded)))));
  }

  /** A managed policy attached to a principal by a resource of its own. */
  public void attach(PrincipalKind kind, String target, String policyArn, String address, SourceLocation at, SourceLocation arnAt) {
    AccountContents account = placing.get();
    noteAwsManaged(account, policyArn, arnAt);
    List<Unresolved> onlyIf = existence(address);
    references.add(() -> find(account, kind, target, address, at).ifPresent(p -> p.attachFrom(policyArn, onlyIf)));
  }

  /** A user added to a group by a resource of its own. */
  public void membership(String user, String group, String address, SourceLocation at) {
    AccountContents account = placing.get();
    List<Unresolved> onlyIf = existence(address);
    references.add(() -> find(account, PrincipalKind.USER, user, address, at).ifPresent(p -> p.memberFrom(simpleName(group), onlyIf)));
  }

  /**
   * The principal a name, ARN or template address refers to, in the account of the resource that
   * refers to it; empty (reported) when no loaded source declares it there.
   */
  private Optional<Principal> find(AccountContents account, PrincipalKind kind, String reference, String address, SourceLocation at) {
    String name = simpleName(reference);
    Principal found = account.principals.get(kind).get(name);
    if (found == null) {
      String aliased = account.addresses.get(kind).get(reference);
      found = aliased == null ? null : account.principals.get(kind).get(aliased);
    }
    if (found == null) {
      report.add(Unresolved.of(address, at, "refers to " + kind.word() + " \"" + Unresolved.replacePlaceholders(reference, "<unknown>")
          + "\", which the loaded sources do not declare" + (accounts.size() > 1 ? " in account " + account.id : "")));
    }
    return Optional.ofNullable(found);
  }

  /** {@code arn:aws:iam::1:user/path/bob} names bob; a plain name names itself. */
  private static String simpleName(String reference) {
    int slash = reference.lastIndexOf('/');
    return reference.startsWith("arn:") && slash >= 0 ? reference.substring(slash + 1) : reference;
  }

  private static void noteAwsManaged(AccountContents account, String arn, SourceLocation at) {
    if (arn.contains(AWS_MANAGED)) {
      account.awsManagedUses.putIfAbsent(arn, at);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Resource policies

  /**
   * The resource policy of a bucket, queue, topic or key. A resource has one: when two template
   * resources set it, which applies depends on the order they are applied, so the first is kept
   * and the conflict is reported as a value IAMUnit cannot know.
   */
  public void resourcePolicy(String resourceArn, Policy policy, String address, SourceLocation at) {
    Policy recorded = record(address, policy);
    AccountContents account = owner(resourceArn);
    SourceLocation earlier = account.resourcePolicyAt.putIfAbsent(resourceArn, at);
    if (earlier == null) {
      account.resourcePolicies.put(resourceArn, recorded);
      return;
    }
    report.add(Unresolved.of(address + " policy of " + Unresolved.replacePlaceholders(resourceArn, "<?>"), at,
        "the resource at " + earlier + " sets the policy of the same resource; which one applies depends on the order "
            + "they are applied, and IAMUnit keeps the first: merge the statements into one policy"));
  }

  /**
   * A KMS key the template creates. A key given no key policy (on the key or by a key policy
   * resource) gets the one AWS KMS applies: AWS KMS Developer Guide, "Default key policy": "If you
   * don't provide one, AWS KMS creates one for you ... This default key policy has one policy
   * statement that gives the AWS account that owns the KMS key permission to use IAM policies to
   * allow access to all AWS KMS operations on the KMS key." CloudFormation's {@code AWS::KMS::Key}
   * and Terraform's {@code aws_kms_key} create keys through that API.
   *
   * <p>No other default is attached. An SNS topic created without a policy gets one too, but AWS's
   * documentation does not state it (the SNS Developer Guide's access-control pages show only
   * statements added by {@code AddPermission}), and its condition key {@code AWS:SourceOwner} is one
   * AWS says it does not plan to document (awsdocs/iam-user-guide issue 111); without a policy a
   * topic, queue, bucket or function is reachable in its account through IAM policies alone, which
   * is what the evaluator does when there is no resource policy.
   */
  public void kmsKey(String keyArn, String address, SourceLocation at) {
    owner(keyArn).kmsKeys.putIfAbsent(keyArn, new AccountContents.KmsKey(address, at));
  }

  /** The name under which the default key policy shows in explanations and coverage. */
  public static String defaultKeyPolicyName(String address) {
    return address + " (AWS KMS default key policy: the template gives none)";
  }

  private Policy defaultKeyPolicy(String keyArn, AccountContents.KmsKey key) {
    SourceLocation at = key.location();
    DocObject statement = object(at,
        "Sid", DocScalar.string("Enable IAM User Permissions", at),
        "Effect", DocScalar.string("Allow", at),
        "Principal", object(at, "AWS", DocScalar.string(keyAccountRoot(keyArn), at)),
        "Action", DocScalar.string("kms:*", at),
        "Resource", DocScalar.string("*", at));
    DocObject document = object(at,
        "Version", DocScalar.string(Policy.VERSION_2012, at),
        "Id", DocScalar.string("key-default-1", at),
        "Statement", new DocArray(List.of(statement), at));
    return PolicyParser.parse(document, PolicyKind.RESOURCE, defaultKeyPolicyName(key.address()));
  }

  /**
   * The root of "the AWS account that owns the KMS key": the account and partition of its ARN
   * ({@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID}), which a key created through an aliased
   * provider has from that provider; the loaded account's when the ARN does not say.
   */
  private String keyAccountRoot(String keyArn) {
    String[] fields = keyArn.split(":", 6);
    boolean known = fields.length == 6 && !Unresolved.isIn(fields[1]) && !Unresolved.isIn(fields[4]) && !fields[4].isEmpty();
    return "arn:" + (known ? fields[1] : options.partition()) + ":iam::" + (known ? fields[4] : options.accountId()) + ":root";
  }

  private static DocObject object(SourceLocation at, Object... keysAndValues) {
    List<DocObject.Member> members = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      members.add(new DocObject.Member((String) keysAndValues[i], at, (DocNode) keysAndValues[i + 1]));
    }
    return new DocObject(members, at);
  }

  /**
   * One permission of a Lambda function ({@code aws_lambda_permission}, {@code
   * AWS::Lambda::Permission}): a statement of the function's resource policy, as Lambda writes it.
   * An organization ID becomes the condition Lambda writes for it (AWS Lambda Developer Guide,
   * "Granting function access to an organization": the policy holds {@code "Condition":
   * {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5f"}}}), so a caller outside the
   * organization is not granted.
   */
  public record LambdaPermission(String functionArn, Optional<String> sid, String principal, DocNode principalNode, DocNode action,
      Optional<DocNode> sourceArn, Optional<DocNode> sourceAccount, Optional<DocNode> principalOrgId, SourceLocation at) {}

  public void lambdaPermission(LambdaPermission permission) {
    SourceLocation at = permission.at();
    List<DocObject.Member> members = new ArrayList<>();
    permission.sid().ifPresent(sid -> members.add(new DocObject.Member("Sid", at, DocScalar.string(sid, at))));
    members.add(new DocObject.Member("Effect", at, DocScalar.string("Allow", at)));
    String type = Partition.isServicePrincipal(permission.principal()) ? "Service" : "AWS";
    members.add(new DocObject.Member("Principal", at, object(at, type, permission.principalNode())));
    members.add(new DocObject.Member("Action", at, permission.action()));
    members.add(new DocObject.Member("Resource", at, DocScalar.string(permission.functionArn(), at)));
    List<DocObject.Member> conditions = new ArrayList<>();
    permission.sourceArn().ifPresent(arn -> conditions.add(new DocObject.Member("ArnLike", at, object(at, "AWS:SourceArn", arn))));
    List<DocObject.Member> equals = new ArrayList<>();
    permission.sourceAccount().ifPresent(account -> equals.add(new DocObject.Member("AWS:SourceAccount", at, account)));
    permission.principalOrgId().ifPresent(org -> equals.add(new DocObject.Member("aws:PrincipalOrgID", at, org)));
    if (!equals.isEmpty()) {
      conditions.add(new DocObject.Member("StringEquals", at, new DocObject(equals, at)));
    }
    if (!conditions.isEmpty()) {
      members.add(new DocObject.Member("Condition", at, new DocObject(conditions, at)));
    }
    statement(permission.functionArn(), new DocObject(members, at));
  }

  /**
   * A permission of a Lambda layer version ({@code AWS::Lambda::LayerVersionPermission}, {@code
   * aws_lambda_layer_version_permission}): one statement of the layer version's policy, as {@code
   * AddLayerVersionPermission} writes it (Lambda API Reference: "Principal": an account ID, or *
   * with OrganizationId to grant an organization, which becomes an {@code aws:PrincipalOrgID}
   * condition).
   */
  public void layerVersionPermission(String layerVersionArn, String sid, DocNode principal, DocNode action,
      Optional<DocNode> organizationId, SourceLocation at) {
    List<DocObject.Member> members = new ArrayList<>(List.of(
        new DocObject.Member("Sid", at, DocScalar.string(sid, at)),
        new DocObject.Member("Effect", at, DocScalar.string("Allow", at)),
        new DocObject.Member("Principal", at, object(at, "AWS", principal)),
        new DocObject.Member("Action", at, action),
        new DocObject.Member("Resource", at, DocScalar.string(layerVersionArn, at))));
    organizationId.ifPresent(org -> members.add(new DocObject.Member("Condition", at,
        object(at, "StringEquals", object(at, "aws:PrincipalOrgID", org)))));
    statement(layerVersionArn, new DocObject(members, at));
  }

  /**
   * One statement of a resource policy that AWS builds a statement at a time (Lambda function and
   * layer version permissions, EventBridge event bus policies): the statements of one resource,
   * in the order given, make its policy.
   */
  public void statement(String resourceArn, DocObject statement) {
    owner(resourceArn).statements.computeIfAbsent(resourceArn, k -> new ArrayList<>()).add(statement);
  }

  /**
   * The ARN of Multi-Region Access Point {@code name}, which names it by the alias S3 generates
   * for it, not its name: "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap" (Amazon S3
   * User Guide, "Multi-Region Access Point restrictions and limitations"). The alias is unknown
   * until deployment: it is reported at the resource, and stands in the ARN.
   */
  public String multiRegionAccessPointArn(String partition, String account, String name, String address, SourceLocation at) {
    Unresolved alias = report.add(Unresolved.of(address + " alias", at, "Amazon S3 generates the alias of Multi-Region "
        + "Access Point " + Unresolved.replacePlaceholders(name, "<?>") + " that its ARN names, at deployment"));
    return "arn:" + partition + ":s3::" + account + ":accesspoint/" + alias.placeholder();
  }

  /**
   * A resource that holds a resource policy of a type IAMUnit does not evaluate yet: it is
   * reported, so that a gate never reads its absence from the account as "no access".
   */
  public void unevaluatedResourcePolicy(String type, String address, SourceLocation at) {
    report.add(Unresolved.of(address, at, "resource policy of type " + type + " not evaluated: IAMUnit does not model "
        + type + " yet, so no decision includes what its policy allows or denies"));
  }

  /**
   * IAM Identity Center's attributes for access control, which IAMUnit does not model: the sessions
   * of permission sets carry the user's attributes as session tags ({@code aws:PrincipalTag/...}),
   * which no request here holds, so the declaration is listed rather than dropped.
   */
  public void unmodelledAccessControlAttributes(String type, String address, SourceLocation at) {
    report.add(Unresolved.of(address, at, type + " not evaluated: IAMUnit does not model IAM Identity Center's attributes for"
        + " access control, so the sessions of permission sets carry none of the aws:PrincipalTag keys it sets, and a condition"
        + " on them is decided as if the tag were absent (give the tags a test needs with @WithPrincipalTag)"));
  }

  // ---------------------------------------------------------------------------------------------
  // Organizations

  /**
   * An SCP or RCP. With an {@code id}, it applies once {@link #organizationAttachment} names it
   * (Terraform's attachment resources); without, it applies as declared (CloudFormation's
   * {@code TargetIds}).
   */
  public void organizationPolicy(PolicyKind kind, Policy policy, String address, Optional<String> id) {
    Policy recorded = record(address, policy);
    if (id.isPresent()) {
      heldOrganizationPolicies.put(id.get(), new OrganizationPolicy(kind, recorded));
    } else {
      (kind == PolicyKind.RESOURCE_CONTROL ? rcps : scps).add(recorded);
    }
  }

  /**
   * An attachment of policy {@code policyId} to the root, OU or account {@code targetId}. Where
   * the sources declare no organization tree, the policy applies to the loaded account, whatever
   * the target, as before the tree was modelled.
   */
  public void organizationAttachment(String policyId, String targetId, String address, SourceLocation at) {
    organizationTree.attachments.add(new OrganizationDeclarations.Attachment(policyId, targetId, address, at));
    if (!policyId.equals(OrganizationTree.FULL_AWS_ACCESS_ID) && !policyId.equals(OrganizationTree.RCP_FULL_AWS_ACCESS_ID)) {
      organizationAttachment(policyId, address, at);
    }
  }

  /** An SCP or RCP declared with its targets (CloudFormation's {@code TargetIds}). */
  public void organizationPolicy(PolicyKind kind, Policy policy, String address, String id, List<OrganizationTree.Target> targets) {
    Policy recorded = record(address, policy);
    (kind == PolicyKind.RESOURCE_CONTROL ? rcps : scps).add(recorded);
    organizationTree.targeted.add(new OrganizationTree.ControlPolicy(id, kind == PolicyKind.RESOURCE_CONTROL, recorded, targets));
  }

  /**
   * The organization itself: its root's id and which policy types it enables (empty when they
   * cannot be computed). The account whose sources create it is its management account.
   */
  public void organization(String rootId, Optional<Set<String>> enabledPolicyTypes, String address, SourceLocation at) {
    // Created in the region of its provider or stack, which puts the account creating it (and the
    // organization) in that region's partition even when nothing else of the sources is created there.
    placing.get();
    organizationTree.organization(rootId, enabledPolicyTypes, address, at, report);
  }

  /** An organizational unit under {@code parentId} (the root or another OU). */
  public void organizationalUnit(String id, String name, String parentId, SourceLocation at) {
    organizationTree.units.add(new OrganizationTree.Unit(id, name, parentId, at));
  }

  /** A member account under {@code parentId} (the root or an OU), or under the root when none is given. */
  public void organizationAccount(String id, String name, Optional<String> parentId, SourceLocation at) {
    organizationTree.accounts.add(new OrganizationDeclarations.Account(id, name, parentId, at));
  }

  /**
   * The accounts a StackSet with these deployment targets deploys to, by the organization the
   * sources declare so far (OUs and accounts are declared before stack sets are expanded).
   */
  public StackSets.Targets stackSetTargets(boolean serviceManaged, List<StackSets.DeploymentTargets> groups) {
    return StackSets.targets(serviceManaged, groups, organizationTree::accountsUnder, organizationTree.managementAccount(options));
  }

  public void organizationAttachment(String policyId, String address, SourceLocation at) {
    references.add(() -> {
      OrganizationPolicy held = heldOrganizationPolicies.get(policyId);
      if (held == null) {
        report.add(Unresolved.of(address, at, "attaches an organization policy not declared in the loaded sources"));
      } else {
        (held.kind() == PolicyKind.RESOURCE_CONTROL ? rcps : scps).add(held.policy());
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // IAM Identity Center

  /**
   * A permission set. {@code key} is what the resources that attach policies to it and assign it
   * give as its ARN; {@code region} is its Identity Center instance's, which the paths of the roles
   * it provisions name.
   */
  public void permissionSet(String key, String name, String region, String address, SourceLocation at) {
    identityCenterAccount();
    identityCenter.permissionSet(key, name, region, address, at);
  }

  /** The inline policy of the permission set {@code key} names. */
  public void permissionSetInline(String key, Policy policy, String address, SourceLocation at) {
    identityCenter.inline(key, record(address, policy), address, at);
  }

  /** An AWS managed policy attached to a permission set (looked up in each account a role of the set is provisioned into). */
  public void permissionSetManagedPolicy(String key, String policyArn, String address, SourceLocation at) {
    identityCenter.awsManaged(key, policyArn, address, at);
  }

  /** A customer managed policy attached to a permission set by name and path: each account it is provisioned into must have it. */
  public void permissionSetCustomerManagedPolicy(String key, String name, String path, String address, SourceLocation at) {
    identityCenter.customerManaged(key, name, path, address, at);
  }

  /** The permissions boundary of a permission set's roles. */
  public void permissionSetBoundary(String key, PermissionSet.PolicyReference boundary, String address, SourceLocation at) {
    identityCenter.boundary(key, boundary, address, at);
  }

  /** A group or user assigned the permission set {@code permissionSetKey} names in account {@code accountId}. */
  public void accountAssignment(String permissionSetKey, String accountId, AccountAssignment.PrincipalType type, String principalId,
      String address, SourceLocation at) {
    identityCenterAccount();
    identityCenter.assignment(permissionSetKey, accountId, type, principalId, address, at);
  }

  /** The account whose Identity Center instance holds the permission sets: the one the first of them is placed in. */
  private void identityCenterAccount() {
    if (identityCenterAccount == null) {
      identityCenterAccount = placing.get();
    }
  }

  /**
   * The roles IAM Identity Center provisions from the permission sets of {@code accounts} into every
   * account an assignment targets (that account is loaded then: AWS creates the role there), each
   * with the customer managed policies of its own account, and the AWS managed policies they name
   * looked up for that account. AWS resolves a customer managed policy by name and path in the
   * target account when it provisions, so this runs once every unit of a load is merged: a policy
   * another unit (the target account's own Terraform root or stack) declares is found; an account
   * no unit declares the policy in is refused, as AWS refuses it. An assignment to an account that
   * cannot be computed is reported: IAMUnit cannot tell which account gets its role. A role name
   * the account already declares is a problem (AWS reserves it for IAM Identity Center).
   *
   * @param accounts the merged accounts by id; an account that gets a role and is not there is added
   */
  public static void provisionIdentityCenter(Map<String, Account.Builder> accounts, LoadOptions options, LoadReportBuilder report) {
    Map<String, Account> built = new LinkedHashMap<>();
    accounts.forEach((id, builder) -> built.put(id, builder.build()));
    List<PermissionSet> sets = built.values().stream().flatMap(a -> a.permissionSets().values().stream()).toList();
    List<AccountAssignment> assignments = built.values().stream().flatMap(a -> a.assignments().stream()).toList();
    if (assignments.isEmpty()) {
      return;
    }
    // An organization, and the Identity Center instance of its management account, are in one
    // partition: the roles it provisions are in the partition of the account declaring the sets.
    String partition = built.values().stream().filter(a -> !a.permissionSets().isEmpty()).map(Account::partition).findFirst()
        .orElse(options.partition());
    IdentityCenter.Provisioning provisioning = IdentityCenter.provision(sets, assignments, partition,
        id -> Optional.of(built.containsKey(id) ? customerManaged(built.get(id)) : Set.of()));
    for (AccountAssignment a : assignments) {
      if (Unresolved.isIn(a.accountId())) {
        report.add(Unresolved.of("assignment of " + a.permissionSet(), a.location(), "assigns permission set \"" + a.permissionSet()
            + "\" to an account IAMUnit cannot compute, so which account gets its role cannot be told; its role is not evaluated"));
      }
    }
    provisioning.refusals().forEach(r -> report.problem(r.location(), r.message()));
    Set<String> missing = new LinkedHashSet<>();
    // The AWS managed policies the units' own resources already use were parsed while each unit was
    // assembled: provisioning takes those, and parses only what no unit used.
    Map<String, ManagedPolicy> parsed = new HashMap<>();
    built.values().forEach(a -> a.managedPolicies().forEach((arn, p) -> {
      if (p.awsManaged()) {
        parsed.putIfAbsent(arn, p);
      }
    }));
    provisioning.roles().forEach((id, roles) -> {
      Account.Builder account = accounts.computeIfAbsent(id,
          k -> Account.builder().id(k).partition(partition).region(options.region()));
      Account before = account.build();
      for (Role role : roles) {
        Optional<SourceLocation> taken = account.role(role.name()).map(Role::location);
        taken.ifPresent(at -> report.problem(role.location(), "role \"" + role.name() + "\" that IAM Identity Center provisions here is "
            + "declared at " + at + " too; the name is reserved for IAM Identity Center: rename that role"));
        if (taken.isPresent()) {
          continue;
        }
        account.role(role);
        List<String> arns = new ArrayList<>(role.managedPolicyArns());
        role.permissionsBoundaryArn().ifPresent(arns::add);
        for (String arn : arns) {
          if (arn.contains(AWS_MANAGED) && before.managedPolicy(arn).isEmpty()) {
            awsManaged(arn, options, parsed).ifPresentOrElse(account::managedPolicy, () -> {
              if (missing.add(arn)) {
                report.add(notAwsManaged(arn, role.location()));
              }
            });
          }
        }
      }
    });
  }

  private static Set<String> customerManaged(Account account) {
    Set<String> arns = new LinkedHashSet<>();
    account.managedPolicies().forEach((arn, policy) -> {
      if (!policy.awsManaged()) {
        arns.add(arn);
      }
    });
    return arns;
  }

  /**
   * The AWS managed policy {@code arn} from the options' AWS managed policies, parsed once per
   * {@code parsed} (one load); empty when they have none of that ARN.
   */
  private static Optional<ManagedPolicy> awsManaged(String arn, LoadOptions options, Map<String, ManagedPolicy> parsed) {
    ManagedPolicy known = parsed.get(arn);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ManagedPolicy> policy = options.awsManagedPolicies().apply(arn).map(json -> {
      String name = arn.substring(arn.lastIndexOf('/') + 1);
      return new ManagedPolicy(arn, name, arn.substring(arn.indexOf(AWS_MANAGED) + AWS_MANAGED.length() - 1, arn.lastIndexOf('/') + 1),
          PolicyParser.parse(json, arn, PolicyKind.IDENTITY, name), true);
    });
    policy.ifPresent(p -> parsed.put(arn, p));
    return policy;
  }

  /**
   * Why AWS managed policy {@code arn} has no document. The bundled data is partition aws's, and
   * it is not read for another partition: AWS documents no other partition's set as the same (its
   * managed policy reference for the China Regions says only "This documentation is not yet
   * available in your Region. To view the Amazon managed policies available in your Region, open
   * the IAM console"), and the documents are not partition-neutral (AWSCloudTrail_FullAccess allows
   * {@code arn:aws:s3:::aws-cloudtrail-logs*}), so rewriting their ARNs to the partition would be a guess.
   */
  private static Unresolved notAwsManaged(String arn, SourceLocation at) {
    String partition = arn.split(":", 3)[1];
    return Unresolved.of(arn, at, partition.equals(Partition.AWS.id()) ? "AWS managed policy not found in the AWS managed policy data; check the name"
        : "AWS managed policy of partition " + partition + ": IAMUnit's bundled AWS data holds the AWS managed policies of partition "
            + "aws only, and AWS does not document that " + partition + " has the same ones with the same documents (many of which "
            + "name arn:aws: resources), so its document is not known");
  }

  /**
   * The permission sets and assignments, in the account of the Identity Center instance. Resolved
   * once, whether or not any is declared: a reference to a permission set no source declares is
   * reported then.
   */
  private void identityCenterInto(AccountContents account, Account.Builder builder) {
    if (permissionSets == null) {
      permissionSets = identityCenter.permissionSets();
      assignments = identityCenter.assignments();
    }
    if (account == identityCenterAccount) {
      permissionSets.forEach(builder::permissionSet);
      assignments.forEach(builder::assignment);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The account

  /**
   * Resolves the references and adds what the options' account holds to {@code builder}, with AWS
   * managed policies from the options, the roles IAM Identity Center provisions there from the
   * permission sets it holds, and the organization's levels above it: the single-account load.
   * What the sources place in another account (a Terraform provider that names it, a stack set's
   * instances, a role IAM Identity Center provisions there) is not merged into it: each such
   * account is reported, naming where its first declaration is ({@code SourceFormats.load} gives
   * every account its own). A builder may already hold principals from other sources: IAM names are
   * unique in an account, so a second declaration is a problem, not an override.
   */
  public void into(Account.Builder builder) {
    references.forEach(Runnable::run);
    String home = options.accountId();
    builder.id(home).partition(options.partition()).region(options.region());
    place(contents(home), builder);
    Map<String, Account.Builder> provisioned = new LinkedHashMap<>(Map.of(home, builder));
    provisionIdentityCenter(provisioned, options, report);
    Map<String, SourceLocation> elsewhere = new LinkedHashMap<>();
    accounts.values().forEach(other -> other.firstDeclaration().ifPresent(at -> elsewhere.put(other.id, at)));
    provisioned.forEach((id, roles) -> roles.build().roles().values().stream().findFirst()
        .ifPresent(role -> elsewhere.putIfAbsent(id, role.location())));
    elsewhere.remove(home);
    elsewhere.forEach((id, at) -> report.add(Unresolved.of("account " + id, at, "declares what goes in account " + id
        + " (this and what follows there), which a load of account " + home + " alone does not hold: load the sources with "
        + "SourceFormats.load, which gives each account its own")));
    Optional<OrganizationTree> tree = tree();
    if (tree.isPresent()) {
      builder.organization(OrganizationDeclarations.levels(tree.get(), home, report));
    } else {
      levelsWithoutTree().ifPresent(builder::organization);
    }
  }

  /**
   * Resolves the references and adds what each account holds to that account's builder in {@code
   * builder}, and the organization the sources declare (its levels are computed when the accounts
   * are built, once every unit is merged). Where the sources declare SCPs or RCPs but no
   * organization, they apply to every account these sources place something in, as they applied
   * to the one loaded account before accounts were told apart. The roles IAM Identity Center
   * provisions are not made here but once the units are merged ({@link #provisionIdentityCenter}).
   */
  public void into(Accounts.Builder builder) {
    references.forEach(Runnable::run);
    accounts.values().forEach(account -> place(account, builder.account(account.id)));
    Optional<OrganizationTree> tree = tree();
    if (tree.isPresent()) {
      builder.organization(tree.get(), OrganizationTree.FULL_AWS_ACCESS);
    } else {
      levelsWithoutTree().ifPresent(levels -> accounts.keySet().forEach(id -> builder.account(id).organization(levels)));
    }
  }

  /**
   * Places the organization above the merged accounts of a whole load: each account's levels are
   * its path's, and an account that holds principals but that the tree does not place (nor is its
   * management account) is reported; so is the home account when no account holds principals.
   */
  public static void organization(OrganizationTree tree, Accounts.Builder accounts, Set<String> withPrincipals, LoadReportBuilder report) {
    accounts.organization(tree, OrganizationTree.FULL_AWS_ACCESS);
    for (String id : accounts.ids()) {
      if (withPrincipals.contains(id) || (withPrincipals.isEmpty() && id.equals(accounts.homeId()))) {
        OrganizationDeclarations.checkPlaced(tree, id, report);
      }
    }
  }

  private Optional<OrganizationTree> tree() {
    return organizationTree.tree(heldOrganizationPolicies.entrySet().stream()
        .map(e -> new OrganizationTree.ControlPolicy(e.getKey(), e.getValue().kind() == PolicyKind.RESOURCE_CONTROL, e.getValue().policy(),
            List.of()))
        .toList(), options, report);
  }

  /** SCPs and RCPs no tree places: one level, by AWS's FullAWSAccess rule ({@link OrganizationDeclarations#unplaced}). */
  private Optional<Organization> levelsWithoutTree() {
    return scps.isEmpty() && rcps.isEmpty() ? Optional.empty() : Optional.of(organizationTree.unplaced(scps, rcps, report));
  }

  /**
   * What one account holds, into {@code builder}, with the region its resources are created in
   * where they name one, and the partition of its regions: the ARNs of a principal in an account
   * created in cn-north-1 ({@code arn:aws-cn:sts::...:assumed-role/...}) are in {@code aws-cn}.
   */
  private void place(AccountContents account, Account.Builder builder) {
    account.region().ifPresent(builder::region);
    Set<Partition> partitions = account.partitions();
    if (partitions.size() == 1) {
      builder.partition(partitions.iterator().next().id());
    } else if (partitions.size() > 1) {
      account.firstDeclaration().ifPresent(at -> report.problem(at, "the sources create what goes in account " + account.id
          + " in regions " + String.join(", ", account.regions) + ", of partitions " + partitions + "; \"each AWS account is scoped to"
          + " one partition\" (AWS General Reference, Amazon Resource Names): give each partition's resources their own account"));
    }
    for (Map.Entry<String, SourceLocation> use : account.awsManagedUses.entrySet()) {
      String arn = use.getKey();
      Optional<ManagedPolicy> policy = awsManaged(arn, options, awsManaged);
      policy.ifPresent(p -> account.managed.put(arn, p));
      if (policy.isEmpty() && missingAwsManaged.add(arn)) {
        report.add(notAwsManaged(arn, use.getValue()));
      }
    }
    account.managed.values().forEach(builder::managedPolicy);
    for (Principal p : account.principals.get(PrincipalKind.GROUP).values()) {
      if (unique(builder.group(p.name).map(Group::location), p)) {
        builder.group(new Group(p.name, p.path, p.arn, p.inline, List.copyOf(p.managedArns), p.location, p.existence()));
      }
    }
    for (Principal p : account.principals.get(PrincipalKind.USER).values()) {
      if (unique(builder.user(p.name).map(User::location), p)) {
        builder.user(new User(p.name, p.path, p.arn, p.tags, List.copyOf(p.groups), p.inline, List.copyOf(p.managedArns), p.boundary,
            p.location, p.existence()));
      }
    }
    for (Principal p : account.principals.get(PrincipalKind.ROLE).values()) {
      if (unique(builder.role(p.name).map(Role::location), p)) {
        builder.role(new Role(p.name, p.path, p.arn, p.trust, p.tags, p.inline, List.copyOf(p.managedArns), p.boundary, p.location,
            p.existence()));
      }
    }
    account.addresses.forEach((kind, byAddress) -> byAddress.forEach((address, name) -> builder.alias(kind.word(), address, name)));
    identityCenterInto(account, builder);
    account.resourcePolicies.forEach(builder::resourcePolicy);
    account.kmsKeys.forEach((arn, key) -> {
      if (!account.resourcePolicies.containsKey(arn)) {
        builder.resourcePolicy(arn, record(key.address(), defaultKeyPolicy(arn, key)));
      }
    });
    for (Map.Entry<String, List<DocNode>> entry : account.statements.entrySet()) {
      SourceLocation at = entry.getValue().get(0).location();
      DocObject document = object(at,
          "Version", DocScalar.string(Policy.VERSION_2012, at),
          "Statement", new DocArray(entry.getValue(), at));
      PolicyDocuments.read(document, PolicyKind.RESOURCE, entry.getKey(), at, report, List.of())
          .ifPresent(p -> builder.resourcePolicy(entry.getKey(), recordByStatement(p)));
    }
  }

  /**
   * A policy whose statements different resources declare (one per permission): each resource's
   * statements are reported as its policy and apply only if that resource exists; the account holds
   * them together, in order.
   */
  private Policy recordByStatement(Policy policy) {
    Map<String, List<Statement>> byAddress = new LinkedHashMap<>();
    List<Statement> statements = new ArrayList<>();
    for (Statement s : policy.statements()) {
      String address = s.location().address();
      Policy one = Existence.onlyIf(new Policy(policy.name(), policy.version(), policy.id(), List.of(s), s.location(), List.of()),
          existenceUnknown.getOrDefault(address, List.of()));
      statements.addAll(one.statements());
      byAddress.computeIfAbsent(address, k -> new ArrayList<>()).addAll(one.statements());
    }
    boolean first = true;
    for (Map.Entry<String, List<Statement>> part : byAddress.entrySet()) {
      report.policy(part.getKey(), new Policy(policy.name(), policy.version(), policy.id(), part.getValue(),
          first ? policy.location() : part.getValue().get(0).location(), first ? policy.unreadable() : List.of()));
      first = false;
    }
    if (byAddress.isEmpty()) {
      report.policy(policy.location().address(), policy);
    }
    return new Policy(policy.name(), policy.version(), policy.id(), statements, policy.location(), policy.unreadable());
  }

  private boolean unique(Optional<SourceLocation> other, Principal p) {
    other.ifPresent(at -> duplicate(p.kind.word(), p.name, at, p.location));
    return other.isEmpty();
  }
}
