package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.CredentialKind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One request whose decision differs between the versions.
 *
 * @param change how it differs
 * @param principal {@code user MFAUser} or {@code role Deployer}
 * @param action {@code service:Action} as AWS spells it
 * @param resource the resource ARN, or {@code *}
 * @param credentials how the caller signed
 * @param context the condition keys this request sets beyond the caller's defaults, sorted by key
 * @param base the base version's decision
 * @param head the head version's decision
 * @param proved whether the request stands for a region of requests that all get these answers
 *     (the complete space), or is a sample of the fallback space
 * @param account the id of the principal's account, empty when the row was made without one
 * @param alike the other actions of the action's class ({@code ActionClasses}) that AWS sends with
 *     this resource: the policies decide each alike on this request in both versions, so the row
 *     stands for them too (empty in the sampled space, where each action is asked itself)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DiffRow(
    Change change,
    String principal,
    String action,
    String resource,
    CredentialKind credentials,
    Map<String, String> context,
    SideDecision base,
    SideDecision head,
    boolean proved,
    String account,
    List<String> alike) {

  public DiffRow {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(credentials, "credentials");
    // Sorted by key: a report lists a row's context in one order in every JVM.
    context = Collections.unmodifiableMap(new TreeMap<>(context));
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(account, "account");
    alike = List.copyOf(alike);
  }

  /** A row no other action stands with. */
  public DiffRow(Change change, String principal, String action, String resource, CredentialKind credentials,
      Map<String, String> context, SideDecision base, SideDecision head, boolean proved, String account) {
    this(change, principal, action, resource, credentials, context, base, head, proved, account, List.of());
  }

  /** A row whose principal's account is not named. */
  public DiffRow(Change change, String principal, String action, String resource, CredentialKind credentials,
      Map<String, String> context, SideDecision base, SideDecision head, boolean proved) {
    this(change, principal, action, resource, credentials, context, base, head, proved, "");
  }

  /** A row of the sampled space. */
  public DiffRow(Change change, String principal, String action, String resource, CredentialKind credentials,
      Map<String, String> context, SideDecision base, SideDecision head) {
    this(change, principal, action, resource, credentials, context, base, head, false);
  }

  /** How many alike actions {@link #alikeText()} names before it says how many more. */
  public static final int ALIKE_NAMED = 5;

  /** The action and the actions alike: every action this request stands for. */
  public List<String> actions() {
    List<String> all = new java.util.ArrayList<>(alike.size() + 1);
    all.add(action);
    all.addAll(alike);
    return all;
  }

  /**
   * {@code and 12 more actions alike: ec2:A, ec2:B, ec2:C, ec2:D, ec2:E, …}, empty when no action
   * is alike: how a report's example request names them.
   */
  public String alikeText() {
    return alikeText(ALIKE_NAMED);
  }

  /**
   * {@code and 12 more actions alike: ...} naming up to {@code named} of them (every one when
   * there are no more): a listing of every request names them all, as JSON does.
   */
  public String alikeText(int named) {
    if (alike.isEmpty()) {
      return "";
    }
    String names = String.join(", ", alike.subList(0, Math.min(named, alike.size())));
    return "and " + alike.size() + (alike.size() == 1 ? " more action alike: " : " more actions alike: ") + names
        + (alike.size() > named ? ", …" : "");
  }

  /** The credentials and any extra context: {@code long-term access keys, aws:SourceIp=10.0.0.1}. */
  public String conditionsLabel() {
    StringBuilder text = new StringBuilder(credentials.description());
    context.forEach((k, v) -> text.append(", ").append(k).append('=').append(v));
    return text.toString();
  }
}
