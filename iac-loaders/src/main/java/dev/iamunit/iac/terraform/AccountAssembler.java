package dev.iamunit.iac.terraform;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns IAM resource instances (from sources or a plan) into the account model. */
final class AccountAssembler {

  private static final String AWS_MANAGED = ":iam::aws:policy/";

  private final LoadOptions options;
  private final Report report;
  private final Map<String, Draft> users = new LinkedHashMap<>();
  private final Map<String, Draft> groups = new LinkedHashMap<>();
  private final Map<String, Draft> roles = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> managed = new LinkedHashMap<>();
  private final Map<String, SourceLocation> awsManagedUses = new LinkedHashMap<>();
  private final Map<String, Policy> resourcePolicies = new LinkedHashMap<>();
  private final Map<String, List<DocNode>> lambdaStatements = new LinkedHashMap<>();
  private final Map<String, Policy> orgPolicies = new LinkedHashMap<>();
  private final Map<String, PolicyKind> orgKinds = new LinkedHashMap<>();
  private final List<Policy> scps = new ArrayList<>();
  private final List<Policy> rcps = new ArrayList<>();

  /** A principal being assembled. */
  private static final class Draft {
    String name;
    String path = "/";
    String arn;
    SourceLocation location;
    Optional<Policy> trust = Optional.empty();
    Map<String, String> tags = new LinkedHashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    List<Policy> inline = new ArrayList<>();
    Set<String> managed = new LinkedHashSet<>();
    Optional<String> boundary = Optional.empty();
  }

  AccountAssembler(LoadOptions options, Report report) {
    this.options = options;
    this.report = report;
  }

  void add(List<ResourceView> resources) {
    for (ResourceView r : resources) {
      switch (r.type()) {
        case "aws_iam_user" -> principal(users, r, "user");
        case "aws_iam_group" -> principal(groups, r, "group");
        case "aws_iam_role" -> role(r);
        case "aws_iam_policy" -> managedPolicy(r);
        default -> {}
      }
    }
    for (ResourceView r : resources) {
      switch (r.type()) {
        case "aws_iam_user_policy" -> inline(users, r, "user");
        case "aws_iam_group_policy" -> inline(groups, r, "group");
        case "aws_iam_role_policy" -> inline(roles, r, "role");
        case "aws_iam_user_policy_attachment" -> attach(users, r.get("user"), r, "user");
        case "aws_iam_group_policy_attachment" -> attach(groups, r.get("group"), r, "group");
        case "aws_iam_role_policy_attachment" -> attach(roles, r.get("role"), r, "role");
        case "aws_iam_policy_attachment" -> {
          each(r.get("users"), v -> attach(users, v, r, "user"));
          each(r.get("groups"), v -> attach(groups, v, r, "group"));
          each(r.get("roles"), v -> attach(roles, v, r, "role"));
        }
        case "aws_iam_user_group_membership" -> {
          Draft user = find(users, r.get("user"), r, "user");
          if (user != null) {
            each(r.get("groups"), g -> user.groups.add(name(g, r, "groups")));
          }
        }
        case "aws_iam_group_membership" -> {
          String group = name(r.get("group"), r, "group");
          each(r.get("users"), u -> {
            Draft user = find(users, u, r, "user");
            if (user != null) {
              user.groups.add(group);
            }
          });
        }
        case "aws_s3_bucket_policy" -> resourcePolicy(r, concat("arn:" + options.partition() + ":s3:::", r.get("bucket")));
        case "aws_sns_topic_policy" -> resourcePolicy(r, r.get("arn"));
        case "aws_sqs_queue_policy" -> {
          Value url = r.get("queue_url");
          Optional<String> arn = url instanceof Value.Str s && s.known() ? Arns.queueArnFromUrl(s.text(), options.partition())
              : Optional.empty();
          resourcePolicy(r, arn.<Value>map(Value::of).orElse(url));
        }
        case "aws_kms_key" -> resourcePolicy(r, r.get("arn") instanceof Value.Null ? keyArn(r) : r.get("arn"));
        case "aws_lambda_permission" -> lambdaPermission(r);
        case "aws_organizations_policy" -> organizationPolicy(r);
        default -> {}
      }
    }
    for (ResourceView r : resources) {
      if (r.type().equals("aws_organizations_policy_attachment")) {
        Value id = r.get("policy_id");
        Policy policy = orgPolicies.get(key(id));
        if (policy == null) {
          report.add(Unresolved.of(r.address(), r.location(), "attaches an organization policy not declared in the loaded configuration"));
        } else {
          (orgKinds.get(key(id)) == PolicyKind.RESOURCE_CONTROL ? rcps : scps).add(policy);
        }
      }
    }
  }

