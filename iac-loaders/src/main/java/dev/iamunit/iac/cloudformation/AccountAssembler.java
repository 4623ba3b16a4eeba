package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
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
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the IAM resources of one or more stacks into the account model. */
final class AccountAssembler {

  static final String AWS_MANAGED = ":iam::aws:policy/";

  private static final Pattern QUEUE_URL = Pattern.compile("https://sqs\\.([^./]+)\\.[^/]+/([^/]+)/([^/]+)");

  private final LoadOptions options;
  private final Report report;
  private final List<Intrinsics> stacks = new ArrayList<>();
  private final Map<String, Draft> users = new LinkedHashMap<>();
  private final Map<String, Draft> groups = new LinkedHashMap<>();
  private final Map<String, Draft> roles = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> managed = new LinkedHashMap<>();
  private final Map<String, SourceLocation> managedAt = new LinkedHashMap<>();
  private final Map<String, SourceLocation> awsManagedUses = new LinkedHashMap<>();
  private final Map<String, Policy> resourcePolicies = new LinkedHashMap<>();
  private final Map<String, List<DocNode>> lambdaStatements = new LinkedHashMap<>();
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

  void add(Template template) {
    report.file(template.file());
    stacks.add(new Intrinsics(template, options));
  }

  /** Principals and managed policies of every stack first, so that attachments may cross stacks. */
  void into(Account.Builder builder) {
    for (Intrinsics stack : stacks) {
      for (Template.Resource r : stack.template().resources().values()) {
        if (!exists(stack, r)) {
          continue;
        }
        switch (r.type()) {
          case "AWS::IAM::User" -> user(stack, r);
          case "AWS::IAM::Group" -> principal(stack, r, groups, "group");
          case "AWS::IAM::Role" -> role(stack, r);
          case "AWS::IAM::ManagedPolicy" -> managedPolicy(stack, r);
          default -> {}
        }
      }
    }
    for (Intrinsics stack : stacks) {
      for (Template.Resource r : stack.template().resources().values()) {
        if (!exists(stack, r)) {
          continue;
        }
        switch (r.type()) {
          case "AWS::IAM::Policy" -> {
            Optional<Policy> policy = inlinePolicy(stack, r, r.property("PolicyDocument"), text(stack, r, "PolicyName"));
            policy.ifPresent(p -> {
              names(stack, r, "Users").forEach(n -> find(users, n, r, "user").ifPresent(d -> d.inline.add(p)));
              names(stack, r, "Groups").forEach(n -> find(groups, n, r, "group").ifPresent(d -> d.inline.add(p)));
              names(stack, r, "Roles").forEach(n -> find(roles, n, r, "role").ifPresent(d -> d.inline.add(p)));
            });
          }
          case "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::IAM::RolePolicy" -> {
            String kind = r.type().substring("AWS::IAM::".length(), r.type().length() - "Policy".length());
            Map<String, Draft> into = kind.equals("User") ? users : kind.equals("Group") ? groups : roles;
            Optional<Policy> policy = inlinePolicy(stack, r, r.property("PolicyDocument"), text(stack, r, "PolicyName"));
            String target = text(stack, r, kind + "Name");
            policy.ifPresent(p -> find(into, target, r, kind.toLowerCase(java.util.Locale.ROOT)).ifPresent(d -> d.inline.add(p)));
          }
          case "AWS::IAM::UserToGroupAddition" -> {
            String group = text(stack, r, "GroupName");
            names(stack, r, "Users").forEach(n -> find(users, n, r, "user").ifPresent(d -> d.groups.add(group)));
          }
          case "AWS::S3::BucketPolicy" ->
              resourcePolicy(stack, r, List.of("arn:" + options.partition() + ":s3:::" + text(stack, r, "Bucket")));
          case "AWS::SNS::TopicPolicy" -> resourcePolicy(stack, r, names(stack, r, "Topics"));
          case "AWS::SQS::QueuePolicy" -> resourcePolicy(stack, r, names(stack, r, "Queues").stream().map(u -> queueArn(u, r)).toList());
          case "AWS::KMS::Key" -> {
            DocNode arn = stack.resources().arn(r, r.location());
            Intrinsics.Text text = Intrinsics.text(arn);
            PolicyDocuments.parse(r.property("KeyPolicy").map(stack::resolve).orElse(null), r.location(), PolicyKind.RESOURCE,
                r.logicalId(), r.logicalId(), report).ifPresent(p -> {
                  report.addAll(text.parts());
                  putResourcePolicy(text.text(), p, r);
                });
          }
          case "AWS::Lambda::Permission" -> lambdaPermission(stack, r);
          case "AWS::Organizations::Policy" -> organizationPolicy(stack, r);
          default -> {}
        }
      }
    }
    build(builder);
  }

