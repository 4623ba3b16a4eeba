package dev.iamunit.oracle.terraform;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account as the facts two loads of the same configuration must agree on, each a subject
 * ({@code role deployer}, {@code role deployer inline ci}, {@code managed arn:...}) and its value:
 * principals with their ARN, path, memberships and attachments, every policy statement by statement,
 * and the problems the load reported. Locations are left out (the plan's are JSON paths, the
 * sources' are file:line), as is the order of sets (Terraform plans sets sorted). Every unresolved
 * value reads {@link #UNKNOWN}, whichever loader left it open and whatever it was written as.
 */
final class AccountFacts {

  /** How an unresolved value reads in a fact. */
  static final String UNKNOWN = "<?>";

  private AccountFacts() {}

  static SortedMap<String, String> of(Account account, LoadReport report) {
    SortedMap<String, String> facts = new TreeMap<>();
    for (User user : account.users().values()) {
      String subject = principal(facts, "user", user.name(), user.location().address());
      principalFacts(facts, subject, user.arn(), user.path(), user.managedPolicyArns(), user.permissionsBoundaryArn());
      put(facts, subject + " groups", sorted(user.groups()).toString());
      inline(facts, subject, user.inlinePolicies());
    }
    for (Group group : account.groups().values()) {
      String subject = principal(facts, "group", group.name(), group.location().address());
      principalFacts(facts, subject, group.arn(), group.path(), group.managedPolicyArns(), Optional.empty());
      inline(facts, subject, group.inlinePolicies());
    }
    for (Role role : account.roles().values()) {
      String subject = principal(facts, "role", role.name(), role.location().address());
      principalFacts(facts, subject, role.arn(), role.path(), role.managedPolicyArns(), role.permissionsBoundaryArn());
      put(facts, subject + " trust", role.trustPolicy().map(AccountFacts::policy).orElse("-"));
      inline(facts, subject, role.inlinePolicies());
    }
    for (ManagedPolicy managed : account.managedPolicies().values()) {
      put(facts, "managed " + masked(managed.arn()), "name=" + masked(managed.name()) + " path=" + managed.path()
          + (managed.awsManaged() ? " aws-managed" : "") + "\n" + policy(managed.document()));
    }
    // A resource policy by the address that declares it, its value the resource's ARN: an ARN that
    // one side knows and the other does not stays one subject. The statements are the policy's facts.
    Map<Policy, String> addresses = new IdentityHashMap<>();
    report.policies().forEach(p -> addresses.put(p.policy(), p.address()));
    for (Map.Entry<String, Policy> entry : account.resourcePolicies().entrySet()) {
      String address = addresses.get(entry.getValue());
      put(facts, "resource-policy " + (address == null ? "of " + masked(entry.getKey()) : masked(address)) + " resource",
          masked(entry.getKey()));
    }
    // Every policy by the address that declares it, whether or not it reached a principal or resource.
    for (LoadReport.LoadedPolicy loaded : report.policies()) {
      put(facts, "policy " + masked(loaded.address()) + " " + masked(loaded.policy().name()), policy(loaded.policy()));
    }
    organization(facts, "scp", account.organization().serviceControlPolicies());
    organization(facts, "rcp", account.organization().resourceControlPolicies());
    if (!report.problems().isEmpty()) {
      put(facts, "problems", String.join("\n", report.problems().stream().map(p -> withoutLocations(masked(p.message()))).sorted().toList()));
    }
    return facts;
  }

  /**
   * The addresses whose policy attribute the load left unknown as a whole ({@code
   * aws_sqs_queue_policy.x.policy}, planned known after apply because it names the queue's ARN).
   */
  static Set<String> unknownPolicies(LoadReport report) {
    Set<String> addresses = new TreeSet<>();
    for (Unresolved u : report.unresolved()) {
      Matcher m = POLICY_EXPRESSION.matcher(u.expression());
      if (m.matches()) {
        addresses.add(masked(m.group(1)));
      }
    }
    return addresses;
  }

  /**
   * A problem's message without the locations it names ({@code at main.tf:11:1 (aws_iam_group.a)}
   * reads {@code at (aws_iam_group.a)}): the sources' are file:line, the plan's JSON paths, and
   * neither is a fact both loads can share. The addresses stay, in the order the message gives them.
   */
  static String withoutLocations(String message) {
    return LOCATION.matcher(message).replaceAll("at (");
  }

  private static final Pattern LOCATION = Pattern.compile("\\bat \\S+ \\(");

  private static final Pattern POLICY_EXPRESSION = Pattern.compile("(.+)\\.(policy|assume_role_policy|access_policies|content)");

  /**
   * A principal by name; by its template address alone when the name is not known (AWS or the
   * provider generates it), so that two such principals stay apart and the static load's symbolic
   * name ({@code worker-<?>} for {@code name_prefix = "worker-"}) and the plan's {@code <?>} are one
   * subject. The name is then a fact of its own, compared like any other value.
   */
  private static String principal(SortedMap<String, String> facts, String kind, String name, String address) {
    if (!Unresolved.isIn(name)) {
      return kind + " " + name;
    }
    String subject = kind + " (" + masked(address) + ")";
    put(facts, subject + " name", masked(name));
    return subject;
  }

  /** One fact per field, so that a row of KNOWN_DIFFERENCES.md can name the field it is about. */
  private static void principalFacts(SortedMap<String, String> facts, String subject, String arn, String path,
      List<String> managed, Optional<String> boundary) {
    put(facts, subject + " arn", masked(arn));
    put(facts, subject + " path", path);
    put(facts, subject + " managed-policies", sorted(managed).toString());
    put(facts, subject + " boundary", boundary.map(AccountFacts::masked).orElse("-"));
  }

  /** Inline policies by name; their statements are facts of the policies by address. */
  private static void inline(SortedMap<String, String> facts, String subject, List<Policy> policies) {
    put(facts, subject + " inline-policies", sorted(policies.stream().map(Policy::name).toList()).toString());
  }

  private static void organization(SortedMap<String, String> facts, String kind, List<List<Policy>> levels) {
    for (int level = 0; level < levels.size(); level++) {
      for (Policy p : levels.get(level)) {
        put(facts, kind + " level " + level + " " + masked(p.name()), policy(p));
      }
    }
  }

  /** Two subjects that read the same (two unnamed roles of one address) are told apart by a count, not merged. */
  private static void put(SortedMap<String, String> facts, String subject, String value) {
    String key = subject;
    for (int n = 2; facts.containsKey(key); n++) {
      key = subject + " #" + n;
    }
    facts.put(key, value);
  }

  /** A policy, one line per statement, values in the order AWS gives them no meaning in sorted. */
  static String policy(Policy policy) {
    List<String> lines = new ArrayList<>();
    lines.add("Version=" + policy.version().orElse("-") + (policy.id().isPresent() ? " Id=" + masked(policy.id().get()) : "")
        + (policy.unreadable().isEmpty() ? "" : " unreadable-statements=" + policy.unreadable().size()));
    for (Statement s : policy.statements()) {
      StringBuilder line = new StringBuilder();
      s.sid().ifPresent(sid -> line.append("Sid=").append(masked(sid)).append(' '));
      line.append(s.effect().json()).append(' ')
          .append(s.action().elementName()).append('=').append(sorted(s.action().values()));
      s.resource().ifPresent(r -> line.append(' ').append(r.elementName()).append('=').append(sorted(r.values())));
      s.principal().ifPresent(p -> {
        line.append(' ').append(p.elementName()).append('=');
        if (p.anyone()) {
          line.append("*");
        } else {
          List<String> types = new ArrayList<>();
          new TreeMap<>(p.byType()).forEach((type, values) -> types.add(type + ":" + sorted(values)));
          line.append(types);
        }
      });
      List<String> conditions = new ArrayList<>();
      for (Condition c : s.conditions()) {
        conditions.add(c.operator().name() + " " + masked(c.key()) + "=" + sorted(c.values()));
      }
      if (!conditions.isEmpty()) {
        line.append(" Condition=").append(conditions.stream().sorted().toList());
      }
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().map(AccountFacts::masked).distinct().sorted().toList();
  }

  static String masked(String text) {
    return Unresolved.replacePlaceholders(text, UNKNOWN);
  }
}
