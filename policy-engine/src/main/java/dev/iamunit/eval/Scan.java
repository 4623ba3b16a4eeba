package dev.iamunit.eval;

import dev.iamunit.eval.internal.ActionIndex;
import dev.iamunit.eval.internal.CompiledPolicy;
import dev.iamunit.eval.internal.CompiledStatement;
import dev.iamunit.eval.internal.PrincipalIdentity;
import dev.iamunit.eval.internal.PrincipalMatcher.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One pass of {@link Evaluator} over the statements a request's action selects, in the order of
 * the policies' types: RCPs, SCPs level by level, resource-based, identity-based, boundaries,
 * session and endpoint policies, as deciding statements and explanations list them. It keeps the
 * statements that applied (its hits) and, when explaining, every statement's result. It is also
 * the caller's identity, parsed from the principal ARN only when a statement with Principal or
 * NotPrincipal asks for it. One per decision, never shared.
 *
 * <p>A hit is one {@code long}, not an object (see {@link #hit}): hits as objects in a growing
 * list were the largest part of what an organization's decision allocated (about 40 % of 883 B,
 * benchmarks/README.md, "Fewer allocations per decision"). Their array is allocated once, as long
 * as the number of statements the action selects, which bounds the hits.
 */
final class Scan implements Supplier<PrincipalIdentity> {

  /** The index a hit's statement is in, in {@link #hit}'s bits 32-33. */
  private static final int RCP = 0;
  private static final int HELD = 1;
  private static final int RESOURCE = 2;
  private static final int ENDPOINT = 3;
  private static final Grant[] GRANTS = Grant.values();
  private static final long[] NO_HITS = {};

  final Request request;
  final boolean hasBoundary;
  final boolean explain;
  /** The principal is the root user of an account (RootUser). */
  final boolean root;
  /** The root user of the bucket's account asks for its bucket policy (RootUser). */
  final boolean rootBucketPolicyExemption;
  final List<StatementResult> results;
  /** A statement applied only by reading unknown values broadly. */
  boolean uncertain;
  /** A statement with unknown values applied, certainly or not. */
  boolean unknownApplied;

  private final PolicySet policies;
  /** What a statement's Principal granted: allocated at the first statement with one (most have none). */
  private Grant[] grant;
  private long[] hits = NO_HITS;
  private int hitCount;
  /** Each hit's condition results, when explaining; a bare decision keeps none. */
  private List<ConditionResult>[] hitConditions;
  private PrincipalIdentity caller;
  private ActionIndex.Key actionKey;

  Scan(Request request, PolicySet policies, boolean root, boolean explain) {
    this.request = request;
    this.root = root;
    this.hasBoundary = !policies.boundaries().isEmpty();
    this.explain = explain;
    this.rootBucketPolicyExemption = root && RootUser.bucketPolicyDeniesDoNotBind(request);
    this.results = explain ? new ArrayList<>() : List.of();
    this.policies = policies;
    ActionIndex rcps = policies.rcpIndex();
    ActionIndex held = policies.held();
    ActionIndex resources = policies.resourceIndex();
    ActionIndex endpoints = policies.endpointIndex();
    // The held policies' action is looked up once, for their SCPs and the rest. RCPs bind only the
    // services that support them (ResourceControlPolicyScope).
    long[] rcpSelected = rcps.size() > 0 && ResourceControlPolicyScope.applies(request.action()) ? selected(rcps) : null;
    long[] heldSelected = selected(held);
    long[] resourceSelected = selected(resources);
    long[] endpointSelected = selected(endpoints);
    int selected = count(rcpSelected) + count(heldSelected) + count(resourceSelected) + count(endpointSelected);
    if (selected > 0) {
      hits = new long[selected];
      if (explain) {
        @SuppressWarnings("unchecked")
        List<ConditionResult>[] conditions = new List[selected];
        hitConditions = conditions;
      }
    }
    int scpStatements = policies.scpStatements();
    statements(RCP, rcps, rcpSelected, 0, rcpSelected == null ? 0 : rcps.size());
    statements(HELD, held, heldSelected, 0, scpStatements);
    statements(RESOURCE, resources, resourceSelected, 0, resources.size());
    statements(HELD, held, heldSelected, scpStatements, held.size());
    statements(ENDPOINT, endpoints, endpointSelected, 0, endpoints.size());
  }

  @Override
  public PrincipalIdentity get() {
    if (caller == null) {
      caller = PrincipalIdentity.of(request.principal());
    }
    return caller;
  }

  /** How many statements applied; hits are numbered from 0, in the order of the scan. */
  int hits() {
    return hitCount;
  }

  CompiledPolicy policy(int hit) {
    return index(hits[hit]).policy(position(hits[hit]));
  }

  CompiledStatement statement(int hit) {
    return index(hits[hit]).statement(position(hits[hit]));
  }

  /** What the statement's Principal granted to the caller, {@link Grant#NONE} without a Principal. */
  Grant grant(int hit) {
    return GRANTS[(int) (hits[hit] >>> 34) & 3];
  }

  /** Whether the statement applied only by reading its unknown values broadly. */
  boolean uncertain(int hit) {
    return (hits[hit] & 1L << 36) != 0;
  }

  StatementResult result(int hit) {
    CompiledPolicy policy = policy(hit);
    List<ConditionResult> conditions = hitConditions == null ? List.of() : hitConditions[hit];
    return new StatementResult(
        policy.type(), policy.ref(), policy.policy(), statement(hit).statement(), Applicability.APPLIED, conditions, uncertain(hit));
  }

  /** Bits 0-31 the statement's position in its index, 32-33 the index, 34-35 the grant, 36 uncertain. */
  private static long hit(int index, int position, Grant grant, boolean uncertain) {
    return Integer.toUnsignedLong(position) | (long) index << 32 | (long) grant.ordinal() << 34 | (uncertain ? 1L << 36 : 0);
  }

  private static int position(long hit) {
    return (int) hit;
  }

  private ActionIndex index(long hit) {
    return switch ((int) (hit >>> 32) & 3) {
      case RCP -> policies.rcpIndex();
      case HELD -> policies.held();
      case RESOURCE -> policies.resourceIndex();
      default -> policies.endpointIndex();
    };
  }

  /** Which statements of {@code index} the request's action selects; null when it has none. */
  private long[] selected(ActionIndex index) {
    if (index.size() == 0) {
      return null;
    }
    if (actionKey == null) {
      actionKey = ActionIndex.key(request.action());
    }
    return index.statementsSelecting(actionKey);
  }

  private static int count(long[] selected) {
    int count = 0;
    if (selected != null) {
      for (long word : selected) {
        count += Long.bitCount(word);
      }
    }
    return count;
  }

  /** Decides on the statements {@code from} to {@code to} of {@code index} that the action selects, in order. */
  private void statements(int source, ActionIndex index, long[] selected, int from, int to) {
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
        statement(source, index, i);
      }
    }
  }

  private void statement(int source, ActionIndex index, int position) {
    CompiledPolicy policy = index.policy(position);
    CompiledStatement statement = index.statement(position);
    Grant[] granted = null;
    if (statement.hasPrincipal()) {
      granted = grant == null ? grant = new Grant[1] : grant;
      granted[0] = Grant.NONE;
    }
    List<ConditionResult> conditions = explain ? new ArrayList<>() : null;
    Applicability applicability = statement.matchBeyondAction(request, this, hasBoundary, granted, conditions);
    boolean unknown = statement.unresolved();
    if (applicability == Applicability.APPLIED) {
      Grant how = granted == null ? Grant.NONE : granted[0];
      // Applied reading its unknown values as broadly as they could be; whether it applies
      // whatever they are is asked only of such statements, which are rare.
      unknown = unknown && !statement.certainlyApplies(request, this, hasBoundary, how);
      if (explain) {
        hitConditions[hitCount] = conditions;
      }
      hits[hitCount++] = hit(source, position, how, unknown);
      uncertain |= unknown;
      unknownApplied |= statement.unresolved();
    }
    if (explain) {
      results.add(new StatementResult(
          policy.type(), policy.ref(), policy.policy(), statement.statement(), applicability, conditions, unknown));
    }
  }
}