  /** Whether the resource is created: its Condition is true, or cannot be known (then it is kept and reported). */
  private boolean exists(Intrinsics stack, Template.Resource r) {
    if (r.condition().isEmpty()) {
      return true;
    }
    Boolean value = stack.condition(r.condition().get(), r.location());
    if (value == null && isIam(r)) {
      report.add(Unresolved.of("Condition " + r.condition().get(), r.location(),
          r.logicalId() + " exists only if condition " + r.condition().get() + " holds, which cannot be computed; it is loaded"));
    }
    return value == null || value;
  }

  private static boolean isIam(Template.Resource r) {
    return r.type().startsWith("AWS::IAM::") || r.type().startsWith("AWS::Serverless::") || r.type().endsWith("Policy")
        || r.type().equals("AWS::KMS::Key") || r.type().equals("AWS::Lambda::Permission");
  }

  private Draft principal(Intrinsics stack, Template.Resource r, Map<String, Draft> into, String kind) {
    Draft draft = new Draft();
    Intrinsics.Text name = stack.resources().name(r);
    report.addAll(name.parts());
    draft.name = name.text();
    draft.path = stack.resources().path(r, "Path");
    draft.arn = Intrinsics.text(stack.resources().arn(r, r.location())).text();
    draft.location = r.location();
    Draft earlier = into.putIfAbsent(draft.name, draft);
    if (earlier != null) {
      throw new TemplateException(kind + " \"" + draft.name + "\" is declared twice: at " + earlier.location + " and at " + r.location()
          + "; IAM names are unique in an account", r.location());
    }
    r.property("Tags").map(stack::resolve).ifPresent(tags -> {
      if (tags instanceof DocArray array) {
        for (DocNode tag : array.items()) {
          if (tag instanceof DocObject t) {
            Intrinsics.Text key = t.member("Key").map(m -> Intrinsics.text(m.value())).orElse(null);
            Intrinsics.Text value = t.member("Value").map(m -> Intrinsics.text(m.value())).orElse(null);
            if (key != null && value != null) {
              report.addAll(key.parts());
              report.addAll(value.parts());
              draft.tags.put(key.text(), value.text());
            }
          }
        }
      }
    });
    r.property("PermissionsBoundary").map(stack::resolve).map(Intrinsics::text).ifPresent(boundary -> {
      report.addAll(boundary.parts());
      draft.boundary = Optional.of(boundary.text());
      noteAwsManaged(boundary.text(), r.location());
    });
    policies(stack, r, draft);
    names(stack, r, "ManagedPolicyArns").forEach(arn -> {
      draft.managed.add(arn);
      noteAwsManaged(arn, r.location());
    });
    return draft;
  }

  private void user(Intrinsics stack, Template.Resource r) {
    Draft user = principal(stack, r, users, "user");
    user.groups.addAll(names(stack, r, "Groups"));
  }

  private void role(Intrinsics stack, Template.Resource r) {
    if (!r.generatedFor().isEmpty()) {
      SamFunctions.role(stack, r, this);
      return;
    }
    Draft role = principal(stack, r, roles, "role");
    role.trust = PolicyDocuments.parse(r.property("AssumeRolePolicyDocument").map(stack::resolve).orElse(null), r.location(),
        PolicyKind.TRUST, r.logicalId(), r.logicalId(), report);
  }

  /** The execution role SAM generates for a function, with what the function's properties ask for. */
  void samRole(Intrinsics stack, Template.Resource role, Optional<Policy> trust, List<SamFunctions.InlinePolicy> inlinePolicies,
      List<String> managedArns, Optional<String> boundary) {
    Draft draft = principal(stack, role, roles, "role");
    draft.trust = trust;
    for (SamFunctions.InlinePolicy inline : inlinePolicies) {
      PolicyDocuments.parse(inline.document(), role.location(), PolicyKind.IDENTITY, inline.name(), role.generatedFor(), report)
          .ifPresent(draft.inline::add);
    }
    managedArns.forEach(arn -> {
      draft.managed.add(arn);
      noteAwsManaged(arn, role.location());
    });
    boundary.ifPresent(b -> {
      draft.boundary = Optional.of(b);
      noteAwsManaged(b, role.location());
    });
  }

