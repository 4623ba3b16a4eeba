package dev.iamunit.eval;

import dev.iamunit.eval.internal.PrincipalIdentity;
import dev.iamunit.eval.internal.CompiledPolicy;
import dev.iamunit.eval.internal.CompiledStatement;
import dev.iamunit.eval.internal.PrincipalMatcher.Grant;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * AWS's policy evaluation logic (IAM User Guide: "Policy evaluation logic", "How AWS enforcement
 * code logic evaluates requests to allow or deny access", "Cross-account policy evaluation
 * logic"). Stateless and thread-safe.
 */
public final class Evaluator {

  private static final Evaluator STANDARD = new Evaluator();

  private Evaluator() {}

  public static Evaluator standard() {
    return STANDARD;
  }

  /** Decides with a full explanation: every statement whose action matched, and why. */
  public Decision evaluate(Request request, PolicySet policies) {
    return run(request, policies, true);
  }

  /** Decides with only the deciding statements: the fast path. */
  public Decision decide(Request request, PolicySet policies) {
    return run(request, policies, false);
  }

  private Decision run(Request request, PolicySet policies, boolean explain) {
    Optional<String> outside = outsidePolicies(request.action());
    if (outside.isPresent()) {
      return new Decision(Outcome.ALLOWED, List.of(), new Explanation(List.of(), List.of(outside.get())), outside);
    }
    Optional<String> restriction = credentialRestriction(request);
    if (restriction.isPresent()) {
      return new Decision(Outcome.IMPLICIT_DENY, List.of(), new Explanation(List.of(), List.of(restriction.get())), Optional.empty());
    }
    Scan scan = new Scan(request, PrincipalIdentity.of(request.principal()), !policies.boundaries().isEmpty(), explain);
    policies.rcpLevels().forEach(scan::level);
    policies.scpLevels().forEach(scan::level);
    policies.resource().ifPresent(scan::policy);
    policies.identity().forEach(scan::policy);
    policies.boundaries().forEach(scan::policy);
    policies.session().forEach(scan::policy);

    Verdict verdict = decide(request, policies, scan, Trust.ALL);
    if (scan.uncertain) {
      Verdict mostAllowed = decide(request, policies, scan, Trust.ALLOWS_ONLY);
      Verdict mostDenied = decide(request, policies, scan, Trust.DENIES_ONLY);
      if (mostAllowed.outcome != mostDenied.outcome) {
        Set<Unresolved> values = new LinkedHashSet<>();
        for (Hit hit : scan.hits) {
          if (hit.statement.unresolved()) {
            values.addAll(hit.statement.statement().unresolved());
          }
        }
        throw new UnresolvedValueException(request, List.copyOf(values));
      }
    }
    List<StatementResult> deciding = new ArrayList<>();
    for (Hit hit : verdict.deciding) {
      deciding.add(hit.result());
    }
    List<StatementResult> considered = explain ? scan.results : deciding;
    return new Decision(verdict.outcome, deciding, new Explanation(considered, verdict.reasons), Optional.empty());
  }

