package dev.iamunit.cli;

import dev.iamunit.cli.lint.Locations;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code show}'s text for people: one block per principal and policy, each line with file:line. */
final class AccountText {

  private final PrintWriter out;
  private List<Unresolved> known = List.of();
  private Accounts loadedAccounts;

  AccountText(PrintWriter out) {
    this.out = out;
  }

  void write(String source, LoadedSources loaded, HomeAccount home) {
    Account account = loaded.account();
    known = account.unresolved();
    loadedAccounts = loaded.accounts();
    out.println("== " + source);
    out.println("read " + LoadReport.filesRead(loaded.report().files()));
    out.println(LoadDefaults.homeLine(home));
    contents(account);
    // The other accounts the sources place principals and policies in, each with its own levels.
    Accounts accounts = loaded.accounts();
    for (Account other : accounts.all()) {
      if (other != account) {
        out.println("account " + accounts.describe(other));
        contents(other);
      }
    }
    accounts.tree().ifPresent(this::tree);
    for (Unresolved value : account.unresolved()) {
      out.println("unresolved " + value.display() + "  " + Locations.fileLineColumn(value.location()) + ": " + value.reason());
    }
    for (LoadReport.Problem problem : loaded.report().problems()) {
      out.println("problem  " + Locations.fileLineColumn(problem.location()) + ": " + problem.message());
    }
  }

  /** What one account holds: its principals, managed and resource policies, and the organization's levels above it. */
  private void contents(Account account) {
    for (User user : account.users().values()) {
      out.println("user " + text(user.name()) + " (" + Unresolved.readable(user.arn(), known) + ")  " + Locations.fileLineColumn(user.location()));
      existsOnlyIf(user.existence());
      list("  groups: ", user.groups(), user.existence().memberships());
      list("  attached: ", user.managedPolicyArns(), user.existence().attachments());
      user.permissionsBoundaryArn().ifPresent(arn -> out.println("  permissions boundary: " + Unresolved.readable(arn, known)));
      user.inlinePolicies().forEach(p -> policy("  inline policy ", p, "    "));
    }
    for (Group group : account.groups().values()) {
      out.println("group " + text(group.name()) + " (" + Unresolved.readable(group.arn(), known) + ")  " + Locations.fileLineColumn(group.location()));
      existsOnlyIf(group.existence());
      list("  attached: ", group.managedPolicyArns(), group.existence().attachments());
      group.inlinePolicies().forEach(p -> policy("  inline policy ", p, "    "));
    }
    for (Role role : account.roles().values()) {
      out.println("role " + text(role.name()) + " (" + Unresolved.readable(role.arn(), known) + ")  " + Locations.fileLineColumn(role.location()));
      existsOnlyIf(role.existence());
      role.trustPolicy().ifPresent(p -> policy("  trust policy ", p, "    "));
      list("  attached: ", role.managedPolicyArns(), role.existence().attachments());
      role.permissionsBoundaryArn().ifPresent(arn -> out.println("  permissions boundary: " + Unresolved.readable(arn, known)));
      role.inlinePolicies().forEach(p -> policy("  inline policy ", p, "    "));
    }
    for (ManagedPolicy managed : account.managedPolicies().values()) {
      policy((managed.awsManaged() ? "AWS managed policy " : "managed policy ") + Unresolved.readable(managed.arn(), known) + " ", managed.document(), "  ");
    }
    for (Map.Entry<String, Policy> entry : account.resourcePolicies().entrySet()) {
      policy("resource policy of " + Unresolved.readable(entry.getKey(), known) + " ", entry.getValue(), "  ");
    }
    if (account.organization().tree().isEmpty() && !account.organization().serviceControlPolicies().isEmpty()) {
      out.println("SCPs placed in no organization tree the sources declare: " + account.organization().scpRule().description());
    }
    organizationPolicies("SCP", account.organization().serviceControlPolicies());
    organizationPolicies("RCP", account.organization().resourceControlPolicies());
    account.permissionSets().values().forEach(set -> permissionSet(set, account));
  }

  /** Organization policies by level, from the organization's root down to the account. */
  private void organizationPolicies(String kind, List<List<Policy>> levels) {
    for (int level = 0; level < levels.size(); level++) {
      for (Policy policy : levels.get(level)) {
        policy(kind + " (level " + level + ") ", policy, "  ");
      }
    }
  }

  /** The organization tree: each root, OU and account with the SCPs and RCPs attached to it, and the FullAWSAccess rule. */
  private void tree(OrganizationTree tree) {
    out.println("organization  " + Locations.fileLineColumn(tree.location()));
    out.println("  SCPs: " + tree.scpRule().description());
    out.println("  RCPs: " + (tree.rcpsEnabled() ? "enabled; RCPFullAWSAccess is attached by AWS everywhere and cannot be detached"
        : "not enabled: no RCP applies"));
    tree.managementAccountId().ifPresent(id -> out.println("  management account " + id + " (not restricted by SCPs or RCPs)"));
    node("root " + text(tree.rootId()), tree.rootId(), tree, "  ");
  }