  Report report() {
    return report;
  }

  /** The Policies property of users, groups and roles: named inline policies. */
  private void policies(Intrinsics stack, Template.Resource r, Draft draft) {
    DocNode policies = r.property("Policies").map(stack::resolve).orElse(null);
    if (policies instanceof DocArray array) {
      for (DocNode item : array.items()) {
        if (item instanceof DocObject policy) {
          Optional<DocNode> nameNode = policy.member("PolicyName").map(DocObject.Member::value);
          Intrinsics.Text name = nameNode.map(Intrinsics::text).orElse(null);
          String policyName = name == null ? r.logicalId() : name.text();
          PolicyDocuments.parse(policy.member("PolicyDocument").map(DocObject.Member::value).orElse(null), policy.location(),
              PolicyKind.IDENTITY, policyName, r.logicalId(), report).ifPresent(draft.inline::add);
        }
      }
    }
  }

  private void managedPolicy(Intrinsics stack, Template.Resource r) {
    Intrinsics.Text name = stack.resources().name(r);
    String path = stack.resources().path(r, "Path");
    Intrinsics.Text arn = Intrinsics.text(stack.resources().arn(r, r.location()));
    report.addAll(arn.parts());
    SourceLocation earlier = managedAt.putIfAbsent(arn.text(), r.location());
    if (earlier != null) {
      throw new TemplateException("managed policy \"" + name.text() + "\" is declared twice: at " + earlier + " and at " + r.location()
          + "; IAM names are unique in an account", r.location());
    }
    Optional<Policy> policy = PolicyDocuments.parse(r.property("PolicyDocument").map(stack::resolve).orElse(null), r.location(),
        PolicyKind.IDENTITY, name.known() ? name.text() : r.logicalId(), r.logicalId(), report);
    policy.ifPresent(p -> managed.put(arn.text(), new ManagedPolicy(arn.text(), name.text(), path, p, false)));
    // Attachments written on the policy: resolved after every principal is known.
    pendingAttachments.add(() -> {
      names(stack, r, "Users").forEach(n -> find(users, n, r, "user").ifPresent(d -> d.managed.add(arn.text())));
      names(stack, r, "Groups").forEach(n -> find(groups, n, r, "group").ifPresent(d -> d.managed.add(arn.text())));
      names(stack, r, "Roles").forEach(n -> find(roles, n, r, "role").ifPresent(d -> d.managed.add(arn.text())));
    });
  }

  private final List<Runnable> pendingAttachments = new ArrayList<>();

  private Optional<Policy> inlinePolicy(Intrinsics stack, Template.Resource r, Optional<DocNode> document, String name) {
    return PolicyDocuments.parse(document.map(stack::resolve).orElse(null), r.location(), PolicyKind.IDENTITY, name, r.logicalId(), report);
  }

  private void resourcePolicy(Intrinsics stack, Template.Resource r, List<String> arns) {
    PolicyDocuments.parse(r.property("PolicyDocument").map(stack::resolve).orElse(null), r.location(), PolicyKind.RESOURCE,
        r.logicalId(), r.logicalId(), report).ifPresent(p -> arns.forEach(arn -> putResourcePolicy(arn, p, r)));
  }

  /**
   * A bucket, queue, topic or key has one resource policy. When two resources set it, CloudFormation
   * accepts the template and the policy applied last wins, in an order the template does not fix:
   * the first is kept and the conflict is reported as a value IAMUnit cannot know.
   */
  private void putResourcePolicy(String arn, Policy policy, Template.Resource r) {
    SourceLocation earlier = resourcePolicyAt.putIfAbsent(arn, r.location());
    if (earlier == null) {
      resourcePolicies.put(arn, policy);
      return;
    }
    report.add(Unresolved.of(r.logicalId() + " policy of " + Unresolved.replacePlaceholders(arn, "<?>"), r.location(),
        "the resource at " + earlier + " sets the policy of the same resource; which one applies depends on the order "
            + "CloudFormation applies them, and IAMUnit keeps the first: merge the statements into one policy"));
  }

  private final Map<String, SourceLocation> resourcePolicyAt = new LinkedHashMap<>();