  /**
   * Requests that policies do not control. "No permissions are required to perform this
   * operation" (STS API Reference, GetCallerIdentity); GetSessionToken: "no permissions are
   * required ... you cannot use policies to control access" (IAM User Guide, Permissions for
   * GetSessionToken).
   */
  static Optional<String> outsidePolicies(String action) {
    String normalized = action.strip().toLowerCase(Locale.ROOT);
    if (normalized.equals("sts:getcalleridentity")) {
      return Optional.of(
          "AWS does not authorize sts:GetCallerIdentity through policies: \"No permissions are required to perform this operation\" (STS API Reference, GetCallerIdentity)");
    }
    if (normalized.equals("sts:getsessiontoken")) {
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
    String action = request.action().strip().toLowerCase(Locale.ROOT);
    if (action.startsWith("iam:") && kind == CredentialKind.SESSION_TOKEN_WITHOUT_MFA) {
      return Optional.of("GetSessionToken credentials without MFA cannot call IAM API operations (IAM User Guide, Comparing the AWS STS credentials)");
    }
    if (action.startsWith("sts:") && !action.equals("sts:assumerole")) {
      return Optional.of("GetSessionToken credentials cannot call AWS STS operations other than AssumeRole and GetCallerIdentity (IAM User Guide, Comparing the AWS STS credentials)");
    }
    return Optional.empty();
  }

  /** Which statements that applied only through unresolved values to count. */
  private enum Trust {
    ALL,
    /** Unresolved Allows count, unresolved Denies do not: the most the request could be allowed. */
    ALLOWS_ONLY,
    /** Unresolved Denies count, unresolved Allows do not. */
    DENIES_ONLY;

    boolean counts(Hit hit) {
      if (!hit.statement.unresolved()) {
        return true;
      }
      return switch (this) {
        case ALL -> true;
        case ALLOWS_ONLY -> hit.statement.effect() == Effect.ALLOW;
        case DENIES_ONLY -> hit.statement.effect() == Effect.DENY;
      };
    }
  }

  private record Verdict(Outcome outcome, List<Hit> deciding, List<String> reasons) {}

  private static Verdict decide(Request request, PolicySet policies, Scan scan, Trust trust) {
    List<Hit> denies = new ArrayList<>();
    for (Hit hit : scan.hits) {
      if (hit.statement.effect() == Effect.DENY && trust.counts(hit)) {
        denies.add(hit);
      }
    }
    if (!denies.isEmpty()) {
      return new Verdict(Outcome.EXPLICIT_DENY, denies, List.of("an explicit Deny applies, which overrides any Allow"));
    }
    Optional<String> protectedResource = ProtectedResources.refusal(request);
    if (protectedResource.isPresent()) {
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), List.of(protectedResource.get()));
    }
    // RCPs only deny: "RCPFullAWSAccess cannot be detached, so there will always be an Allow
    // statement" at every level (How AWS enforcement code logic evaluates requests).
    List<String> missing = new ArrayList<>();
    int level = 0;
    for (List<CompiledPolicy> scpLevel : policies.scpLevels()) {
      if (allows(scan, scpLevel, trust).isEmpty()) {
        missing.add("no service control policy at organization level " + level + " allows the request");
      }
      level++;
    }
    if (!missing.isEmpty()) {
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), missing);
    }

    List<Hit> resourceAllows = policies.resource().map(p -> allows(scan, List.of(p), trust)).orElse(List.of());
    Grant grant = Grant.NONE;
    for (Hit hit : resourceAllows) {
      if (hit.grant.compareTo(grant) > 0) {
        grant = hit.grant;
      }
    }
    List<Hit> identityAllows = allows(scan, policies.identity(), trust);
    boolean boundaryAllows = policies.boundaries().isEmpty() || !allows(scan, policies.boundaries(), trust).isEmpty();
    boolean sessionAllows = policies.session().isEmpty() || !allows(scan, policies.session(), trust).isEmpty();
    boolean limitsAllow = boundaryAllows && sessionAllows;
    List<String> limits = new ArrayList<>();
    if (!boundaryAllows) {
      limits.add("the permissions boundary does not allow the request");
    }
    if (!sessionAllows) {
      limits.add("no session policy allows the request");
    }

    if (request.isCrossAccount()) {
      // "the request must be allowed by both the identity-based policy in the trusting account
      // and the resource-based policy in the trusted account" (Cross-account policy evaluation).
      List<String> reasons = new ArrayList<>(limits);
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
        return new Verdict(Outcome.ALLOWED, deciding, List.of("allowed by the resource-based policy and an identity-based policy"));
      }
      return new Verdict(Outcome.IMPLICIT_DENY, List.of(), reasons);
    }

    // Same account. "Depending on the type of principal, an Allow in a resource-based policy can
    // result in a final decision of Allow, even if an implicit deny in an identity-based policy,
    // permissions boundary, or session policy is present": a grant to the user or session ARN
    // itself stands alone; a grant to the role ARN is still limited by the boundary and session
    // policies; a grant to the account delegates to the identity-based policies.
    if (grant == Grant.DIRECT) {
      return new Verdict(Outcome.ALLOWED, resourceAllows, List.of("allowed by a resource-based policy that names the principal"));
    }
    if (grant == Grant.ROLE && limitsAllow) {
      return new Verdict(Outcome.ALLOWED, resourceAllows, List.of("allowed by a resource-based policy that names the role"));
    }
    boolean resourceMustAllow = needsResourcePolicy(request);
    if (!identityAllows.isEmpty() && limitsAllow && (!resourceMustAllow || grant == Grant.ACCOUNT)) {
      return new Verdict(Outcome.ALLOWED, identityAllows, List.of("allowed by an identity-based policy"));
    }
    List<String> reasons = new ArrayList<>();
    if (identityAllows.isEmpty()) {
      reasons.add(resourceAllows.isEmpty()
          ? "no identity-based or resource-based policy allows the request (implicit deny)"
          : "the resource-based policy grants to the account, but no identity-based policy allows the request");
    }
    reasons.addAll(limits);
    if (resourceMustAllow && grant == Grant.NONE) {
      reasons.add(policies.resource().isPresent()
          ? "the " + resourcePolicyName(request) + " does not allow the principal, and it must"
          : "no " + resourcePolicyName(request) + " was given, and it must allow the principal");
    }
    return new Verdict(Outcome.IMPLICIT_DENY, List.of(), reasons);
  }

  /**
   * "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
   * explicitly allow access for principals" (How AWS enforcement code logic evaluates requests).
   */
  private static boolean needsResourcePolicy(Request request) {
    String action = request.action().strip().toLowerCase(Locale.ROOT);
    String resource = request.resource();
    if (resource.startsWith("arn:") && resource.split(":", 6).length == 6 && resource.split(":", 6)[2].equals("kms")) {
      return resource.split(":", 6)[5].startsWith("key/");
    }
    return action.startsWith("sts:assumerole") && resource.contains(":role/");
  }

  private static String resourcePolicyName(Request request) {
    return request.action().toLowerCase(Locale.ROOT).startsWith("sts:assumerole") ? "role trust policy" : "KMS key policy";
  }

  private static List<Hit> allows(Scan scan, List<CompiledPolicy> policies, Trust trust) {
    List<Hit> allows = new ArrayList<>();
    for (Hit hit : scan.hits) {
      if (hit.statement.effect() == Effect.ALLOW && trust.counts(hit) && contains(policies, hit.policy)) {
        allows.add(hit);
      }
    }
    return allows;
  }

  private static boolean contains(List<CompiledPolicy> policies, CompiledPolicy policy) {
    for (CompiledPolicy candidate : policies) {
      if (candidate == policy) {
        return true;
      }
    }
    return false;
  }

  /** A statement that applied. */
  private record Hit(CompiledPolicy policy, CompiledStatement statement, Grant grant, List<ConditionResult> conditions) {
    StatementResult result() {
      return new StatementResult(
          policy.type(), policy.ref(), policy.policy(), statement.statement(), Applicability.APPLIED, conditions, statement.unresolved());
    }
  }

  /** One pass over every statement of every policy. */
  private static final class Scan {
    final Request request;
    final PrincipalIdentity caller;
    final boolean hasBoundary;
    final boolean explain;
    final List<Hit> hits = new ArrayList<>(4);
    final List<StatementResult> results;
    final Grant[] grant = new Grant[1];
    boolean uncertain;

    Scan(Request request, PrincipalIdentity caller, boolean hasBoundary, boolean explain) {
      this.request = request;
      this.caller = caller;
      this.hasBoundary = hasBoundary;
      this.explain = explain;
      this.results = explain ? new ArrayList<>() : List.of();
    }

    void level(List<CompiledPolicy> policies) {
      policies.forEach(this::policy);
    }

    void policy(CompiledPolicy policy) {
      for (CompiledStatement statement : policy.statements()) {
        grant[0] = Grant.NONE;
        List<ConditionResult> conditions = explain ? new ArrayList<>() : null;
        Applicability applicability = statement.match(request, caller, hasBoundary, grant, conditions);
        if (applicability == Applicability.APPLIED) {
          hits.add(new Hit(policy, statement, grant[0], conditions == null ? List.of() : conditions));
          uncertain |= statement.unresolved();
        }
        if (explain && applicability != Applicability.ACTION_NOT_MATCHED) {
          results.add(new StatementResult(
              policy.type(), policy.ref(), policy.policy(), statement.statement(), applicability, conditions, statement.unresolved()));
        }
      }
    }
  }
}