  private void node(String label, String id, OrganizationTree tree, String indent) {
    List<String> attached = new ArrayList<>();
    tree.attached(id, false).forEach(p -> attached.add("SCP " + text(p.name())));
    tree.attached(id, true).forEach(p -> attached.add("RCP " + text(p.name())));
    out.println(indent + label + (attached.isEmpty() ? "" : ": " + String.join(", ", attached)));
    tree.units().stream().filter(u -> u.parentId().equals(id)).forEach(u -> node(
        "OU " + text(u.name()) + " (" + text(u.id()) + ")  " + Locations.fileLineColumn(u.location()), u.id(), tree, indent + "  "));
    tree.accounts().stream().filter(a -> a.parentId().equals(id)).forEach(a -> node(
        "account " + text(a.name()) + " (" + text(a.id()) + ")  " + Locations.fileLineColumn(a.location()), a.id(), tree, indent + "  "));
  }

  /** A permission set, what it attaches, and each assignment with the role it provisions in the assigned account. */
  private void permissionSet(PermissionSet set, Account account) {
    out.println("permission set " + text(set.name()) + "  " + Locations.fileLineColumn(set.location()));
    set.inlinePolicy().ifPresent(p -> policy("  inline policy ", p, "    "));
    list("  attached: ", set.awsManagedPolicyArns(), Map.of());
    list("  customer managed: ", set.customerManagedPolicies().stream().map(Object::toString).toList(), Map.of());
    set.permissionsBoundary().ifPresent(b -> out.println("  permissions boundary: "
        + text(b instanceof PermissionSet.AwsManaged aws ? aws.arn() : b.toString())));
    for (AccountAssignment a : account.assignments()) {
      if (a.permissionSet().equals(set.name())) {
        out.println("  assigned to " + a.principalType() + " " + text(a.principalId()) + " in account " + text(a.accountId()) + ": "
            + loadedAccounts.byId(a.accountId()).flatMap(target -> target.provisionedRole(set)).map(r -> "role " + text(r.name()))
                .orElse("no role (see the problems)") + "  " + Locations.fileLineColumn(a.location()));
      }
    }
  }

  /**
   * Group names or policy ARNs, each made by a resource whose existence is unknown marked with the
   * values it depends on ({@link Existence}): "ReadOnly (only if <unresolved: var.enable_audit>)".
   */
  private void list(String label, List<String> values, Map<String, List<Unresolved>> uncertain) {
    if (!values.isEmpty()) {
      out.println(label + String.join(", ", values.stream()
          .map(v -> text(v) + (uncertain.containsKey(v) ? " (only if " + displays(uncertain.get(v)) + ")" : "")).toList()));
    }
  }

  /** A principal made by a resource whose existence is unknown. */
  private void existsOnlyIf(Existence existence) {
    if (!existence.principal().isEmpty()) {
      out.println("  exists only if " + displays(existence.principal()));
    }
  }

  private static String displays(List<Unresolved> values) {
    return String.join(", ", values.stream().map(u -> u.display() + " (" + Locations.fileLineColumn(u.location()) + ")").toList());
  }

  private void policy(String label, Policy policy, String indent) {
    out.println(label + text(policy.name()) + "  " + Locations.fileLineColumn(policy.location()));
    for (Statement statement : policy.statements()) {
      out.println(indent + "statement " + statement.sid().orElse("#" + statement.index()) + "  "
          + Locations.fileLineColumn(statement.location()));
      out.println(indent + "  " + statement.effect().json());
      out.println(indent + "  " + statement.action().elementName() + ": " + values(statement, statement.action().values()));
      statement.resource().ifPresent(r -> out.println(indent + "  " + r.elementName() + ": " + values(statement, r.values())));
      statement.principal().ifPresent(p -> out.println(indent + "  " + p.elementName() + ": "
          + (p.anyone() ? "*" : p.byType().entrySet().stream()
              .map(e -> e.getKey() + " " + values(statement, e.getValue())).reduce((a, b) -> a + "; " + b).orElse(""))));
      for (Condition condition : statement.conditions()) {
        out.println(indent + "  Condition: " + condition.operator().name() + " " + condition.key() + " "
            + values(statement, condition.values()) + "  " + Locations.fileLineColumn(condition.location()));
      }
    }
  }

  /** A name or ARN as written, each unresolved part shown as {@code <unresolved: expression>}. */
  private String text(String value) {
    return Unresolved.readable(value, known);
  }

  /** Values as written, each unresolved part shown as {@code <unresolved: expression>}. */
  static String values(Statement statement, List<String> values) {
    return String.join(", ", values.stream().map(v -> readable(statement, v)).toList());
  }

  static String readable(Statement statement, String value) {
    return Unresolved.readable(value, statement.unresolved());
  }
}