  private Value keyArn(ResourceView r) {
    return new Value.Str("arn:" + options.partition() + ":kms:" + options.region() + ":" + options.accountId() + ":key/"
        + report.add(Unresolved.of(r.address() + ".key_id", r.location(), "AWS generates the key id")).placeholder(),
        List.of(), Optional.empty());
  }

  private Draft principal(Map<String, Draft> into, ResourceView r, String kind) {
    Draft draft = new Draft();
    draft.name = name(r.get("name"), r, "name");
    draft.path = r.get("path") instanceof Value.Str p && p.known() ? p.text() : "/";
    draft.arn = "arn:" + options.partition() + ":iam::" + options.accountId() + ":" + kind + draft.path + draft.name;
    draft.location = r.location();
    if (r.get("tags") instanceof Value.Obj tags) {
      tags.members().forEach((k, v) -> draft.tags.put(k, v instanceof Value.Str s ? s.text() : String.valueOf(v)));
    }
    Value boundary = r.get("permissions_boundary");
    if (!(boundary instanceof Value.Null)) {
      draft.boundary = Optional.of(name(boundary, r, "permissions_boundary"));
      noteAwsManaged(draft.boundary.get(), r.locationOf("permissions_boundary"));
    }
    into.put(draft.name, draft);
    return draft;
  }

  private void role(ResourceView r) {
    Draft role = principal(roles, r, "role");
    role.trust = PolicyText.parse(r.get("assume_role_policy"), r.locationOf("assume_role_policy"), PolicyKind.TRUST,
        r.address() + ".assume_role_policy", report).map(p -> record(r.address(), p));
    for (ResourceView inline : r.blocks("inline_policy")) {
      Value name = inline.get("name");
      PolicyText.parse(inline.get("policy"), inline.locationOf("policy"), PolicyKind.IDENTITY,
          name instanceof Value.Str s ? s.text() : r.address() + ".inline_policy", report)
          .ifPresent(p -> role.inline.add(record(r.address(), p)));
    }
    each(r.get("managed_policy_arns"), arn -> {
      String text = name(arn, r, "managed_policy_arns");
      role.managed.add(text);
      noteAwsManaged(text, r.locationOf("managed_policy_arns"));
    });
  }

  private void managedPolicy(ResourceView r) {
    String name = name(r.get("name"), r, "name");
    String path = r.get("path") instanceof Value.Str p && p.known() ? p.text() : "/";
    String arn = "arn:" + options.partition() + ":iam::" + options.accountId() + ":policy" + path + name;
    PolicyText.parse(r.get("policy"), r.locationOf("policy"), PolicyKind.IDENTITY, name, report)
        .ifPresent(p -> managed.put(arn, new ManagedPolicy(arn, name, path, record(r.address(), p), false)));
  }

  private void inline(Map<String, Draft> principals, ResourceView r, String kind) {
    Draft target = find(principals, r.get(kind), r, kind);
    Value name = r.get("name");
    String policyName = name instanceof Value.Str s && s.known() ? s.text() : r.address();
    Optional<Policy> policy = PolicyText.parse(r.get("policy"), r.locationOf("policy"), PolicyKind.IDENTITY, policyName, report)
        .map(p -> record(r.address(), p));
    if (target != null) {
      policy.ifPresent(target.inline::add);
    }
  }

  private void attach(Map<String, Draft> principals, Value principal, ResourceView r, String kind) {
    Draft target = find(principals, principal, r, kind);
    String arn = name(r.get("policy_arn"), r, "policy_arn");
    noteAwsManaged(arn, r.locationOf("policy_arn"));
    if (target != null) {
      target.managed.add(arn);
    }
  }

  private void noteAwsManaged(String arn, SourceLocation at) {
    if (arn.contains(AWS_MANAGED)) {
      awsManagedUses.putIfAbsent(arn, at);
    }
  }

