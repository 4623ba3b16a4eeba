package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What changed in which policies apply to a principal, when no statement did: its group
 * memberships, its attached managed policies and its permissions boundary, and the managed
 * policies attached to its groups, as {@link StatementChange.Line}s ({@code - "PermissionsBoundary":
 * "arn:aws:iam::123456789012:policy/DevBoundary"}) at the principal's (or group's) declaration.
 *
 * @param principal {@code user dev}, as {@link DiffRow#principal()} names it
 * @param lines what the base had ({@code -}) and the head has ({@code +})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PrincipalChange(String principal, List<StatementChange.Line> lines) {

  public PrincipalChange {
    Objects.requireNonNull(principal, "principal");
    lines = List.copyOf(lines);
  }

  /** Every principal of either account whose memberships, attachments or boundary differ. */
  public static Map<String, PrincipalChange> between(Account base, Account head) {
    List<Unresolved> unresolved = new ArrayList<>(base.unresolved());
    unresolved.addAll(head.unresolved());
    Map<String, PrincipalChange> changes = new LinkedHashMap<>();
    for (String name : new TreeSet<>(union(base.users().keySet(), head.users().keySet()))) {
      Optional<User> b = base.user(name);
      Optional<User> h = head.user(name);
      List<StatementChange.Line> lines = new ArrayList<>();
      compare(unresolved, lines, "", "Groups", b.map(User::groups), h.map(User::groups), b.map(User::location), h.map(User::location));
      compare(unresolved, lines, "", "ManagedPolicyArns", b.map(User::managedPolicyArns), h.map(User::managedPolicyArns),
          b.map(User::location), h.map(User::location));
      compare(unresolved, lines, "", "PermissionsBoundary", b.map(u -> u.permissionsBoundaryArn().stream().toList()),
          h.map(u -> u.permissionsBoundaryArn().stream().toList()), b.map(User::location), h.map(User::location));
      for (String group : new TreeSet<>(union(b.map(User::groups).orElse(List.of()), h.map(User::groups).orElse(List.of())))) {
        Optional<Group> bg = base.group(group);
        Optional<Group> hg = head.group(group);
        compare(unresolved, lines, "group " + group + ": ", "ManagedPolicyArns", bg.map(Group::managedPolicyArns), hg.map(Group::managedPolicyArns),
            bg.map(Group::location), hg.map(Group::location));
      }
      add(changes, Unresolved.readable("user " + name, unresolved), lines);
    }
    for (String name : new TreeSet<>(union(base.roles().keySet(), head.roles().keySet()))) {
      Optional<Role> b = base.role(name);
      Optional<Role> h = head.role(name);
      List<StatementChange.Line> lines = new ArrayList<>();
      compare(unresolved, lines, "", "ManagedPolicyArns", b.map(Role::managedPolicyArns), h.map(Role::managedPolicyArns),
          b.map(Role::location), h.map(Role::location));
      compare(unresolved, lines, "", "PermissionsBoundary", b.map(r -> r.permissionsBoundaryArn().stream().toList()),
          h.map(r -> r.permissionsBoundaryArn().stream().toList()), b.map(Role::location), h.map(Role::location));
      add(changes, Unresolved.readable("role " + name, unresolved), lines);
    }
    return changes;
  }

  private static void add(Map<String, PrincipalChange> changes, String principal, List<StatementChange.Line> lines) {
    if (!lines.isEmpty()) {
      changes.put(principal, new PrincipalChange(principal, lines));
    }
  }

  private static void compare(List<Unresolved> known, List<StatementChange.Line> lines, String prefix, String property, Optional<List<String>> base,
      Optional<List<String>> head, Optional<SourceLocation> baseAt, Optional<SourceLocation> headAt) {
    List<String> before = base.orElse(List.of()).stream().map(v -> Unresolved.readable(v, known)).toList();
    List<String> after = head.orElse(List.of()).stream().map(v -> Unresolved.readable(v, known)).toList();
    before.stream().filter(v -> !after.contains(v)).forEach(v ->
        lines.add(new StatementChange.Line('-', prefix + "\"" + property + "\": \"" + v + "\"", baseAt.orElseThrow())));
    after.stream().filter(v -> !before.contains(v)).forEach(v ->
        lines.add(new StatementChange.Line('+', prefix + "\"" + property + "\": \"" + v + "\"", headAt.orElseThrow())));
  }

  private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
    List<T> all = new ArrayList<>(a);
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    return all;
  }
}