  private String queueArn(String url, Template.Resource r) {
    Matcher m = QUEUE_URL.matcher(url);
    if (m.matches()) {
      return "arn:" + options.partition() + ":sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3);
    }
    if (url.startsWith("arn:")) {
      return url;
    }
    return report.add(Unresolved.of(r.logicalId() + ".Queues", r.location(), "the queue URL " + Unresolved.replacePlaceholders(url, "<?>")
        + " does not name its region, account and queue")).placeholder();
  }

  /** AWS::Lambda::Permission: one statement of the function's resource policy, as Lambda writes it. */
  private void lambdaPermission(Intrinsics stack, Template.Resource r) {
    String function = text(stack, r, "FunctionName");
    String arn = function.startsWith("arn:") ? function
        : "arn:" + options.partition() + ":lambda:" + options.region() + ":" + options.accountId() + ":function:" + function;
    SourceLocation at = r.location();
    String principal = text(stack, r, "Principal");
    List<DocObject.Member> members = new ArrayList<>();
    members.add(new DocObject.Member("Sid", at, DocScalar.string(r.logicalId(), at)));
    members.add(new DocObject.Member("Effect", at, DocScalar.string("Allow", at)));
    String type = principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn") ? "Service" : "AWS";
    members.add(new DocObject.Member("Principal", at, new DocObject(List.of(new DocObject.Member(type, at, scalar(stack, r, "Principal"))), at)));
    members.add(new DocObject.Member("Action", at, scalar(stack, r, "Action")));
    members.add(new DocObject.Member("Resource", at, DocScalar.string(arn, at)));
    List<DocObject.Member> conditions = new ArrayList<>();
    if (r.property("SourceArn").isPresent()) {
      conditions.add(new DocObject.Member("ArnLike", at, new DocObject(List.of(
          new DocObject.Member("AWS:SourceArn", at, scalar(stack, r, "SourceArn"))), at)));
    }
    if (r.property("SourceAccount").isPresent()) {
      conditions.add(new DocObject.Member("StringEquals", at, new DocObject(List.of(
          new DocObject.Member("AWS:SourceAccount", at, scalar(stack, r, "SourceAccount"))), at)));
    }
    if (!conditions.isEmpty()) {
      members.add(new DocObject.Member("Condition", at, new DocObject(conditions, at)));
    }
    lambdaStatements.computeIfAbsent(arn, k -> new ArrayList<>()).add(new DocObject(members, at));
  }

  private void organizationPolicy(Intrinsics stack, Template.Resource r) {
    String type = text(stack, r, "Type");
    boolean rcp = type.equals("RESOURCE_CONTROL_POLICY");
    if (!rcp && !type.equals("SERVICE_CONTROL_POLICY")) {
      return; // tag, backup and AI opt-out policies are not IAM policies
    }
    String name = r.property("Name").isPresent() ? text(stack, r, "Name") : r.logicalId();
    PolicyDocuments.parse(r.property("Content").map(stack::resolve).orElse(null), r.location(),
        rcp ? PolicyKind.RESOURCE_CONTROL : PolicyKind.SERVICE_CONTROL, name, r.logicalId(), report)
        .ifPresent(p -> (rcp ? rcps : scps).add(p));
  }

  /** A property as text; unknown parts stay placeholders, and are reported. */
  private String text(Intrinsics stack, Template.Resource r, String property) {
    DocNode value = r.property(property).map(stack::resolve).orElse(null);
    Intrinsics.Text text = value == null ? null : Intrinsics.text(value);
    if (text == null) {
      return report.add(Unresolved.of(r.logicalId() + "." + property, r.location(),
          value == null ? property + " is not set" : property + " must be a string, not " + value.describe())).placeholder();
    }
    report.addAll(text.parts());
    return text.text();
  }

  private DocNode scalar(Intrinsics stack, Template.Resource r, String property) {
    String text = text(stack, r, property);
    return DocScalar.string(text, r.location());
  }

  /** A list property of names or ARNs. */
  private List<String> names(Intrinsics stack, Template.Resource r, String property) {
    DocNode value = r.property(property).map(stack::resolve).orElse(null);
    List<String> result = new ArrayList<>();
    Consumer<DocNode> one = item -> {
      Intrinsics.Text text = Intrinsics.text(item);
      if (text != null) {
        report.addAll(text.parts());
        result.add(text.text());
      }
    };
    if (value instanceof DocArray array) {
      array.items().forEach(one);
    } else if (value != null) {
      one.accept(value);
    }
    return result;
  }

