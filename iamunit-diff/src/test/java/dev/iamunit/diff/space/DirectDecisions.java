package dev.iamunit.diff.space;

import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.model.Account;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests of one account pair decided directly ({@link Evaluator#decide}), as the diff makes
 * them ({@link Caller#request} at {@link AccessDiffer#REQUEST_TIME}): what a finding is checked
 * against. Each principal's caller is made once per version (a caller compiles its policies).
 */
final class DirectDecisions {

  /** A request of the brute force or of a finding: {@code context} adds keys, {@code absent} leaves them out. */
  record Request(String principal, String action, String resource, CredentialKind kind, Map<String, List<String>> context,
      Set<String> absent) {
    /** The same request for another action. */
    Request withAction(String other) {
      return new Request(principal, other, resource, kind, context, absent);
    }

    @Override
    public String toString() {
      return principal + " " + action + " on " + resource + " with " + kind + ", context " + context + (absent.isEmpty() ? ""
          : ", without " + absent);
    }
  }

  private static final Evaluator EVALUATOR = Evaluator.standard();

  private final Map<String, Caller> base = new LinkedHashMap<>();
  private final Map<String, Caller> head = new LinkedHashMap<>();

  /** The pair's principals, as a finding names them ({@code user alice}, {@code role Deployer}). */
  DirectDecisions(Account baseAccount, Account headAccount, List<String> users, List<String> roles) {
    for (String user : users) {
      base.put("user " + user, Caller.user(baseAccount, user));
      head.put("user " + user, Caller.user(headAccount, user));
    }
    for (String role : roles) {
      base.put("role " + role, Caller.roleSession(baseAccount, role, AccessDiffer.ROLE_SESSION));
      head.put("role " + role, Caller.roleSession(headAccount, role, AccessDiffer.ROLE_SESSION));
    }
  }

  /** How the request's decision changes from base to head: NEWLY_ALLOWED, NEWLY_DENIED, or null when it stays. */
  Change change(Request request) {
    boolean b = allowed(base, request);
    boolean h = allowed(head, request);
    return b == h ? null : h ? Change.NEWLY_ALLOWED : Change.NEWLY_DENIED;
  }

  private static boolean allowed(Map<String, Caller> callers, Request r) {
    Caller caller = callers.get(r.principal());
    return EVALUATOR.decide(caller.request(r.action(), r.resource(), r.kind(), AccessDiffer.REQUEST_TIME, r.context(), r.absent()))
        .isAllowed();
  }

  /** The request a finding names, for {@code action} (its own or one it names alike). */
  static Request of(DiffRow row, String action) {
    Map<String, List<String>> context = new LinkedHashMap<>();
    Set<String> absent = new LinkedHashSet<>();
    ProofCasesTests.parse(row.context(), context, absent);
    return new Request(row.principal(), action, row.resource(), row.credentials(), context, absent);
  }

  /**
   * Whether {@code row} is real when decided directly: its change for NEWLY_ALLOWED and
   * NEWLY_DENIED, the same answer in both versions for CHANGED_REASON.
   */
  boolean real(DiffRow row, String action) {
    Change direct = change(of(row, action));
    return row.change() == Change.CHANGED_REASON ? direct == null : direct == row.change();
  }
}
