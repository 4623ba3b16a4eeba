package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Caller;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The policies a request space is built from: every policy that can apply to a request of some
 * callers, so that the regions separate everything any of them compares. The access diff (the
 * principals it decides, in both versions) and the search for allowed requests (one caller) ask
 * the same question here.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ApplicablePolicies {

  private ApplicablePolicies() {}

  /**
   * Every policy a request of one of {@code callers} can meet. Each caller's own, as {@link
   * Caller#policies()} gathers them: identity-based (inline, its groups', managed), its boundary,
   * session policies, and the SCPs of its account's organization levels, which are none for the
   * management account and for a service-linked role ("SCPs don't affect users or roles in the
   * management account", AWS Organizations User Guide, Service control policies (SCPs)), and the
   * RCPs of its account. Then, in every account of {@code accounts} (those its requests can reach),
   * each resource-based policy (a VPC endpoint's too), trust policy and RCP: these apply to
   * requests of any principal, on that account's resources.
   */
  public static List<Policy> of(List<Caller> callers, List<Account> accounts) {
    List<Policy> all = new ArrayList<>();
    for (Caller caller : callers) {
      all.addAll(caller.policies().policies());
    }
    for (Account account : accounts) {
      all.addAll(account.resourcePolicies().values());
      for (Role role : account.roles().values()) {
        role.trustPolicy().ifPresent(all::add);
      }
      account.organization().resourceControlPolicies().forEach(all::addAll);
    }
    return all;
  }
}