  /** The principal a name (or ARN) refers to; empty (reported) when no loaded stack declares it. */
  private Optional<Draft> find(Map<String, Draft> principals, String name, Template.Resource r, String kind) {
    int slash = name.lastIndexOf('/');
    String simple = name.startsWith("arn:") && slash >= 0 ? name.substring(slash + 1) : name;
    Draft draft = principals.get(simple);
    if (draft == null) {
      report.add(Unresolved.of(r.logicalId(), r.location(), "refers to " + kind + " \"" + Unresolved.replacePlaceholders(name, "<?>")
          + "\", which the loaded templates do not declare"));
    }
    return Optional.ofNullable(draft);
  }

  void noteAwsManaged(String arn, SourceLocation at) {
    if (arn.contains(AWS_MANAGED)) {
      awsManagedUses.putIfAbsent(arn, at);
    }
  }

  /**
   * A builder may already hold principals from other sources (Terraform, an earlier load): IAM
   * names are unique in an account, so a second declaration is a mistake, not an override.
   */
  private void rejectNamesTheBuilderHas(Account.Builder builder) {
    for (Draft user : users.values()) {
      builder.user(user.name).ifPresent(other -> duplicate("user", user, other.location()));
    }
    for (Draft group : groups.values()) {
      builder.group(group.name).ifPresent(other -> duplicate("group", group, other.location()));
    }
    for (Draft role : roles.values()) {
      builder.role(role.name).ifPresent(other -> duplicate("role", role, other.location()));
    }
  }

  private static void duplicate(String kind, Draft draft, SourceLocation other) {
    throw new TemplateException(kind + " \"" + draft.name + "\" is declared twice: at " + other + " and at " + draft.location
        + "; IAM names are unique in an account", draft.location);
  }

  private void build(Account.Builder builder) {
    pendingAttachments.forEach(Runnable::run);
    builder.id(options.accountId()).partition(options.partition()).region(options.region());
    for (Map.Entry<String, SourceLocation> use : awsManagedUses.entrySet()) {
      String arn = use.getKey();
      Optional<String> json = options.awsManagedPolicies().apply(arn);
      if (json.isEmpty()) {
        // Reported once; CloudFormationLoader.loadInto copies the report's unresolved values into the builder.
        report.add(Unresolved.of(arn, use.getValue(), "AWS managed policy not found in the AWS managed policy data; check the name"));
        continue;
      }
      String name = arn.substring(arn.lastIndexOf('/') + 1);
      Policy policy = PolicyParser.parse(json.get(), arn, PolicyKind.IDENTITY, name);
      managed.put(arn, new ManagedPolicy(arn, name, arn.substring(arn.indexOf(AWS_MANAGED) + AWS_MANAGED.length() - 1,
          arn.lastIndexOf('/') + 1), policy, true));
    }
    managed.values().forEach(builder::managedPolicy);
    rejectNamesTheBuilderHas(builder);
    groups.values().forEach(d -> builder.group(new Group(d.name, d.path, d.arn, d.inline, List.copyOf(d.managed), d.location)));
    users.values().forEach(d -> builder.user(new User(d.name, d.path, d.arn, d.tags, List.copyOf(d.groups), d.inline,
        List.copyOf(d.managed), d.boundary, d.location)));
    roles.values().forEach(d -> builder.role(new Role(d.name, d.path, d.arn, d.trust, d.tags, d.inline, List.copyOf(d.managed),
        d.boundary, d.location)));
    resourcePolicies.forEach(builder::resourcePolicy);
    for (Map.Entry<String, List<DocNode>> entry : lambdaStatements.entrySet()) {
      SourceLocation at = entry.getValue().get(0).location();
      DocObject document = new DocObject(List.of(
          new DocObject.Member("Version", at, DocScalar.string("2012-10-17", at)),
          new DocObject.Member("Statement", at, new DocArray(entry.getValue(), at))), at);
      PolicyDocuments.parse(document, at, PolicyKind.RESOURCE, entry.getKey(), at.address(), report)
          .ifPresent(p -> builder.resourcePolicy(entry.getKey(), p));
    }
    if (!scps.isEmpty() || !rcps.isEmpty()) {
      builder.organization(new Organization(scps.isEmpty() ? List.of() : List.of(scps), rcps.isEmpty() ? List.of() : List.of(rcps)));
    }
  }
}
