package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.internal.ActionIndex;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.eval.internal.CaseInsensitive;
import dev.iamunit.eval.internal.CompiledPolicy;
import dev.iamunit.eval.internal.CompiledStatement;
import dev.iamunit.eval.internal.PrincipalIdentity;
import dev.iamunit.eval.internal.PrincipalMatcher.Grant;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * AWS's policy evaluation logic (IAM User Guide: "Policy evaluation logic", "How AWS enforcement
 * code logic evaluates requests to allow or deny access", "Cross-account policy evaluation
 * logic"). Stateless and thread-safe.
 *
 * <p>{@link #decide} is the hot path of every policy test (benchmarks/README.md): it allocates
 * only the decision and what its deciding statements need, so lists that would stay empty are
 * {@code List.of()}, fixed reasons are constants, and nothing is lower-cased or split per call.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Evaluator {

  private static final List<String> EXPLICIT_DENY = List.of("an explicit Deny applies, which overrides any Allow");
  private static final List<String> ALLOWED_CROSS_ACCOUNT = List.of("allowed by the resource-based policy and an identity-based policy");
  private static final List<String> ALLOWED_BY_NAMED_PRINCIPAL = List.of("allowed by a resource-based policy that names the principal");
  private static final List<String> ALLOWED_BY_NAMED_ROLE = List.of("allowed by a resource-based policy that names the role");
  private static final List<String> ALLOWED_BY_IDENTITY = List.of("allowed by an identity-based policy");
  private static final List<String> ENDPOINT_DOES_NOT_ALLOW = List.of(
      "the policy of the VPC endpoint the request comes through does not allow it (implicit deny)");
  private static final List<String> ROOT_ALLOWED = List.of("the account's root user has full access");
  private static final List<String> ROOT_CROSS_ACCOUNT = List.of(
      "allowed by the resource-based policy, and the root user has full access in its own account");

  // What a trust or key policy that must allow the principal lacks: constants, as a KMS request
  // without a key policy is asked often (issue 24's mix), and concatenating them was 18 % of its samples.
  private static final String TRUST_POLICY_DOES_NOT_ALLOW = "the role trust policy does not allow the principal, and it must";
  private static final String KEY_POLICY_DOES_NOT_ALLOW = "the KMS key policy does not allow the principal, and it must";
  private static final String NO_TRUST_POLICY = "no role trust policy was given, and it must allow the principal";
  private static final String NO_KEY_POLICY = "no KMS key policy was given, and it must allow the principal";

  private static final Evaluator STANDARD = new Evaluator();

  private Evaluator() {}

  public static Evaluator standard() {
    return STANDARD;
  }

  /**
   * The decision, with only the deciding statements in its explanation: the fast path, for code
   * that needs the answer (an access diff over many requests, a case file).
   */
  public Decision decide(Request request, PolicySet policies) {
    return run(request, policies, false);
  }

  /** {@link #decide(Request, PolicySet)} for a request made with its policies by {@link Caller#request}. */
  public Decision decide(BoundRequest request) {
    return run(request.request(), request.policies(), false);
  }

  /**
   * The same decision as {@link #decide(Request, PolicySet)}, explained in full: every statement
   * whose action matched, whether it applied and why, condition by condition. What assertion
   * messages, coverage and {@code iamunit explain} show; about half as fast (benchmarks/README.md).
   */
  public Decision explain(Request request, PolicySet policies) {
    return run(request, policies, true);
  }

  /** {@link #explain(Request, PolicySet)} for a request made with its policies by {@link Caller#request}. */
  public Decision explain(BoundRequest request) {
    return run(request.request(), request.policies(), true);
  }

  private Decision run(Request request, PolicySet policies, boolean explain) {
    Optional<String> outside = outsidePolicies(request.action());
    if (outside.isPresent()) {
      return new Decision(Outcome.ALLOWED, List.of(), new Explanation(List.of(), List.of(outside.get()), List.of()), outside);
    }
    boolean root = request.isRootUser();
    if (root) {
      RootUser.requireNoPoliciesOfItsOwn(request, policies);
    }
    Optional<String> restriction = root ? RootUser.refusal(request) : credentialRestriction(request);
    if (restriction.isPresent()) {
      return new Decision(
          Outcome.IMPLICIT_DENY, List.of(), new Explanation(List.of(), List.of(restriction.get()), List.of()), Optional.empty());
    }
    Scan scan = new Scan(request, root, !policies.boundaries().isEmpty(), explain);
    // In the order of the policies' types, RCPs, SCPs, resource-based, identity-based, boundaries,
    // session and endpoint policies, as hits and explanations list them; the held policies' action
    // is looked up once, for their SCPs and the rest.
    scan.all(policies.rcpIndex());
    ActionIndex held = policies.held();
    long[] heldSelected = scan.selected(held);
    scan.statements(held, heldSelected, 0, policies.scpStatements());
    scan.all(policies.resourceIndex());
    scan.statements(held, heldSelected, policies.scpStatements(), held.size());
    scan.all(policies.endpointIndex());

    scan.rootBucketPolicyExemption = root && RootUser.bucketPolicyDeniesDoNotBind(request);

    // Which unresolved values a decision needs (issue 20, "Loud, but only where it matters").
    // A statement holding a value no loader could compute is matched as broadly as any value
    // could make it, and counts as certain only where its narrowest reading applies too, with
    // the same grant (CompiledStatement); so the statements that apply for the real values are
    // the certain hits plus some of the uncertain ones. Every layer's rule is monotone in the
    // statements that apply: another Allow can only move IMPLICIT_DENY to ALLOWED (an identity
    // or resource grant, the one Allow a boundary, session policy or SCP level lacked; RCP levels
    // always hold RCPFullAWSAccess, so an Allow there changes nothing), another Deny can only
    // move any outcome to EXPLICIT_DENY, and a grant through an unknown Principal counts as the
    // widest one. So with the unresolved Allows counted and the unresolved Denies not, the
    // request is as allowed as any values could make it; the other way round, as denied. When
    // the two agree, no value can change the decision: it is decided by the certain statements
    // alone, and the unresolved values are listed as not needed. When they differ, the decision
    // needs a value, and says which. UnresolvedDecisionTests checks this against every
    // resolution of random policy sets.
    Verdict verdict;
    Verdict mostAllowed = null;
    List<Unresolved> notNeeded = List.of();
    if (scan.uncertain) {
      mostAllowed = decide(request, policies, scan, Trust.ALLOWS_ONLY);
      Verdict mostDenied = decide(request, policies, scan, Trust.DENIES_ONLY);
      if (mostAllowed.outcome != mostDenied.outcome) {
        throw new UnresolvedValueException(request, unresolvedValues(scan, true));
      }
    }
    if (scan.unknownApplied) {
      notNeeded = unresolvedValues(scan, false);
    }
    verdict = decide(request, policies, scan, Trust.RESOLVED_ONLY);
    if (!policies.unreadable().isEmpty()) {
      // A statement no one could read may allow or deny anything: only a certain explicit deny
      // stands without it.
      Outcome ceiling = (mostAllowed != null ? mostAllowed : decide(request, policies, scan, Trust.ALLOWS_ONLY)).outcome;
      if (verdict.outcome != Outcome.EXPLICIT_DENY || ceiling != Outcome.EXPLICIT_DENY) {
        throw new UnresolvedValueException(request, policies.unreadable());
      }
      List<Unresolved> all = new ArrayList<>(notNeeded);
      all.addAll(policies.unreadable());
      notNeeded = all;
    }
    List<StatementResult> deciding = results(verdict.deciding);
    List<StatementResult> considered = explain ? scan.results : deciding;
    return new Decision(verdict.outcome, deciding, new Explanation(considered, verdict.reasons, notNeeded), Optional.empty());
  }

  /**
   * The unknown values of the statements that applied, each once: of those that applied only by
   * reading them broadly ({@code uncertainOnly}), or of all.
   */
  private static List<Unresolved> unresolvedValues(Scan scan, boolean uncertainOnly) {
    Set<Unresolved> values = new LinkedHashSet<>();
    for (Hit hit : scan.hits) {
      if (uncertainOnly ? hit.uncertain : hit.statement.unresolved()) {
        values.addAll(hit.statement.statement().unresolved());
      }
    }
    return List.copyOf(values);
  }

  /** The deciding statements' results, as an immutable list the Decision need not copy again. */
  private static List<StatementResult> results(List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    if (hits.size() == 1) {
      return List.of(hits.get(0).result());
    }
    StatementResult[] results = new StatementResult[hits.size()];
    for (int i = 0; i < results.length; i++) {
      results[i] = hits.get(i).result();
    }
    return List.of(results);
  }

  /**
   * Requests that policies do not control. "No permissions are required to perform this
   * operation" (STS API Reference, GetCallerIdentity); GetSessionToken: "no permissions are
   * required ... you cannot use policies to control access" (IAM User Guide, Permissions for
   * GetSessionToken).
   */
  static Optional<String> outsidePolicies(String action) {
    String normalized = action.strip();
    if (!CaseInsensitive.startsWith(normalized, "sts:get")) {
      return Optional.empty();
    }
    if (CaseInsensitive.equals(normalized, "sts:getcalleridentity")) {
      return Optional.of(
          "AWS does not authorize sts:GetCallerIdentity through policies: \"No permissions are required to perform this operation\" (STS API Reference, GetCallerIdentity)");
    }
    if (CaseInsensitive.equals(normalized, "sts:getsessiontoken")) {
      return Optional.of(
          "AWS does not authorize sts:GetSessionToken through policies: it requires no permissions and policies cannot control it (IAM User Guide, Permissions for GetSessionToken)");
    }
    return Optional.empty();
  }

  /**
   * "You cannot call any IAM API operations unless MFA information is included with the request.
   * You cannot call any AWS STS API except AssumeRole or GetCallerIdentity" (IAM User Guide,
   * Comparing the AWS STS credentials, GetSessionToken).
   */
  private static Optional<String> credentialRestriction(Request request) {
    CredentialKind kind = request.credentials();
    if (kind != CredentialKind.SESSION_TOKEN_WITH_MFA && kind != CredentialKind.SESSION_TOKEN_WITHOUT_MFA) {
      return Optional.empty();
    }
    String action = request.action().strip();
    if (CaseInsensitive.startsWith(action, "iam:") && kind == CredentialKind.SESSION_TOKEN_WITHOUT_MFA) {
      return Optional.of("GetSessionToken credentials without MFA cannot call IAM API operations (IAM User Guide, Comparing the AWS STS credentials)");
    }
    if (CaseInsensitive.startsWith(action, "sts:") && !CaseInsensitive.equals(action, "sts:assumerole")) {
      return Optional.of("GetSessionToken credentials cannot call AWS STS operations other than AssumeRole and GetCallerIdentity (IAM User Guide, Comparing the AWS STS credentials)");
    }
    return Optional.empty();
  }

  /**
   * What this evaluator's own rules read of an action, besides the patterns that match it and its
   * service: two actions of one service that every pattern answers alike and that have the same
   * rule key are decided alike, which lets the request space ask one of them for all
   * ({@code eval.space.ActionClasses}). STS actions ({@link #outsidePolicies}, credential and
   * root-user restrictions, trust) and the S3 bucket-policy actions the bucket owner's root keeps
   * ({@link RootUser#bucketPolicyDeniesDoNotBind}) are ruled on by name; every other action only
   * by whether {@link ProtectedResources} can refuse it (changes to what AWS owns, never reads).
   */
  public static String ruleKey(String action) {
    String normalized = action.strip();
    if (CaseInsensitive.startsWith(normalized, "sts:") || CaseInsensitive.startsWith(normalized, "s3:") && RootUser.isBucketPolicyAction(normalized)) {
      return normalized.toLowerCase(java.util.Locale.ROOT);
    }
    return ProtectedResources.mayRefuse(normalized) ? "may be refused" : "";
  }

  /** Whether this evaluator refuses {@code action} on some of {@link #protectedResources()}: a change, never a read. */
  public static boolean mayRefuseChanges(String action) {
    return ProtectedResources.mayRefuse(action.strip());
  }

  /**
   * The resources on which this evaluator's own rules refuse changes whatever the policies say
   * ({@link ProtectedResources}: AWS managed policies, the roles reserved under
   * {@code /aws-reserved/}, the aliases of AWS managed KMS keys), as ARN patterns read part by part
   * ({@code *} any run of characters within a part): a request on one of them and a request on a
   * resource outside them can be decided apart, so the request space asks them apart.
   */
  public static List<String> protectedResources() {
    return ProtectedResources.PATTERNS;
  }

  /** Which statements that applied only through unresolved values to count. */
  private enum Trust {
    /** Only statements that applied without assuming any value: what certainly applies. */
    RESOLVED_ONLY,
    /** Unresolved Allows count, unresolved Denies do not: the most the request could be allowed. */
    ALLOWS_ONLY,
    /** Unresolved Denies count, unresolved Allows do not. */
    DENIES_ONLY;

    boolean counts(Hit hit) {
      if (!hit.uncertain) {
        return true;
      }
      return switch (this) {
        case RESOLVED_ONLY -> false;
        case ALLOWS_ONLY -> hit.statement.effect() == Effect.ALLOW;
        case DENIES_ONLY -> hit.statement.effect() == Effect.DENY;
      };
    }
  }

  private record Verdict(Outcome outcome, List<Hit> deciding, List<String> reasons) {}

  private static Verdict decide(Request request, PolicySet policies, Scan scan, Trust trust) {
    Tally tally = new Tally(scan, policies.scpLevels().size(), trust);
    List<Hit> denies = tally.denies;
    boolean bucketPolicyDenyIgnored = false;
    if (scan.rootBucketPolicyExemption && !denies.isEmpty()) {
      List<Hit> binding = new ArrayList<>(denies.size());
      for (Hit deny : denies) {
        if (deny.policy.type() != PolicyType.RESOURCE) {
          binding.add(deny);
        }
      }
      bucketPolicyDenyIgnored = binding.size() < denies.size();
      denies = binding;
    }
    if (!denies.isEmpty()) {
      return new Verdict(Outcome.EXPLICIT_DENY, denies, EXPLICIT_DENY);
    }
    Optional<String> protectedResource = ProtectedResources.refusal(request);
    if (protectedResource.isPresent()) {
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), List.of(protectedResource.get()));
    }
    // RCPs only deny: "RCPFullAWSAccess cannot be detached, so there will always be an Allow
    // statement" at every level (How AWS enforcement code logic evaluates requests).
    List<String> missing = null;
    for (int level = 0, levels = policies.scpLevels().size(); level < levels; level++) {
      if (!tally.scpLevelAllows[level]) {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(noScpAllows(level));
      }
    }
    if (missing != null) {
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), missing);
    }

    List<Hit> resourceAllows = tally.resourceAllows;
    Grant grant = Grant.NONE;
    for (Hit hit : resourceAllows) {
      if (hit.grant.compareTo(grant) > 0) {
        grant = hit.grant;
      }
    }
    List<Hit> identityAllows = tally.identityAllows;
    boolean boundaryAllows = policies.boundaries().isEmpty() || tally.boundaryAllows;
    boolean sessionAllows = policies.session().isEmpty() || tally.sessionAllows;
    boolean limitsAllow = boundaryAllows && sessionAllows;
    if (!policies.endpoint().isEmpty() && !tally.endpointAllows) {
      // "An endpoint policy does not override or replace identity-based policies or resource-based
      // policies" (Amazon VPC PrivateLink Guide, Control access to VPC endpoints using endpoint
      // policies): a request through the endpoint needs its Allow besides every other, whoever asks.
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), ENDPOINT_DOES_NOT_ALLOW);
    }

    if (scan.root) {
      return rootVerdict(request, policies, resourceAllows, grant, bucketPolicyDenyIgnored);
    }
    if (request.isCrossAccount()) {
      // "the request must be allowed by both the identity-based policy in the trusting account
      // and the resource-based policy in the trusted account" (Cross-account policy evaluation).
      List<String> reasons = limits(boundaryAllows, sessionAllows);
      if (identityAllows.isEmpty()) {
        reasons.add("no identity-based policy allows the request (cross-account requests need both sides)");
      }
      if (grant == Grant.NONE) {
        reasons.add("no resource-based policy of account " + request.resourceAccount().orElse("?")
            + " allows the request (cross-account requests need both sides)");
      }
      if (reasons.isEmpty()) {
        List<Hit> deciding = new ArrayList<>(resourceAllows);
        deciding.addAll(identityAllows);
        return new Verdict(Outcome.ALLOWED, deciding, ALLOWED_CROSS_ACCOUNT);
      }
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), reasons);
    }

    // Same account. "Depending on the type of principal, an Allow in a resource-based policy can
    // result in a final decision of Allow, even if an implicit deny in an identity-based policy,
    // permissions boundary, or session policy is present": a grant to the user or session ARN
    // itself stands alone; a grant to the role ARN is still limited by the boundary and session
    // policies; a grant to the account delegates to the identity-based policies.
    if (grant == Grant.DIRECT) {
      return new Verdict(Outcome.ALLOWED, resourceAllows, ALLOWED_BY_NAMED_PRINCIPAL);
    }
    if (grant == Grant.ROLE && limitsAllow) {
      return new Verdict(Outcome.ALLOWED, resourceAllows, ALLOWED_BY_NAMED_ROLE);
    }
    boolean resourceMustAllow = needsResourcePolicy(request);
    if (!identityAllows.isEmpty() && limitsAllow && (!resourceMustAllow || grant == Grant.ACCOUNT)) {
      if (resourceMustAllow) {
        // A trust or key policy's grant to the account is as necessary as the identity side's
        // Allow ("as long as the role's trust policy trusts the account", AWS STS API Reference,
        // AssumeRole, Permissions): both decide, and coverage counts both.
        List<Hit> deciding = new ArrayList<>(resourceAllows);
        deciding.addAll(identityAllows);
        return new Verdict(Outcome.ALLOWED, deciding, List.of(
            "allowed by an identity-based policy and the " + resourcePolicyName(request) + ", which allows the account"));
      }
      return new Verdict(Outcome.ALLOWED, identityAllows, ALLOWED_BY_IDENTITY);
    }
    List<String> reasons = new ArrayList<>();
    if (identityAllows.isEmpty()) {
      reasons.add(resourceAllows.isEmpty()
          ? "no identity-based or resource-based policy allows the request (implicit deny)"
          : "the resource-based policy grants to the account, but no identity-based policy allows the request");
    }
    reasons.addAll(limits(boundaryAllows, sessionAllows));
    if (resourceMustAllow && grant == Grant.NONE) {
      boolean role = isTrustAction(request.action());
      reasons.add(!policies.resources().isEmpty()
          ? (role ? TRUST_POLICY_DOES_NOT_ALLOW : KEY_POLICY_DOES_NOT_ALLOW)
          : (role ? NO_TRUST_POLICY : NO_KEY_POLICY));
    }
    return new Verdict(Outcome.IMPLICIT_DENY, List.of(), reasons);
  }

  /**
   * The root user has no identity-based policies, boundary or session policies (RootUser): its
   * identity side is its full access, which holds in its own account. So in its own account it is
   * allowed unless the resource-based policy must name it (a KMS key policy); in another account
   * the resource-based policy must grant to it or its account, as for any principal: "the request
   * must be allowed by both the identity-based policy in the trusting account and the
   * resource-based policy in the trusted account" (IAM User Guide, Cross-account policy
   * evaluation logic), and the root user's full access is the first half.
   */
  private static Verdict rootVerdict(Request request, PolicySet policies, List<Hit> resourceAllows, Grant grant, boolean bucketPolicyDenyIgnored) {
    if (request.isCrossAccount()) {
      if (grant == Grant.NONE) {
        return new Verdict(Outcome.IMPLICIT_DENY, List.of(), List.of("no resource-based policy of account "
            + request.resourceAccount().orElse("?") + " allows the request: the root user's full access holds only in its own "
            + "account (cross-account requests need both sides)"));
      }
      return new Verdict(Outcome.ALLOWED, resourceAllows, ROOT_CROSS_ACCOUNT);
    }
    if (needsResourcePolicy(request) && grant == Grant.NONE) {
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), List.of(!policies.resources().isEmpty()
          ? "the " + resourcePolicyName(request) + " does not allow the principal, and it must, even for the account's root user"
          : "no " + resourcePolicyName(request) + " was given, and it must allow the principal, even the account's root user"));
    }
    List<String> reasons = bucketPolicyDenyIgnored ? List.of(ROOT_ALLOWED.get(0), RootUser.BUCKET_POLICY_DENY_IGNORED) : ROOT_ALLOWED;
    return new Verdict(Outcome.ALLOWED, needsResourcePolicy(request) ? resourceAllows : List.of(), reasons);
  }

  /** What the permissions boundary and the session policies withheld, as a list to add to. */
  private static List<String> limits(boolean boundaryAllows, boolean sessionAllows) {
    List<String> limits = new ArrayList<>();
    if (!boundaryAllows) {
      limits.add("the permissions boundary does not allow the request");
    }
    if (!sessionAllows) {
      limits.add("no session policy allows the request");
    }
    return limits;
  }

  /**
   * "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
   * explicitly allow access for principals" (How AWS enforcement code logic evaluates requests).
   * Besides {@code sts:AssumeRole*}, the trust policy must allow the permissions-only actions of
   * the call: "When using session tags, trust policies for all roles ... must have the
   * sts:TagSession permission. For roles that don't have this permission in the trust policy, the
   * AssumeRole operation will fail" (IAM User Guide, Passing session tags in AWS STS), and
   * likewise sts:SetSourceIdentity (Monitor and control actions taken with assumed roles).
   */
  private static boolean needsResourcePolicy(Request request) {
    String resource = request.resource();
    if (Arns.partEquals(resource, 2, "kms")) {
      return Arns.resourceStartsWith(resource, "key/");
    }
    return isTrustAction(request.action()) && resource.contains(":role/");
  }

  /** The actions a role's trust policy must allow: the one list of them, {@link ResourcePolicyOwner#readsTrustPolicy}. */
  private static boolean isTrustAction(String action) {
    return ResourcePolicyOwner.readsTrustPolicy(action);
  }

  private static String resourcePolicyName(Request request) {
    return isTrustAction(request.action()) ? "role trust policy" : "KMS key policy";
  }

  /**
   * The hits that count under one {@link Trust}, sorted in one pass by what the rules read of
   * them: the Denies of any policy, and the Allows of each kind of policy and of each SCP level.
   * Each list is in the order of the scan, and {@code List.of()} when empty, which is most of
   * the time. RCP Allows are not kept: RCPs only deny (see {@link #decide}).
   */
  private static final class Tally {
    List<Hit> denies = List.of();
    List<Hit> resourceAllows = List.of();
    List<Hit> identityAllows = List.of();
    final boolean[] scpLevelAllows;
    boolean boundaryAllows;
    boolean sessionAllows;
    boolean endpointAllows;

    Tally(Scan scan, int scpLevels, Trust trust) {
      scpLevelAllows = new boolean[scpLevels];
      for (Hit hit : scan.hits) {
        if (!trust.counts(hit)) {
          continue;
        }
        if (hit.statement.effect() == Effect.DENY) {
          denies = add(denies, hit);
          continue;
        }
        switch (hit.policy.type()) {
          case SERVICE_CONTROL -> scpLevelAllows[hit.policy.level()] = true;
          case RESOURCE -> resourceAllows = add(resourceAllows, hit);
          case IDENTITY -> identityAllows = add(identityAllows, hit);
          case PERMISSIONS_BOUNDARY -> boundaryAllows = true;
          case SESSION -> sessionAllows = true;
          case VPC_ENDPOINT -> endpointAllows = true;
          case RESOURCE_CONTROL -> { }
        }
      }
    }

    private static List<Hit> add(List<Hit> hits, Hit hit) {
      List<Hit> more = hits.isEmpty() ? new ArrayList<>(2) : hits;
      more.add(hit);
      return more;
    }
  }

  /** "No service control policy at organization level N allows the request", built once per level for the first levels. */
  private static final String[] NO_SCP_ALLOWS = new String[16];

  static {
    for (int level = 0; level < NO_SCP_ALLOWS.length; level++) {
      NO_SCP_ALLOWS[level] = "no service control policy at organization level " + level + " allows the request";
    }
  }

  private static String noScpAllows(int level) {
    return level < NO_SCP_ALLOWS.length ? NO_SCP_ALLOWS[level] : "no service control policy at organization level " + level + " allows the request";
  }

  /** A statement that applied; {@code uncertain}: only by reading unknown values broadly. */
  private record Hit(CompiledPolicy policy, CompiledStatement statement, Grant grant, List<ConditionResult> conditions, boolean uncertain) {
    StatementResult result() {
      return new StatementResult(
          policy.type(), policy.ref(), policy.policy(), statement.statement(), Applicability.APPLIED, conditions, uncertain);
    }
  }

  /**
   * One pass over every statement of every policy. It is also the caller's identity, parsed from
   * the principal ARN only when a statement with Principal or NotPrincipal asks for it.
   */
  private static final class Scan implements Supplier<PrincipalIdentity> {
    final Request request;
    final boolean hasBoundary;
    final boolean explain;
    final List<Hit> hits = new ArrayList<>(4);
    final List<StatementResult> results;
    final Grant[] grant = new Grant[1];
    boolean uncertain;
    /** A statement with unknown values applied, certainly or not. */
    boolean unknownApplied;
    /** The principal is the root user of an account (RootUser). */
    final boolean root;
    /** The root user of the bucket's account asks for its bucket policy (RootUser). */
    boolean rootBucketPolicyExemption;
    private PrincipalIdentity caller;
    private ActionIndex.Key actionKey;

    Scan(Request request, boolean root, boolean hasBoundary, boolean explain) {
      this.request = request;
      this.root = root;
      this.hasBoundary = hasBoundary;
      this.explain = explain;
      this.results = explain ? new ArrayList<>() : List.of();
    }

    private ActionIndex.Key actionKey() {
      if (actionKey == null) {
        actionKey = ActionIndex.key(request.action());
      }
      return actionKey;
    }

    @Override
    public PrincipalIdentity get() {
      if (caller == null) {
        caller = PrincipalIdentity.of(request.principal());
      }
      return caller;
    }

    /** Which statements of {@code index} the request's action selects. */
    long[] selected(ActionIndex index) {
      return index.size() == 0 ? null : index.statementsSelecting(actionKey());
    }

    void all(ActionIndex index) {
      if (index.size() > 0) {
        statements(index, selected(index), 0, index.size());
      }
    }

    /** Decides on the statements {@code from} to {@code to} of {@code index} that the action selects, in order. */
    void statements(ActionIndex index, long[] selected, int from, int to) {
      if (from >= to) {
        return;
      }
      int first = from >>> 6;
      int last = (to - 1) >>> 6;
      for (int w = first; w <= last; w++) {
        long bits = selected[w];
        if (w == first) {
          bits &= -1L << from;
        }
        if (w == last) {
          bits &= -1L >>> -to;
        }
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          statement(index.policy(i), index.statement(i));
        }
      }
    }

    private void statement(CompiledPolicy policy, CompiledStatement statement) {
      grant[0] = Grant.NONE;
      List<ConditionResult> conditions = explain ? new ArrayList<>() : null;
      Applicability applicability = statement.matchBeyondAction(request, this, hasBoundary, grant, conditions);
      boolean unknown = statement.unresolved();
      if (applicability == Applicability.APPLIED) {
        // Applied reading its unknown values as broadly as they could be; whether it applies
        // whatever they are is asked only of such statements, which are rare.
        unknown = unknown && !statement.certainlyApplies(request, this, hasBoundary, grant[0]);
        hits.add(new Hit(policy, statement, grant[0], conditions == null ? List.of() : conditions, unknown));
        uncertain |= unknown;
        unknownApplied |= statement.unresolved();
      }
      if (explain) {
        results.add(new StatementResult(
            policy.type(), policy.ref(), policy.policy(), statement.statement(), applicability, conditions, unknown));
      }
    }
  }
}