  private void resourcePolicy(ResourceView r, Value arnValue) {
    String arn = name(arnValue, r, "the resource ARN");
    PolicyText.parse(r.get("policy"), r.locationOf("policy"), PolicyKind.RESOURCE, r.address(), report)
        .ifPresent(p -> resourcePolicies.put(arn, record(r.address(), p)));
  }

  /** aws_lambda_permission: one statement of the function's resource policy, as Lambda writes it. */
  private void lambdaPermission(ResourceView r) {
    Value function = r.get("function_name");
    String name = name(function, r, "function_name");
    String arn = name.startsWith("arn:") ? name
        : "arn:" + options.partition() + ":lambda:" + options.region() + ":" + options.accountId() + ":function:" + name;
    Value qualifier = r.get("qualifier");
    if (qualifier instanceof Value.Str q) {
      arn = arn + ":" + q.text();
    }
    SourceLocation at = r.location();
    List<DocObject.Member> members = new ArrayList<>();
    Value sid = r.get("statement_id");
    if (sid instanceof Value.Str s && s.known()) {
      members.add(new DocObject.Member("Sid", at, DocScalar.string(s.text(), at)));
    }
    members.add(new DocObject.Member("Effect", at, DocScalar.string("Allow", at)));
    String principal = name(r.get("principal"), r, "principal");
    String type = principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn") ? "Service" : "AWS";
    members.add(new DocObject.Member("Principal", at, new DocObject(List.of(
        new DocObject.Member(type, at, str(r.get("principal"), at))), at)));
    members.add(new DocObject.Member("Action", at, str(r.get("action"), at)));
    members.add(new DocObject.Member("Resource", at, DocScalar.string(arn, at)));
    List<DocObject.Member> conditions = new ArrayList<>();
    if (!(r.get("source_arn") instanceof Value.Null)) {
      conditions.add(new DocObject.Member("ArnLike", at, new DocObject(List.of(
          new DocObject.Member("AWS:SourceArn", at, str(r.get("source_arn"), at))), at)));
    }
    if (!(r.get("source_account") instanceof Value.Null)) {
      conditions.add(new DocObject.Member("StringEquals", at, new DocObject(List.of(
          new DocObject.Member("AWS:SourceAccount", at, str(r.get("source_account"), at))), at)));
    }
    if (!conditions.isEmpty()) {
      members.add(new DocObject.Member("Condition", at, new DocObject(conditions, at)));
    }
    lambdaStatements.computeIfAbsent(arn, k -> new ArrayList<>()).add(new DocObject(members, at));
  }

  private static DocNode str(Value value, SourceLocation at) {
    return JsonValues.document(value, at);
  }

  private void organizationPolicy(ResourceView r) {
    Value type = r.get("type");
    boolean rcp = type instanceof Value.Str t && t.text().equals("RESOURCE_CONTROL_POLICY");
    if (type instanceof Value.Str t && !t.text().equals("SERVICE_CONTROL_POLICY") && !rcp) {
      return; // tag, backup and AI opt-out policies are not IAM policies
    }
    PolicyKind kind = rcp ? PolicyKind.RESOURCE_CONTROL : PolicyKind.SERVICE_CONTROL;
    Value name = r.get("name");
    PolicyText.parse(r.get("content"), r.locationOf("content"), kind,
        name instanceof Value.Str s && s.known() ? s.text() : r.address(), report)
        .ifPresent(p -> {
          Policy recorded = record(r.address(), p);
          Value id = r instanceof ModuleInstance.StaticResource s ? s.attribute("id", options) : r.get("id");
          orgPolicies.put(key(id), recorded);
          orgKinds.put(key(id), kind);
        });
  }

  private static String key(Value value) {
    final var sel1 = value;
    if (sel1 instanceof Value.Str s) {
      return s.text();
    }
    else if (sel1 instanceof Value.Unknown u) {
      return u.unresolved().placeholder();
    }
    else {
      return String.valueOf(value);
    }

  }

  private Policy record(String address, Policy policy) {
    report.policy(address, policy);
    return policy;
  }

