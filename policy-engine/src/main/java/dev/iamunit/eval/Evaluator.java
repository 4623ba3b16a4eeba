package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.internal.Arns;
import dev.iamunit.eval.internal.CaseInsensitive;
import dev.iamunit.eval.internal.CompiledPolicy;
import dev.iamunit.eval.internal.PrincipalMatcher.Grant;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private static final String NO_POLICY_ALLOWS = "no identity-based or resource-based policy allows the request (implicit deny)";

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
    Scan scan = new Scan(request, policies, root, explain);

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
    if (verdict.bare != null && !explain && notNeeded.isEmpty()) {
      return verdict.bare;
    }
    List<StatementResult> deciding = results(scan, verdict.deciding);
    List<StatementResult> considered = explain ? scan.results : deciding;
    return new Decision(verdict.outcome, deciding, new Explanation(considered, verdict.reasons, notNeeded), Optional.empty());
  }

  /**
   * The unknown values of the statements that applied, each once: of those that applied only by
   * reading them broadly ({@code uncertainOnly}), or of all.
   */
  private static List<Unresolved> unresolvedValues(Scan scan, boolean uncertainOnly) {
    Set<Unresolved> values = new LinkedHashSet<>();
    for (int hit = 0; hit < scan.hits(); hit++) {
      if (uncertainOnly ? scan.uncertain(hit) : scan.statement(hit).unresolved()) {
        values.addAll(scan.statement(hit).statement().unresolved());
      }
    }
    return List.copyOf(values);
  }

  /**
   * The results of the statements that decided, in the order of the scan, as an immutable list
   * the Decision need not copy again: the certain hits {@code deciding} includes.
   */
  private static List<StatementResult> results(Scan scan, Deciding deciding) {
    if (deciding == Deciding.NONE) {
      return List.of();
    }
    int count = 0;
    int first = -1;
    int second = -1;
    for (int hit = 0; hit < scan.hits(); hit++) {
      if (decides(scan, hit, deciding)) {
        first = count == 0 ? hit : first;
        second = count == 1 ? hit : second;
        count++;
      }
    }
    // One or two deciding statements are most decisions: List.of copies an array it is given.
    if (count <= 2) {
      return count == 0 ? List.of() : count == 1 ? List.of(scan.result(first)) : List.of(scan.result(first), scan.result(second));
    }
    StatementResult[] results = new StatementResult[count];
    for (int hit = 0, next = 0; next < count; hit++) {
      if (decides(scan, hit, deciding)) {
        results[next++] = scan.result(hit);
      }
    }
    return List.of(results);
  }

  private static boolean decides(Scan scan, int hit, Deciding deciding) {
    return Trust.RESOLVED_ONLY.counts(scan, hit) && deciding.includes(scan.policy(hit).type(), scan.statement(hit).effect());
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

    boolean counts(Scan scan, int hit) {
      if (!scan.uncertain(hit)) {
        return true;
      }
      return switch (this) {
        case RESOLVED_ONLY -> false;
        case ALLOWS_ONLY -> scan.statement(hit).effect() == Effect.ALLOW;
        case DENIES_ONLY -> scan.statement(hit).effect() == Effect.DENY;
      };
    }
  }

  /**
   * Which of the hits that count decided, as a rule of {@link #decide} names them. A rule names a
   * kind of statement, never a pick, so the deciding statements are found again in the scan, in
   * its order, and only for the verdict that is returned: no list of hits is built per kind.
   */
  private enum Deciding {
    NONE,
    DENIES,
    /** The Denies of every policy but the resource-based ones (RootUser.bucketPolicyDeniesDoNotBind). */
    DENIES_BUT_RESOURCE_BASED,
    RESOURCE_ALLOWS,
    IDENTITY_ALLOWS,
    /** Both, resource-based first: the scan reads resource-based policies before identity-based ones. */
    RESOURCE_AND_IDENTITY_ALLOWS;

    boolean includes(PolicyType type, Effect effect) {
      return switch (this) {
        case NONE -> false;
        case DENIES -> effect == Effect.DENY;
        case DENIES_BUT_RESOURCE_BASED -> effect == Effect.DENY && type != PolicyType.RESOURCE;
        case RESOURCE_ALLOWS -> effect == Effect.ALLOW && type == PolicyType.RESOURCE;
        case IDENTITY_ALLOWS -> effect == Effect.ALLOW && type == PolicyType.IDENTITY;
        case RESOURCE_AND_IDENTITY_ALLOWS -> effect == Effect.ALLOW && (type == PolicyType.RESOURCE || type == PolicyType.IDENTITY);
      };
    }
  }

  /**
   * An outcome, which statements decided it and why. {@code bare}: for a verdict the evaluator
   * reaches often and without deciding statements, the whole bare decision, built once and
   * returned as is when no unknown value is to be listed (a Decision is immutable).
   */
  private record Verdict(Outcome outcome, Deciding deciding, List<String> reasons, Decision bare) {

    static Verdict of(Outcome outcome, Deciding deciding, List<String> reasons) {
      return new Verdict(outcome, deciding, reasons, null);
    }

    static Verdict constant(Outcome outcome, Deciding deciding, List<String> reasons) {
      Decision bare = deciding == Deciding.NONE
          ? new Decision(outcome, List.of(), new Explanation(List.of(), reasons, List.of()), Optional.empty()) : null;
      return new Verdict(outcome, deciding, reasons, bare);
    }
  }

  // The verdicts of the rules whose reasons are constants, made once (see Verdict).
  private static final Verdict EXPLICITLY_DENIED = Verdict.constant(Outcome.EXPLICIT_DENY, Deciding.DENIES, EXPLICIT_DENY);
  private static final Verdict EXPLICITLY_DENIED_BESIDES_BUCKET_POLICY =
      Verdict.constant(Outcome.EXPLICIT_DENY, Deciding.DENIES_BUT_RESOURCE_BASED, EXPLICIT_DENY);
  private static final Verdict ENDPOINT_REFUSES = Verdict.constant(Outcome.IMPLICIT_DENY, Deciding.NONE, ENDPOINT_DOES_NOT_ALLOW);
  private static final Verdict ALLOWED_ON_BOTH_SIDES =
      Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_AND_IDENTITY_ALLOWS, ALLOWED_CROSS_ACCOUNT);
  private static final Verdict ALLOWED_FOR_NAMED_PRINCIPAL = Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_ALLOWS, ALLOWED_BY_NAMED_PRINCIPAL);
  private static final Verdict ALLOWED_FOR_NAMED_ROLE = Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_ALLOWS, ALLOWED_BY_NAMED_ROLE);
  private static final Verdict ALLOWED_WITH_TRUST_POLICY = Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_AND_IDENTITY_ALLOWS,
      List.of("allowed by an identity-based policy and the role trust policy, which allows the account"));
  private static final Verdict ALLOWED_WITH_KEY_POLICY = Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_AND_IDENTITY_ALLOWS,
      List.of("allowed by an identity-based policy and the KMS key policy, which allows the account"));
  private static final Verdict ALLOWED_FOR_IDENTITY = Verdict.constant(Outcome.ALLOWED, Deciding.IDENTITY_ALLOWS, ALLOWED_BY_IDENTITY);
  private static final Verdict NOTHING_ALLOWS = Verdict.constant(Outcome.IMPLICIT_DENY, Deciding.NONE, List.of(NO_POLICY_ALLOWS));
  private static final Verdict ROOT_ALLOWED_ACROSS_ACCOUNTS = Verdict.constant(Outcome.ALLOWED, Deciding.RESOURCE_ALLOWS, ROOT_CROSS_ACCOUNT);
  private static final Verdict ROOT_ALLOWED_IN_ITS_ACCOUNT = Verdict.constant(Outcome.ALLOWED, Deciding.NONE, ROOT_ALLOWED);

  private static Verdict decide(Request request, PolicySet policies, Scan scan, Trust trust) {
    Tally tally = new Tally(scan, trust);
    boolean bucketPolicyDenyIgnored = scan.rootBucketPolicyExemption && tally.resourceDenies > 0;
    if (tally.denies > 0 && !scan.rootBucketPolicyExemption) {
      return EXPLICITLY_DENIED;
    }
    if (tally.denies > tally.resourceDenies && scan.rootBucketPolicyExemption) {
      return EXPLICITLY_DENIED_BESIDES_BUCKET_POLICY;
    }
    Optional<String> protectedResource = ProtectedResources.refusal(request);
    if (protectedResource.isPresent()) {
      return Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, List.of(protectedResource.get()));
    }
    // RCPs only deny: "RCPFullAWSAccess cannot be detached, so there will always be an Allow
    // statement" at every level (How AWS enforcement code logic evaluates requests).
    int scpLevels = policies.scpLevels().size();
    if (!tally.everyScpLevelAllows(scpLevels)) {
      return noScpAllows(tally, scpLevels);
    }

    Grant grant = tally.widestResourceGrant;
    boolean boundaryAllows = policies.boundaries().isEmpty() || tally.boundaryAllows;
    boolean sessionAllows = policies.session().isEmpty() || tally.sessionAllows;
    boolean limitsAllow = boundaryAllows && sessionAllows;
    if (!policies.endpoint().isEmpty() && !tally.endpointAllows) {
      // "An endpoint policy does not override or replace identity-based policies or resource-based
      // policies" (Amazon VPC PrivateLink Guide, Control access to VPC endpoints using endpoint
      // policies): a request through the endpoint needs its Allow besides every other, whoever asks.
      return ENDPOINT_REFUSES;
    }

    if (scan.root) {
      return rootVerdict(request, policies, grant, bucketPolicyDenyIgnored);
    }
    if (request.isCrossAccount()) {
      // "the request must be allowed by both the identity-based policy in the trusting account
      // and the resource-based policy in the trusted account" (Cross-account policy evaluation).
      List<String> reasons = limits(boundaryAllows, sessionAllows);
      if (!tally.identityAllows) {
        reasons.add("no identity-based policy allows the request (cross-account requests need both sides)");
      }
      if (grant == Grant.NONE) {
        reasons.add("no resource-based policy of account " + request.resourceAccount().orElse("?")
            + " allows the request (cross-account requests need both sides)");
      }
      return reasons.isEmpty() ? ALLOWED_ON_BOTH_SIDES : Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, reasons);
    }

    // Same account. "Depending on the type of principal, an Allow in a resource-based policy can
    // result in a final decision of Allow, even if an implicit deny in an identity-based policy,
    // permissions boundary, or session policy is present": a grant to the user or session ARN
    // itself stands alone; a grant to the role ARN is still limited by the boundary and session
    // policies; a grant to the account delegates to the identity-based policies.
    if (grant == Grant.DIRECT) {
      return ALLOWED_FOR_NAMED_PRINCIPAL;
    }
    if (grant == Grant.ROLE && limitsAllow) {
      return ALLOWED_FOR_NAMED_ROLE;
    }
    boolean resourceMustAllow = needsResourcePolicy(request);
    if (tally.identityAllows && limitsAllow && (!resourceMustAllow || grant == Grant.ACCOUNT)) {
      // A trust or key policy's grant to the account is as necessary as the identity side's
      // Allow ("as long as the role's trust policy trusts the account", AWS STS API Reference,
      // AssumeRole, Permissions): both decide, and coverage counts both.
      if (resourceMustAllow) {
        return isTrustAction(request.action()) ? ALLOWED_WITH_TRUST_POLICY : ALLOWED_WITH_KEY_POLICY;
      }
      return ALLOWED_FOR_IDENTITY;
    }
    boolean resourcePolicyMissing = resourceMustAllow && grant == Grant.NONE;
    if (!tally.identityAllows && !tally.resourceAllows && limitsAllow && !resourcePolicyMissing) {
      return NOTHING_ALLOWS;
    }
    List<String> reasons = new ArrayList<>();
    if (!tally.identityAllows) {
      reasons.add(!tally.resourceAllows
          ? NO_POLICY_ALLOWS
          : "the resource-based policy grants to the account, but no identity-based policy allows the request");
    }
    reasons.addAll(limits(boundaryAllows, sessionAllows));
    if (resourcePolicyMissing) {
      boolean role = isTrustAction(request.action());
      reasons.add(!policies.resources().isEmpty()
          ? (role ? TRUST_POLICY_DOES_NOT_ALLOW : KEY_POLICY_DOES_NOT_ALLOW)
          : (role ? NO_TRUST_POLICY : NO_KEY_POLICY));
    }
    return Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, reasons);
  }

  /** "No service control policy at organization level N allows the request", for each level without an Allow. */
  private static Verdict noScpAllows(Tally tally, int levels) {
    int first = -1;
    int count = 0;
    for (int level = 0; level < levels; level++) {
      if (!tally.scpLevelAllows(level)) {
        first = first < 0 ? level : first;
        count++;
      }
    }
    if (count == 1 && first < NO_SCP_ALLOWS.length) {
      // One level without an Allow, the usual case (an allow list's OU): its verdict is made once.
      return NO_SCP_ALLOWS[first];
    }
    List<String> missing = new ArrayList<>(count);
    for (int level = 0; level < levels; level++) {
      if (!tally.scpLevelAllows(level)) {
        missing.add(noScpAllowsAt(level));
      }
    }
    return Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, missing);
  }

  /** The verdicts of one SCP level without an Allow, for the first levels; AWS nests OUs five deep, so a path has at most seven. */
  private static final Verdict[] NO_SCP_ALLOWS = new Verdict[16];

  static {
    for (int level = 0; level < NO_SCP_ALLOWS.length; level++) {
      NO_SCP_ALLOWS[level] = Verdict.constant(Outcome.IMPLICIT_DENY, Deciding.NONE,
          List.of("no service control policy at organization level " + level + " allows the request"));
    }
  }

  private static String noScpAllowsAt(int level) {
    return level < NO_SCP_ALLOWS.length
        ? NO_SCP_ALLOWS[level].reasons.get(0) : "no service control policy at organization level " + level + " allows the request";
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
  private static Verdict rootVerdict(Request request, PolicySet policies, Grant grant, boolean bucketPolicyDenyIgnored) {
    if (request.isCrossAccount()) {
      if (grant == Grant.NONE) {
        return Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, List.of("no resource-based policy of account "
            + request.resourceAccount().orElse("?") + " allows the request: the root user's full access holds only in its own "
            + "account (cross-account requests need both sides)"));
      }
      return ROOT_ALLOWED_ACROSS_ACCOUNTS;
    }
    boolean resourceMustAllow = needsResourcePolicy(request);
    if (resourceMustAllow && grant == Grant.NONE) {
      return Verdict.of(Outcome.IMPLICIT_DENY, Deciding.NONE, List.of(!policies.resources().isEmpty()
          ? "the " + resourcePolicyName(request) + " does not allow the principal, and it must, even for the account's root user"
          : "no " + resourcePolicyName(request) + " was given, and it must allow the principal, even the account's root user"));
    }
    if (!resourceMustAllow && !bucketPolicyDenyIgnored) {
      return ROOT_ALLOWED_IN_ITS_ACCOUNT;
    }
    List<String> reasons = bucketPolicyDenyIgnored ? List.of(ROOT_ALLOWED.get(0), RootUser.BUCKET_POLICY_DENY_IGNORED) : ROOT_ALLOWED;
    return Verdict.of(Outcome.ALLOWED, resourceMustAllow ? Deciding.RESOURCE_ALLOWS : Deciding.NONE, reasons);
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
    return resource.contains(":role/") && isTrustAction(request.action());
  }

  /** The actions a role's trust policy must allow: the one list of them, {@link ResourcePolicyOwner#readsTrustPolicy}. */
  private static boolean isTrustAction(String action) {
    return ResourcePolicyOwner.readsTrustPolicy(action);
  }

  private static String resourcePolicyName(Request request) {
    return isTrustAction(request.action()) ? "role trust policy" : "KMS key policy";
  }

  /**
   * What the rules read of the hits that count under one {@link Trust}, in one pass: how many
   * Denies applied (and how many of them in resource-based policies), whether each SCP level, the
   * boundary, the session and the endpoint policies allow, whether resource-based and
   * identity-based policies allow, and the widest grant of the former. Which hits decided is read
   * from the scan again only for the returned verdict ({@link #results}): lists of the hits of
   * each kind were 14 % of what an organization's decision allocated (benchmarks/README.md).
   * RCP Allows are not counted: RCPs only deny (see {@link #decide}).
   */
  private static final class Tally {
    int denies;
    int resourceDenies;
    /** Bit {@code L}: an Allow at SCP level {@code L}, for the first 64 levels. */
    private long scpLevelsAllowing;
    /** The levels beyond 64, which only a hand-built set can have; null until one allows. */
    private boolean[] scpLevelsBeyond;
    boolean resourceAllows;
    Grant widestResourceGrant = Grant.NONE;
    boolean identityAllows;
    boolean boundaryAllows;
    boolean sessionAllows;
    boolean endpointAllows;

    Tally(Scan scan, Trust trust) {
      for (int hit = 0, hits = scan.hits(); hit < hits; hit++) {
        if (!trust.counts(scan, hit)) {
          continue;
        }
        CompiledPolicy policy = scan.policy(hit);
        if (scan.statement(hit).effect() == Effect.DENY) {
          denies++;
          if (policy.type() == PolicyType.RESOURCE) {
            resourceDenies++;
          }
          continue;
        }
        switch (policy.type()) {
          case SERVICE_CONTROL -> allowAtScpLevel(policy.level());
          case RESOURCE -> {
            resourceAllows = true;
            Grant grant = scan.grant(hit);
            if (grant.compareTo(widestResourceGrant) > 0) {
              widestResourceGrant = grant;
            }
          }
          case IDENTITY -> identityAllows = true;
          case PERMISSIONS_BOUNDARY -> boundaryAllows = true;
          case SESSION -> sessionAllows = true;
          case VPC_ENDPOINT -> endpointAllows = true;
          case RESOURCE_CONTROL -> { }
        }
      }
    }

    private void allowAtScpLevel(int level) {
      if (level < 64) {
        scpLevelsAllowing |= 1L << level;
        return;
      }
      if (scpLevelsBeyond == null || scpLevelsBeyond.length <= level - 64) {
        scpLevelsBeyond = Arrays.copyOf(scpLevelsBeyond == null ? new boolean[0] : scpLevelsBeyond, level - 63);
      }
      scpLevelsBeyond[level - 64] = true;
    }

    boolean scpLevelAllows(int level) {
      if (level < 64) {
        return (scpLevelsAllowing & 1L << level) != 0;
      }
      return scpLevelsBeyond != null && level - 64 < scpLevelsBeyond.length && scpLevelsBeyond[level - 64];
    }

    boolean everyScpLevelAllows(int levels) {
      if (levels <= 64) {
        return scpLevelsAllowing == (levels == 64 ? -1L : (1L << levels) - 1);
      }
      for (int level = 0; level < levels; level++) {
        if (!scpLevelAllows(level)) {
          return false;
        }
      }
      return true;
    }
  }
}
