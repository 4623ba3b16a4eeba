package dev.iamunit.eval.space;

import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The roles' trust policies as tests of the request space, with the roles that no request can
 * tell apart asked once. A trust action on a role is decided by the role's trust policy
 * ({@link ResourcePolicyOwner#policies}: the role named by the ARN's last segment, in the
 * account) and by what the other policies compare of the ARN; so roles whose trust policies read
 * alike, by content, in every version compared form a group ({@link #of}), and within a group two
 * roles whose names no other test can tell apart are decided alike on every ARN that names them:
 * one of them, with its own tests, stands for all ({@link #asked}). The regions of a trust action
 * are then the groups' (times what the other tests split), not three per role: 3,000 roles that
 * trust EC2 alike are a few regions.
 *
 * <p>Why a name stands for another: the other tests are automata that read a character only by
 * comparing it with their literal characters (ignoring case at most), so two names of one length
 * whose characters at each position are equal or both outside those literals take every
 * automaton through the same states, on any ARN around them ({@link #formOf}). Replacing one by
 * the other in an ARN keeps every other test's answer and the trust policy (the same group's), so
 * the decision. What the space asks is then checked: a representative that names a role not
 * asked (the search's shortest text can spell one) would be decided with that role's trust policy
 * where its region has none, so that role is asked too ({@link Asked#misread}), and seeds that name
 * such roles are left out ({@link Asked#filter}).
 */
final class TrustGroups {

  /** Roles of one account whose trust policies read alike in each version compared: each role's reach, by ARN. */
  record Group(String account, List<ResourcePolicyOwner.Reach> members) {
    Group {
      members = List.copyOf(members);
    }
  }

  /** What a search asks of the groups: the tests of the roles asked, and the roles of each account not asked, by name. */
  record Asked(List<TextTest> tests, Map<String, Set<String>> notAsked) {

    /** The texts of {@code seeds} that may stand for their regions: those that name no role not asked. */
    List<String> filter(List<String> seeds) {
      return notAsked.isEmpty() ? seeds : seeds.stream().filter(s -> misnamed(s) == null).toList();
    }

    /** The roles the representatives name that are not asked, each as {@code account/name}. */
    List<String> misread(List<ActionRegions.Target> representatives) {
      List<String> out = new ArrayList<>();
      for (ActionRegions.Target t : representatives) {
        String name = misnamed(t.resource());
        if (name != null) {
          out.add(Arns.split(t.resource())[4] + "/" + name);
        }
      }
      return out;
    }

    /**
     * The name of the role not asked that {@code text} names, or null: an ARN of IAM in the role's
     * account whose resource is {@code role/} and a path ending in the name, as {@link
     * ResourcePolicyOwner#reaches} places a trust policy ({@code role/NAME}, {@code role/*}{@code /NAME}).
     */
    private String misnamed(String text) {
      String[] parts = Arns.split(text);
      if (parts == null || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
        return null;
      }
      Set<String> names = notAsked.get(parts[4]);
      String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
      return names != null && names.contains(name) ? name : null;
    }
  }

  private TrustGroups() {}

  /**
   * The roles of {@code accounts} (every version compared) with a trust policy in some version,
   * grouped per account by the content of their trust policies in each version of the account
   * (absent in a version: none). A policy holding something IAMUnit could not compute is a group
   * of its own: its unknowns are never equal.
   */
  static List<Group> of(List<Account> accounts) {
    Map<String, List<Account>> versions = new LinkedHashMap<>();
    accounts.forEach(a -> versions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a));
    String trustAction = ResourcePolicyOwner.trustActions().get(0);
    List<Group> out = new ArrayList<>();
    versions.forEach((id, same) -> {
      Map<String, ResourcePolicyOwner.Reach> roles = new TreeMap<>();
      for (Account version : same) {
        ResourcePolicyOwner.reaches(version).stream().filter(ResourcePolicyOwner.Reach::trust).forEach(r -> roles.putIfAbsent(r.policy(), r));
      }
      Map<List<Object>, List<ResourcePolicyOwner.Reach>> groups = new LinkedHashMap<>();
      for (ResourcePolicyOwner.Reach role : roles.values()) {
        List<Object> key = new ArrayList<>();
        for (Account version : same) {
          // The policies the evaluator finds for a trust action on the role, in this version.
          key.add(content(ResourcePolicyOwner.policies(version, role.policy(), trustAction)));
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(role);
      }
      groups.values().forEach(members -> out.add(new Group(id, members)));
    });
    return List.copyOf(out);
  }

  /**
   * The tests to ask of {@code groups} beside {@code others} (the search's other tests that split
   * the ARNs searched): per group and per form of name ({@link #formOf}), one member's tests as
   * {@code testsOf} makes them from its reach, and the tests of every role of {@code promoted}
   * ({@code account/name}, found misread before).
   */
  static Asked asked(List<Group> groups, List<TextTest> others, Set<String> promoted,
      Function<ResourcePolicyOwner.Reach, List<TextTest>> testsOf) {
    Set<Character> literals = resourceLiterals(others);
    List<TextTest> tests = new ArrayList<>();
    Map<String, Set<String>> notAsked = new HashMap<>();
    Set<String> asked = new HashSet<>();
    for (Group group : groups) {
      Set<String> forms = new HashSet<>();
      for (ResourcePolicyOwner.Reach role : group.members()) {
        String name = nameOf(role);
        if (promoted.contains(group.account() + "/" + name) || forms.add(formOf(name, literals))) {
          tests.addAll(testsOf.apply(role));
          asked.add(group.account() + "/" + name);
        } else {
          notAsked.computeIfAbsent(group.account(), k -> new HashSet<>()).add(name);
        }
      }
    }
    // A role whose path differs between versions has two ARNs and one name: asked under one, it is asked.
    notAsked.forEach((account, names) -> names.removeIf(name -> asked.contains(account + "/" + name)));
    return new Asked(List.copyOf(tests), notAsked);
  }

  /**
   * What {@code search} finds once every role its representatives name is asked: it runs over
   * {@code ask}'s answer for the roles promoted so far (none at first, {@code account/name} each)
   * and, while a representative names a role not asked ({@link Asked#misread}), again with those
   * roles promoted too. It ends: each round but the last promotes at least one more role of {@code
   * groups} (a role promoted is asked, so never misread again), and they are finitely many, so
   * there are at most as many rounds as roles, and one more. A round that names no new role, or
   * one past that bound, would mean a role asked was misread, and the search would not end: an
   * internal error, thrown rather than looped on or answered with a representative that stands
   * for ARNs its region does not hold.
   */
  static <R> R settled(List<Group> groups, Function<Set<String>, Asked> ask, Function<Asked, R> search,
      Function<R, List<ActionRegions.Target>> representatives) {
    int roles = groups.stream().mapToInt(g -> g.members().size()).sum();
    Set<String> promoted = new HashSet<>();
    for (int round = 1; ; round++) {
      Asked asked = ask.apply(Set.copyOf(promoted));
      R found = search.apply(asked);
      List<String> misread = asked.misread(representatives.apply(found));
      if (misread.isEmpty()) {
        return found;
      }
      if (!promoted.addAll(misread) || round > roles) {
        throw new IllegalStateException("internal error: the search of the roles' trust policies did not settle: round " + round
            + " (of at most " + (roles + 1) + ") still names roles not asked " + misread + ", promoted " + new java.util.TreeSet<>(promoted));
      }
    }
  }

  /** The role's name: the last segment of its ARN, which the evaluator looks the role up by. */
  private static String nameOf(ResourcePolicyOwner.Reach role) {
    return role.policy().substring(role.policy().lastIndexOf('/') + 1);
  }

  /** {@code name} with each character outside {@code literals} as one mark: names of one form are alike to the tests. */
  static String formOf(String name, Set<Character> literals) {
    char[] form = name.toCharArray();
    for (int i = 0; i < form.length; i++) {
      if (!literals.contains(form[i])) {
        form[i] = '\0';
      }
    }
    return new String(form);
  }

  /**
   * The literal characters of {@code tests} that can meet a character of an ARN's resource part:
   * those after the fifth colon of a test read part by part, every one of a test read whole, each
   * with the characters equal to it ignoring case (more literals only split more).
   */
  static Set<Character> resourceLiterals(List<TextTest> tests) {
    Set<Character> out = new HashSet<>();
    for (TextTest test : tests) {
      String text = test.text();
      int literalColons = 0;
      for (int i = 0; i < text.length(); i++) {
        literalColons += text.charAt(i) == ':' && !test.isWild(i) ? 1 : 0;
      }
      boolean star = test.mode() == TextTest.Mode.ARN && text.equals("*") && test.isWild(0);
      boolean byParts = test.mode() == TextTest.Mode.ARN_PARTS
          || (test.mode() == TextTest.Mode.ARN || test.mode() == TextTest.Mode.ARN_CONDITION) && literalColons >= 5 && !crossesColons(test);
      int colons = 0;
      for (int i = 0; i < text.length() && !star; i++) {
        if (test.isWild(i)) {
          continue;
        }
        if (!byParts || colons >= 5) {
          out.addAll(CaseGroups.of(text.charAt(i)));
        }
        colons += text.charAt(i) == ':' ? 1 : 0;
      }
    }
    return out;
  }

  /** Whether a {@code *} of {@code test} ends one of the first five parts, and so may reach the resource part. */
  private static boolean crossesColons(TextTest test) {
    for (int i = 0; i < test.text().length(); i++) {
      if (test.starEndsPart(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What of {@code policies} decides a request, without names and locations: each policy's
   * statements' effect, actions, resources, principals and conditions, and whether it substitutes
   * variables. A policy with a value IAMUnit could not compute is unequal to every other.
   */
  private static Object content(List<Policy> policies) {
    List<Object> out = new ArrayList<>();
    for (Policy p : policies) {
      if (!p.unreadable().isEmpty() || p.statements().stream().anyMatch(s -> !s.unresolved().isEmpty())) {
        return new Object();
      }
      out.add(List.of(p.substitutesVariables(), p.statements().stream().map(TrustGroups::content).toList()));
    }
    return out;
  }

  private static List<Object> content(Statement s) {
    return Arrays.asList(s.effect(), s.action().values(), s.action().negated(),
        s.resource().map(r -> List.of(r.values(), r.negated())).orElse(null),
        s.principal().map(p -> List.of(p.negated(), p.anyone(), p.byType())).orElse(null),
        s.conditions().stream().map(c -> List.of(c.operator(), c.key(), c.values())).toList());
  }
}
