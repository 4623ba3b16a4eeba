package dev.iamunit.iac;

import dev.iamunit.iac.LoadReport.Problem;
import dev.iamunit.model.Account;
import dev.iamunit.model.Organization;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one rule by which the accounts of several units of sources (a Terraform root module, a plan,
 * the CloudFormation stacks, a policy file) join into the one account they deploy to. IAM names are
 * unique in an account, so a user, group, role, managed policy or resource policy declared by two
 * units is a {@link Problem} naming both places; the first, in {@link SourceFormats}' defined order,
 * stays. The organization's SCPs and RCPs come from one unit: a second unit declaring some is a
 * problem too, since IAMUnit cannot tell where in the organization each would sit.
 */
final class AccountMerge {

  private final Account.Builder merged;
  private final List<Problem> problems = new ArrayList<>();
  private Organization organization = Organization.NONE;

  AccountMerge(LoadOptions options) {
    merged = Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
  }

  /** Adds the account one unit loaded. */
  void add(Account unit) {
    Account sofar = merged.build();
    add("user", unit.users(), sofar.users(), (name, u) -> merged.user(u), u -> u.location());
    add("group", unit.groups(), sofar.groups(), (name, g) -> merged.group(g), g -> g.location());
    add("role", unit.roles(), sofar.roles(), (name, r) -> merged.role(r), r -> r.location());
    add("managed policy", unit.managedPolicies(), sofar.managedPolicies(), (arn, p) -> merged.managedPolicy(p),
        p -> p.document().location());
    add("the resource policy of", unit.resourcePolicies(), sofar.resourcePolicies(), merged::resourcePolicy,
        Policy::location);
    add("permission set", unit.permissionSets(), sofar.permissionSets(), (name, set) -> merged.permissionSet(set), PermissionSet::location);
    unit.assignments().forEach(merged::assignment);
    unit.unresolved().forEach(merged::unresolved);
    // The template addresses (and CDK construct paths) principals are found by, "kind address" → name.
    unit.addresses().forEach((key, name) -> merged.alias(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1), name));
    organization = new Organization(
        levels("service control policies", organization.serviceControlPolicies(), unit.organization().serviceControlPolicies()),
        levels("resource control policies", organization.resourceControlPolicies(), unit.organization().resourceControlPolicies()),
        tree(organization.tree(), unit.organization().tree()));
  }

  /** The organization tree of one unit; a second is a problem, like a second unit's SCPs. */
  private Optional<OrganizationTree> tree(Optional<OrganizationTree> sofar, Optional<OrganizationTree> added) {
    if (sofar.isPresent() && added.isPresent()) {
      problems.add(new Problem(added.get().location(), "an organization is declared by two sources, here and at " + sofar.get().location()
          + "; IAMUnit cannot tell which one the account belongs to, so declare it in one source (the first is kept)"));
    }
    return sofar.isPresent() ? sofar : added;
  }

  Account account() {
    return merged.organization(organization).build();
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  private <T> void add(String kind, Map<String, T> added, Map<String, T> existing, BiConsumer<String, T> adder,
      Function<T, SourceLocation> where) {
    for (Map.Entry<String, T> entry : added.entrySet()) {
      T earlier = existing.get(entry.getKey());
      if (earlier == null) {
        adder.accept(entry.getKey(), entry.getValue());
      } else if (!earlier.equals(entry.getValue())) {
        problems.add(new Problem(where.apply(entry.getValue()), kind + " \"" + entry.getKey() + "\" is declared twice, at "
            + where.apply(earlier) + " and here; an account holds each once, so declare it in one source (the first is kept)"));
      }
    }
  }

  private List<List<Policy>> levels(String kind, List<List<Policy>> sofar, List<List<Policy>> added) {
    if (added.isEmpty() || added.stream().allMatch(List::isEmpty)) {
      return sofar;
    }
    if (sofar.isEmpty()) {
      return added;
    }
    problems.add(new Problem(first(added), kind + " are declared by two sources, here and at " + first(sofar)
        + "; IAMUnit cannot tell where in the organization each sits, so declare them in one source (the first is kept)"));
    return sofar;
  }

  private static SourceLocation first(List<List<Policy>> levels) {
    return levels.stream().flatMap(List::stream).findFirst().orElseThrow().location();
  }
}
