package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The policies a user or role holds itself, gathered from an {@link Account} the way AWS gathers
 * them: its inline policies, the managed policies attached to it, for a user those of each of its
 * groups, and its permissions boundary. The one place that reads a principal's policies: {@link
 * Caller} evaluates with them, the coverage inventory counts their statements. Immutable.
 *
 * <p>A reference the account cannot resolve (a group or a managed policy the loaded templates do
 * not declare) is not dropped: it is kept in {@link #missing()}, with where it was made, and
 * {@link #requireComplete()} turns the first into the user's mistake it is.
 *
 * @param policies every policy found, identity-based ones first, in the order AWS lists them
 * @param missing the references the account cannot resolve, in the same order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PrincipalPolicies(List<Held> policies, List<Missing> missing) {

  /**
   * One policy of the principal.
   *
   * @param type {@link PolicyType#IDENTITY} or {@link PolicyType#PERMISSIONS_BOUNDARY}
   * @param document the policy
   * @param awsManaged whether it is an AWS managed policy, which is not the repository's code
   * @param onlyIf why it is unknown whether the principal holds it (the principal, its attachment
   *     or its group membership may not exist: {@link Existence}); empty when it certainly does
   */
  public record Held(PolicyType type, Policy document, boolean awsManaged, List<Unresolved> onlyIf) {
    public Held {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(document, "document");
      onlyIf = List.copyOf(onlyIf);
    }
  }

  /**
   * A reference the account cannot resolve.
   *
   * @param message what is missing and what to do
   * @param location where the reference is made
   */
  public record Missing(String message, SourceLocation location) {
    public Missing {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(location, "location");
    }

    IamUnitException exception() {
      return new IamUnitException(message, location);
    }
  }

  public PrincipalPolicies {
    policies = List.copyOf(policies);
    missing = List.copyOf(missing);
  }

  /** User {@code user}'s policies: its own, then each group's, then its permissions boundary. */
  public static PrincipalPolicies of(Account account, User user) {
    Existence existence = user.existence();
    Gatherer gather = new Gatherer(account);
    gather.identity(user.inlinePolicies(), existence.principal(), user.managedPolicyArns(), existence::ofAttachment,
        "user " + user.name(), user.location());
    for (String groupName : user.groups()) {
      Optional<Group> group = account.group(groupName);
      if (group.isEmpty()) {
        gather.missing.add(new Missing(
            "user " + user.name() + " is a member of group \"" + groupName + "\", which the loaded templates do not declare; "
                + "add the group to the sources of the test",
            user.location()));
        continue;
      }
      Group member = group.get();
      gather.identity(member.inlinePolicies(), existence.ofMembership(member), member.managedPolicyArns(),
          arn -> existence.ofMembership(member, arn), "group " + groupName, member.location());
    }
    user.permissionsBoundaryArn().ifPresent(
        arn -> gather.boundary(arn, existence.principal(), "the permissions boundary of user " + user.name(), user.location()));
    return gather.result();
  }

  /** Role {@code role}'s policies: its own, then its permissions boundary; not its trust policy. */
  public static PrincipalPolicies of(Account account, Role role) {
    Existence existence = role.existence();
    Gatherer gather = new Gatherer(account);
    gather.identity(role.inlinePolicies(), existence.principal(), role.managedPolicyArns(), existence::ofAttachment,
        "role " + role.name(), role.location());
    role.permissionsBoundaryArn().ifPresent(
        arn -> gather.boundary(arn, existence.principal(), "the permissions boundary of role " + role.name(), role.location()));
    return gather.result();
  }

  /** These policies, or the first missing reference as an {@link IamUnitException}. */
  public PrincipalPolicies requireComplete() {
    if (!missing.isEmpty()) {
      throw missing.get(0).exception();
    }
    return this;
  }

  /** The policies the repository wrote: every one but the AWS managed ones. */
  public List<Policy> customerWritten() {
    List<Policy> written = new ArrayList<>();
    for (Held held : policies) {
      if (!held.awsManaged()) {
        written.add(held.document());
      }
    }
    return written;
  }

  private static final class Gatherer {
    private final Account account;
    private final List<Held> identity = new ArrayList<>();
    private final List<Held> boundary = new ArrayList<>();
    private final List<Missing> missing = new ArrayList<>();

    Gatherer(Account account) {
      this.account = account;
    }

    void identity(
        List<Policy> inline, List<Unresolved> inlineOnlyIf, List<String> managedArns,
        Function<String, List<Unresolved>> attachmentOnlyIf, String holder, SourceLocation location) {
      for (Policy policy : inline) {
        identity.add(new Held(PolicyType.IDENTITY, policy, false, inlineOnlyIf));
      }
      for (String arn : managedArns) {
        managed(arn, holder, location).ifPresent(
            m -> identity.add(new Held(PolicyType.IDENTITY, m.document(), m.awsManaged(), attachmentOnlyIf.apply(arn))));
      }
    }

    void boundary(String arn, List<Unresolved> onlyIf, String holder, SourceLocation location) {
      managed(arn, holder, location)
          .ifPresent(m -> boundary.add(new Held(PolicyType.PERMISSIONS_BOUNDARY, m.document(), m.awsManaged(), onlyIf)));
    }

    private Optional<ManagedPolicy> managed(String arn, String holder, SourceLocation location) {
      Optional<ManagedPolicy> policy = account.managedPolicy(arn);
      if (policy.isEmpty()) {
        missing.add(new Missing(
            holder + " has managed policy " + arn + " attached, which is neither declared in the loaded templates nor an AWS "
                + "managed policy IAMUnit knows; add the template that declares it to the test's sources",
            location));
      }
      return policy;
    }

    PrincipalPolicies result() {
      List<Held> all = new ArrayList<>(identity);
      all.addAll(boundary);
      return new PrincipalPolicies(all, missing);
    }
  }
}
