package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An organizational unit or account of an {@link OrganizationTree} named by its path, as a user
 * writes it: the names from the root down, each a child of the one before, such as {@code
 * Workloads/Prod} (a unit) or {@code Workloads/Prod/prod} (an account). A leading {@code Root}
 * (the name AWS gives the root) or the root's id may be written, and is needed for a unit or
 * account directly under the root, whose path would otherwise be a bare name: {@code Root/sandbox}.
 *
 * <p>AWS lets names hold any ASCII character ("a string of any of the characters in the ASCII
 * character range", AWS Organizations API Reference, OrganizationalUnit: Name, and Account: Name),
 * a {@code /} included, so a name's {@code /} is written {@code \/} and its {@code \} is written
 * {@code \\}; any other {@code \} is itself.
 *
 * @param names the names below the root, from the top down, none empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OrganizationPath(List<String> names) {

  /** The name AWS gives an organization's root ({@code ListRoots}' {@code Name}). */
  public static final String ROOT = "Root";

  public OrganizationPath {
    names = List.copyOf(names);
    if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("a path names at least one unit or account, each by a name of at least one character: " + names);
    }
  }

  /**
   * The names {@code text} gives, split at each {@code /} that is not escaped, each unescaped:
   * one name when {@code text} is a bare name or id, several when it is a path (with its leading
   * {@code Root}, if written).
   */
  public static List<String> steps(String text) {
    List<String> steps = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\\' && (next == '/' || next == '\\')) {
        name.append(next);
        i++;
      } else if (c == '/') {
        steps.add(name.toString());
        name.setLength(0);
      } else {
        name.append(c);
      }
    }
    steps.add(name.toString());
    return steps;
  }

  /**
   * The path {@code text} writes in {@code tree}, when it writes one (two names or more; its
   * leading {@code Root} or root id dropped); empty for a bare name or id.
   *
   * @throws IamUnitException when a name of the path is empty ({@code Workloads//Prod}): AWS
   *     gives no unit or account an empty name
   */
  public static Optional<OrganizationPath> parse(String text, OrganizationTree tree) {
    List<String> steps = steps(text);
    if (steps.size() < 2) {
      return Optional.empty();
    }
    if (steps.contains("")) {
      throw new IamUnitException("\"" + text + "\" is a path with an empty name in it: write the names of the organizational units "
          + "from the root down, separated by a single /, such as Workloads/Prod (a / inside a name is written \\/)");
    }
    List<String> names = steps.get(0).equals(ROOT) || steps.get(0).equals(tree.rootId()) ? steps.subList(1, steps.size()) : steps;
    return Optional.of(new OrganizationPath(names));
  }

  /** The path of the unit or member account {@code id} of {@code tree}; empty when it is neither, or its parents do not lead to the root. */
  public static Optional<OrganizationPath> of(OrganizationTree tree, String id) {
    List<String> names = new ArrayList<>();
    String parent;
    Optional<OrganizationTree.Member> member = tree.account(id);
    if (member.isPresent()) {
      names.add(member.get().name());
      parent = member.get().parentId();
    } else {
      Optional<OrganizationTree.Unit> unit = tree.unit(id);
      if (unit.isEmpty()) {
        return Optional.empty();
      }
      names.add(unit.get().name());
      parent = unit.get().parentId();
    }
    while (!parent.equals(tree.rootId())) {
      Optional<OrganizationTree.Unit> unit = tree.unit(parent);
      if (unit.isEmpty() || names.size() > tree.units().size() + 1) {
        return Optional.empty(); // not in the tree, or the parents loop
      }
      names.add(0, unit.get().name());
      parent = unit.get().parentId();
    }
    return Optional.of(new OrganizationPath(names));
  }

  /** The units of {@code tree} at this path: one in an organization AWS accepts ("An OU with the same name already exists"). */
  public List<OrganizationTree.Unit> units(OrganizationTree tree) {
    Set<String> parents = Set.of(tree.rootId());
    List<OrganizationTree.Unit> found = List.of();
    for (String name : names) {
      Set<String> above = parents;
      found = tree.units().stream().filter(u -> u.name().equals(name) && above.contains(u.parentId())).toList();
      parents = found.stream().map(OrganizationTree.Unit::id).collect(Collectors.toSet());
    }
    return found;
  }

  /** The member accounts of {@code tree} at this path, its last name an account's: several when two accounts of one parent share a name. */
  public List<OrganizationTree.Member> accounts(OrganizationTree tree) {
    String name = names.get(names.size() - 1);
    Set<String> parents = names.size() == 1 ? Set.of(tree.rootId())
        : new OrganizationPath(names.subList(0, names.size() - 1)).units(tree).stream().map(OrganizationTree.Unit::id).collect(Collectors.toSet());
    return tree.accounts().stream().filter(m -> m.name().equals(name) && parents.contains(m.parentId())).toList();
  }

  /**
   * The path as a user writes it, each name escaped: {@code Workloads/Prod}, and {@code
   * Root/sandbox} for a unit or account under the root, which a bare name would not tell apart
   * from others of its name.
   */
  @Override
  public String toString() {
    String path = names.stream().map(OrganizationPath::escape).collect(Collectors.joining("/"));
    return names.size() == 1 ? ROOT + "/" + path : path;
  }

  /** {@code name} as one name of a path: each {@code \} written {@code \\}, each {@code /} written {@code \/}. */
  public static String escape(String name) {
    return name.replace("\\", "\\\\").replace("/", "\\/");
  }
}
