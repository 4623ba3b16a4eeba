package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.model.Account;
import dev.iamunit.model.Role;
import dev.iamunit.spelling.EditDistance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The one rule for "may this caller assume that role": an {@code sts:AssumeRole} call, decided as
 * AWS decides it, and the role session it yields. Made with {@link #of}, asked with {@link #by}.
 *
 * <p>Every permission the call needs is a request made by {@link Caller#request} on the role's
 * ARN, so it is decided with the caller's identity-based policies, boundary and SCPs together with
 * the role's trust policy, by {@link Evaluator}'s one logic: "To allow a user to assume a role in
 * the same account, you can do either of the following: Attach a policy to the user that allows
 * the user to call AssumeRole (as long as the role's trust policy trusts the account). Add the
 * user as a principal directly in the role's trust policy" (AWS STS API Reference, AssumeRole,
 * Permissions); across accounts both must allow (IAM User Guide, Cross-account policy evaluation
 * logic). The permissions are:
 * <ul>
 *   <li>{@code sts:AssumeRole}, always;
 *   <li>{@code sts:TagSession} when session tags are passed: "In addition to the action that
 *       matches the API operation, you must have the following permissions-only action in your
 *       policy: sts:TagSession" (IAM User Guide, Passing session tags in AWS STS, Permissions
 *       required to add session tags);
 *   <li>{@code sts:SetSourceIdentity} when a source identity is set or carried through a chain:
 *       "permissions for sts:SetSourceIdentity are required in both the permissions policy of the
 *       principal who is assuming the role and in the role trust policy of the target role" (IAM
 *       User Guide, Monitor and control actions taken with assumed roles, Permissions required to
 *       set source identity).
 * </ul>
 * Each request carries what AWS puts in the context of the call: {@code sts:RoleSessionName},
 * {@code aws:RequestTag/KEY} and {@code aws:TagKeys} for the session tags, {@code
 * sts:TransitiveTagKeys}, {@code sts:ExternalId}, {@code sts:SourceIdentity}, and the caller's own
 * keys ({@code aws:PrincipalArn}, its tags, a chain's {@code aws:SourceIdentity}). Immutable and
 * thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RoleAssumption {

  private final Account account;
  private final Role role;
  private final AssumeRoleParameters parameters;

  private RoleAssumption(Account account, Role role, AssumeRoleParameters parameters) {
    this.account = account;
    this.role = role;
    this.parameters = parameters;
  }

  /**
   * The call {@code sts:AssumeRole} on {@code roleArn}, a role of {@code account} (the account that
   * owns the ARN), with {@code parameters}. A role the account does not declare is a mistake that
   * names what it does declare.
   */
  public static RoleAssumption of(Account account, String roleArn, AssumeRoleParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    return new RoleAssumption(account, role(account, roleArn), parameters);
  }

  /** The role {@code roleArn} names in {@code account}, the account whose id the ARN holds. */
  static Role role(Account account, String roleArn) {
    String[] parts = Arns.split(roleArn);
    if (parts == null || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
      throw new IamUnitException("\"" + roleArn + "\" is not the ARN of an IAM role; write it like arn:aws:iam::"
          + account.id() + ":role/NAME");
    }
    if (!parts[4].equals(account.id())) {
      throw new IamUnitException("role " + roleArn + " is in account " + parts[4] + ", which is not in the loaded sources "
          + "(they deploy to account " + account.id() + ")");
    }
    for (Role role : account.roles().values()) {
      if (role.arn().equals(roleArn)) {
        return role;
      }
    }
    List<String> known = account.roles().values().stream().map(Role::arn).toList();
    String suggestion = EditDistance.closest(roleArn, known, Math.max(2, roleArn.length() / 5))
        .map(arn -> "; did you mean " + arn + "?")
        .orElse(known.isEmpty() ? "; the loaded templates declare no roles" : "; the loaded templates declare " + known);
    throw new IamUnitException("unknown role " + roleArn + suggestion);
  }

  public Role role() {
    return role;
  }

  public AssumeRoleParameters parameters() {
    return parameters;
  }

  /**
   * The call made by {@code caller} with {@code credentials} at {@code time}, with {@code
   * extraContext} added to each of its requests (as {@link Caller#request} adds it), each request
   * decided by {@code decide}: the role session, or the refusal.
   */
  public Result by(
      Caller caller, CredentialKind credentials, Instant time, Map<String, List<String>> extraContext,
      Function<BoundRequest, Decision> decide) {
    Optional<String> carried = caller.sourceIdentity();
    if (carried.isPresent() && parameters.sourceIdentity().isPresent() && !carried.equals(parameters.sourceIdentity())) {
      return new Refused("the source identity \"" + carried.get() + "\" set earlier in the role chain cannot be changed to \""
          + parameters.sourceIdentity().get() + "\": \"If the user attempts to set a source identity that is different from "
          + "the value set when CriticalRole was assumed, the assume role request will be denied\" (IAM User Guide, Monitor "
          + "and control actions taken with assumed roles, Role chaining and cross-account requirements)", Optional.empty());
    }
    Map<String, String> inherited = caller.transitiveTags();
    for (String key : parameters.tags().keySet()) {
      if (inherited.containsKey(key)) {
        return new Refused("the session tag \"" + key + "\" was set as transitive earlier in the role chain, and a session "
            + "may not pass it again: \"If you try to pass the Heart = 3 session tag, the operation will fail\" (IAM User "
            + "Guide, Passing session tags in AWS STS, Chaining roles with session tags)", Optional.empty());
      }
    }
    Optional<String> sourceIdentity = parameters.sourceIdentity().or(() -> carried);
    Map<String, List<String>> context = new LinkedHashMap<>(extraContext);
    context.putAll(callContext(sourceIdentity));

    List<Check> checks = new ArrayList<>();
    List<String> actions = new ArrayList<>(List.of("sts:AssumeRole"));
    if (!parameters.tags().isEmpty()) {
      actions.add("sts:TagSession");
    }
    if (sourceIdentity.isPresent()) {
      actions.add("sts:SetSourceIdentity");
    }
    for (String action : actions) {
      BoundRequest request = caller.request(action, role.arn(), credentials, time, context);
      Check check = new Check(request, decide.apply(request));
      checks.add(check);
      if (!check.decision().isAllowed()) {
        return new Refused(action + " on " + role.arn() + " was not allowed", Optional.of(check));
      }
    }
    return new Assumed(session(caller, inherited, sourceIdentity), checks);
  }

  /**
   * The keys of the AssumeRole call itself (IAM User Guide, AWS STS condition keys and AWS global
   * condition context keys): "aws:TagKeys ... compare the tag keys in a request", "aws:RequestTag
   * ... the tag key-value pair that was passed in the request" (Passing session tags in AWS STS,
   * Permissions required to add session tags); "When an identity sets a source identity, the
   * sts:SourceIdentity key is present in the request", and in a chain "both the aws:SourceIdentity
   * and sts:SourceIdentity keys are present in the request context" (Monitor and control actions
   * taken with assumed roles).
   */
  private Map<String, List<String>> callContext(Optional<String> sourceIdentity) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("sts:RoleSessionName", List.of(parameters.sessionName()));
    parameters.tags().forEach((key, value) -> keys.put("aws:RequestTag/" + key, List.of(value)));
    if (!parameters.tags().isEmpty()) {
      keys.put("aws:TagKeys", List.copyOf(parameters.tags().keySet()));
    }
    if (!parameters.transitiveTagKeys().isEmpty()) {
      keys.put("sts:TransitiveTagKeys", List.copyOf(parameters.transitiveTagKeys()));
    }
    parameters.externalId().ifPresent(id -> keys.put("sts:ExternalId", List.of(id)));
    sourceIdentity.ifPresent(identity -> keys.put("sts:SourceIdentity", List.of(identity)));
    return keys;
  }

  /**
   * The new session: "The principal tags for the third session come from any new session tags, the
   * inherited transitive session tags, and the role tags"; "The inherited Star = 1 session tag
   * overrides the role's Star = 3 tag", and "New session tags override existing assumed role ...
   * tags with the same tag key, regardless of case" (IAM User Guide, Passing session tags in AWS
   * STS). Transitive tags "continue to be transitive"; the role's own tags never are.
   */
  private Caller session(Caller caller, Map<String, String> inherited, Optional<String> sourceIdentity) {
    Map<String, String> sessionTags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sessionTags.putAll(inherited);
    sessionTags.putAll(parameters.tags());
    Map<String, String> transitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    transitive.putAll(inherited);
    parameters.tags().forEach((key, value) -> {
      if (parameters.transitiveTagKeys().stream().anyMatch(key::equalsIgnoreCase)) {
        transitive.put(key, value);
      }
    });
    // The session reaches the accounts its caller reached: a chain may cross them.
    return Caller.roleSession(caller.accounts(), account, role.name(), parameters.sessionName())
        .assumedWith(sessionTags, transitive, sourceIdentity);
  }

  /** What assuming the role came to: the session, or the refusal. */
  public sealed interface Result permits Assumed, Refused {}

  /**
   * The role was assumed.
   *
   * @param session the role session, ready to make requests
   * @param checks each permission the call needed, with its decision
   */
  public record Assumed(Caller session, List<Check> checks) implements Result {
    public Assumed {
      Objects.requireNonNull(session, "session");
      checks = List.copyOf(checks);
    }
  }

  /**
   * AWS would refuse the call.
   *
   * @param reason why, in a sentence
   * @param check the permission the policies did not allow, with its decision; empty when a rule of
   *     STS refused it before any policy was asked (a changed source identity, a transitive tag
   *     passed again)
   */
  public record Refused(String reason, Optional<Check> check) implements Result {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(check, "check");
    }
  }

  /** One permission of the call: the request on the role, with its policies, and its decision. */
  public record Check(BoundRequest request, Decision decision) {
    public Check {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(decision, "decision");
    }
  }
}