  /** The principal a name refers to, or null (reported) when the configuration does not declare it. */
  private Draft find(Map<String, Draft> principals, Value value, ResourceView r, String kind) {
    String name = name(value, r, kind);
    // A reference to aws_iam_user.x.arn names the user too.
    int slash = name.lastIndexOf('/');
    String simple = name.startsWith("arn:") && slash >= 0 ? name.substring(slash + 1) : name;
    Draft draft = principals.get(simple);
    if (draft == null) {
      report.add(Unresolved.of(r.address(), r.location(),
          "refers to " + kind + " \"" + Unresolved.replacePlaceholders(name, "<unknown>")
              + "\", which the loaded configuration does not declare"));
    }
    return draft;
  }

  /** A name or ARN as text; unknown parts stay placeholders, and are reported. */
  private String name(Value value, ResourceView r, String what) {
    {
      final var sel2 = value;
      if (sel2 instanceof Value.Str s) {

        s.parts().forEach(report::add);
        return s.text();
      
      }
      else if (sel2 instanceof Value.Unknown u) {

        report.add(u.unresolved());
        return u.unresolved().placeholder();
      
      }
      else if (sel2 instanceof Value.Num n) {

        return n.toString();
      
      }
      else {

        Unresolved generated = report.add(Unresolved.of(r.address() + "." + what, r.location(),
            value instanceof Value.Null ? "not set: AWS generates it (name_prefix) or it comes from elsewhere"
                : what + " is " + Value.typeName(value)));
        return generated.placeholder();
      
      }
    }
  }

  private static void each(Value value, java.util.function.Consumer<Value> action) {
    if (value instanceof Value.Tuple t) {
      t.items().forEach(action);
    } else if (!(value instanceof Value.Null)) {
      action.accept(value);
    }
  }

  private static Value concat(String prefix, Value value) {
    StringBuilder text = new StringBuilder(prefix);
    List<Unresolved> parts = new ArrayList<>();
    if (!ExpressionEvaluator.append(value, text, parts)) {
      return value;
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  /** Adds everything assembled to {@code builder}, resolving AWS managed policies through the options. */
  void into(Account.Builder builder) {
    builder.id(options.accountId()).partition(options.partition()).region(options.region());
    for (Map.Entry<String, SourceLocation> use : awsManagedUses.entrySet()) {
      String arn = use.getKey();
      Optional<String> json = options.awsManagedPolicies().apply(arn);
      if (json.isEmpty()) {
        builder.unresolved(report.add(Unresolved.of(arn, use.getValue(),
            "AWS managed policy not found in the AWS managed policy data; check the name")));
        continue;
      }
      String name = arn.substring(arn.lastIndexOf('/') + 1);
      Policy policy = dev.iamunit.policy.PolicyParser.parse(json.get(), arn, PolicyKind.IDENTITY, name);
      managed.put(arn, new ManagedPolicy(arn, name, arn.substring(arn.indexOf(AWS_MANAGED) + AWS_MANAGED.length() - 1,
          arn.lastIndexOf('/') + 1), policy, true));
    }
    managed.values().forEach(builder::managedPolicy);
    for (Draft d : groups.values()) {
      builder.group(new Group(d.name, d.path, d.arn, d.inline, List.copyOf(d.managed), d.location));
    }
    for (Draft d : users.values()) {
      builder.user(new User(d.name, d.path, d.arn, d.tags, List.copyOf(d.groups), d.inline, List.copyOf(d.managed), d.boundary,
          d.location));
    }
    for (Draft d : roles.values()) {
      builder.role(new Role(d.name, d.path, d.arn, d.trust, d.tags, d.inline, List.copyOf(d.managed), d.boundary, d.location));
    }
    resourcePolicies.forEach(builder::resourcePolicy);
    for (Map.Entry<String, List<DocNode>> entry : lambdaStatements.entrySet()) {
      SourceLocation at = entry.getValue().get(0).location();
      DocObject document = new DocObject(List.of(
          new DocObject.Member("Version", at, DocScalar.string("2012-10-17", at)),
          new DocObject.Member("Statement", at, new DocArray(entry.getValue(), at))), at);
      Policy policy = PolicyText.parse(document, PolicyKind.RESOURCE, entry.getKey(), at, report, true);
      builder.resourcePolicy(entry.getKey(), record(at.address(), policy));
    }
    if (!scps.isEmpty() || !rcps.isEmpty()) {
      builder.organization(new Organization(scps.isEmpty() ? List.of() : List.of(scps), rcps.isEmpty() ? List.of() : List.of(rcps)));
    }
  }
}
