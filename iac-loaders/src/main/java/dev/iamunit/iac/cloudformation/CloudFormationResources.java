package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.AssemblyTarget;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.iac.internal.PrincipalKind;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps CloudFormation's (and SAM's) resource types onto the {@link AccountAssembler}: which
 * property names what. The rules (names, attachments, defaults) are the assembler's.
 */
final class CloudFormationResources {

  private static final Pattern QUEUE_URL = Pattern.compile("https://sqs\\.([^./]+)\\.[^/]+/([^/]+)/([^/]+)");

  /**
   * Types whose own property holds the resource policy of the resource itself, at the ARN
   * {@link ResourceValues#arn} forms (the property names of the CloudFormation resource reference).
   */
  private static final Map<String, String> OWN_POLICY = Map.ofEntries(
      Map.entry("AWS::S3::AccessPoint", "Policy"),
      Map.entry("AWS::S3Express::AccessPoint", "Policy"),
      Map.entry("AWS::ECR::Repository", "RepositoryPolicyText"),
      Map.entry("AWS::ApiGateway::RestApi", "Policy"),
      Map.entry("AWS::CodeArtifact::Domain", "PermissionsPolicyDocument"),
      Map.entry("AWS::CodeArtifact::Repository", "PermissionsPolicyDocument"),
      Map.entry("AWS::Backup::BackupVault", "AccessPolicy"),
      Map.entry("AWS::CloudTrail::Dashboard", "ResourcePolicy"),
      Map.entry("AWS::CloudTrail::EventDataStore", "ResourcePolicy"),
      Map.entry("AWS::EFS::FileSystem", "FileSystemPolicy"),
      Map.entry("AWS::OpenSearchService::Domain", "AccessPolicies"),
      Map.entry("AWS::Elasticsearch::Domain", "AccessPolicies"),
      Map.entry("AWS::Events::EventBus", "Policy"),
      Map.entry("AWS::SageMaker::ModelPackageGroup", "ModelPackageGroupPolicy"));

  /** Policy resources that name the resource they set the policy of by its ARN: type → [policy property, ARN property]. */
  private static final Map<String, List<String>> POLICY_OF_ARN = Map.of(
      "AWS::S3Tables::TableBucketPolicy", List.of("ResourcePolicy", "TableBucketARN"),
      "AWS::Kinesis::ResourcePolicy", List.of("ResourcePolicy", "ResourceArn"));

  /** SAM types whose policies go to the role SAM generates for them (a resource of type AWS::IAM::Role). */
  private static final Set<String> SAM_WITH_ROLE = Set.of("AWS::Serverless::Function", "AWS::Serverless::StateMachine");

  private final LoadOptions options;
  private final LoadReportBuilder report;
  private final AccountAssembler assembler;
  private final Stacks stacks = new Stacks();
  /** The file of each stack, to find the templates of its nested stacks beside it. */
  private final Map<Intrinsics, Path> files = new java.util.HashMap<>();

  CloudFormationResources(AccountAssembler assembler) {
    this.assembler = assembler;
    this.options = assembler.options();
    this.report = assembler.report();
  }

  /** A top-level stack; {@code stackOptions} are the load's, with the account and Region it deploys to. */
  void add(Template template, Path file, String stackName, LoadOptions stackOptions) {
    report.file(template.file());
    Intrinsics stack = new Intrinsics(template, stackOptions, stacks, Map.of(), null, new Intrinsics.Text(stackName, List.of()), List.of());
    stacks.add(stack);
    files.put(stack, file.toAbsolutePath().normalize());
  }

  /**
   * A stack given {@code parameters}, deployed with {@code stackOptions} (a stack set's instance in
   * its account: AWS::AccountId), that exists only if {@code existence} allow (empty: it does).
   */
  void add(Template template, Path file, String stackName, Map<String, DocNode> parameters, LoadOptions stackOptions,
      List<Unresolved> existence) {
    report.file(template.file());
    // The parameters are given as values: nothing to resolve them in.
    Intrinsics stack = new Intrinsics(template, stackOptions, stacks, parameters, java.util.function.UnaryOperator.identity(),
        new Intrinsics.Text(stackName, List.of()), existence);
    stacks.add(stack);
    files.put(stack, file.toAbsolutePath().normalize());
  }

  LoadReportBuilder report() {
    return report;
  }

  AccountAssembler assembler() {
    return assembler;
  }

  LoadOptions options() {
    return options;
  }

  /** Maps every stack's resources, then lets the assembler build the accounts of {@code target}. */
  LoadReport into(AssemblyTarget target) {
    map();
    return target.finish(assembler, report);
  }

  /** Maps every stack's resources (nested stacks and stack set instances in their target accounts included) onto the assembler. */
  void map() {
    List<Intrinsics> topLevel = List.copyOf(stacks.all());
    NestedStacks.load(stacks, files, options, report);
    leaveOutInputs(topLevel);
    // The stack sets of the stacks that remain name their templates.
    StackSetInstances.recordTemplateFiles(stacks, files, options.projectRoot(), report);
    leaveOutInputs(topLevel);
    List<Intrinsics> loaded = List.copyOf(stacks.all());
    for (Intrinsics stack : loaded) {
      placeIn(stack);
      for (Template.Resource r : stack.template().resources().values()) {
        if (exists(stack, r)) {
          map(stack, r);
        }
      }
    }
    // After the organization's OUs and accounts, through which a stack set's targets expand.
    for (Intrinsics stack : loaded) {
      placeIn(stack);
      for (Template.Resource r : stack.template().resources().values()) {
        if (r.type().equals("AWS::CloudFormation::StackSet") && exists(stack, r)) {
          StackSetInstances.load(stack, r, files.get(stack), this).forEach((account, instance) ->
              assembler.within(account, instance.options().region(), () -> instance.template().resources().values().stream()
                  .filter(child -> exists(instance, child)).forEach(child -> map(instance, child))));
        }
      }
    }
  }

  /**
   * Takes out of the load the top-level stacks whose template another template of this unit reads
   * (a nested stack's, a stack set's): such a file is that template's, not a stack of its own
   * ({@code TemplateInputs}). The templates of a unit load as one, so this is known only once they
   * are read, whichever of the two was given first.
   */
  private void leaveOutInputs(List<Intrinsics> topLevel) {
    topLevel.stream().filter(stack -> report.isInput(files.get(stack))).forEach(stacks::remove);
  }

  /**
   * What a stack declares goes to the account and region it deploys to: a CDK stack's {@code env}
   * (its manifest's {@code environment}), else the load's, as a Terraform resource's goes to its
   * provider's. An account whose stacks all deploy to one region has that region ({@code
   * Account.region}); a nested stack deploys where its parent does.
   */
  private void placeIn(Intrinsics stack) {
    assembler.placeIn(() -> stack.options().accountId(), () -> Optional.of(stack.options().region()));
  }

  private void map(Intrinsics stack, Template.Resource r) {
    switch (r.type()) {
      case "AWS::IAM::User" -> {
        AccountAssembler.Principal user = principal(stack, r, PrincipalKind.USER);
        names(stack, r, "Groups").forEach(user::memberOf);
      }
      case "AWS::IAM::Group" -> principal(stack, r, PrincipalKind.GROUP);
      case "AWS::IAM::Role" -> role(stack, r);
      case "AWS::IAM::ManagedPolicy" -> managedPolicy(stack, r);
      case "AWS::IAM::Policy" -> inlinePolicy(stack, r, r.property("PolicyDocument"), text(stack, r, "PolicyName")).ifPresent(
          p -> assembler.inline(p, r.logicalId(), r.location(), Map.of(PrincipalKind.USER, names(stack, r, "Users"),
              PrincipalKind.GROUP, names(stack, r, "Groups"), PrincipalKind.ROLE, names(stack, r, "Roles"))));
      case "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::IAM::RolePolicy" -> {
        String word = r.type().substring("AWS::IAM::".length(), r.type().length() - "Policy".length());
        PrincipalKind kind = PrincipalKind.valueOf(word.toUpperCase(Locale.ROOT));
        String target = text(stack, r, word + "Name");
        inlinePolicy(stack, r, r.property("PolicyDocument"), text(stack, r, "PolicyName"))
            .ifPresent(p -> assembler.inline(p, r.logicalId(), r.location(), Map.of(kind, List.of(target))));
      }
      case "AWS::IAM::UserToGroupAddition" -> {
        String group = text(stack, r, "GroupName");
        names(stack, r, "Users").forEach(n -> assembler.membership(n, group, r.logicalId(), r.location()));
      }
      case "AWS::S3::BucketPolicy" ->
          resourcePolicy(stack, r, List.of("arn:" + stack.options().partition() + ":s3:::" + text(stack, r, "Bucket")));
      case "AWS::SNS::TopicPolicy" -> resourcePolicy(stack, r, names(stack, r, "Topics"));
      case "AWS::SQS::QueuePolicy" -> resourcePolicy(stack, r, names(stack, r, "Queues").stream().map(u -> queueArn(u, r)).toList());
      case "AWS::KMS::Key" -> {
        Intrinsics.Text arn = Intrinsics.text(stack.resources().arn(r, r.location()));
        report.addAll(arn.parts());
        Optional<DocNode> keyPolicy = r.property("KeyPolicy");
        if (keyPolicy.isEmpty()) {
          assembler.kmsKey(arn.text(), r.logicalId(), r.location());
        } else {
          PolicyDocuments.read(stack.resolve(keyPolicy.get()), r.location(), PolicyKind.RESOURCE, r.logicalId(), report)
              .ifPresent(p -> assembler.resourcePolicy(arn.text(), p, r.logicalId(), r.location()));
        }
      }
      case "AWS::SecretsManager::ResourcePolicy" -> {
        String secret = text(stack, r, "SecretId");
        PolicyDocuments.read(r.property("ResourcePolicy").map(stack::resolve).orElse(null), r.location(), PolicyKind.RESOURCE,
            r.logicalId(), report).ifPresent(p -> assembler.resourcePolicy(secret, p, r.logicalId(), r.location()));
      }
      case "AWS::Lambda::Permission" -> lambdaPermission(stack, r);
      case "AWS::Lambda::LayerVersionPermission" -> layerVersionPermission(stack, r);
      case "AWS::Events::EventBusPolicy" -> eventBusPolicy(stack, r);
      case "AWS::S3::MultiRegionAccessPointPolicy" -> multiRegionAccessPointPolicy(stack, r);
      case "AWS::S3Express::BucketPolicy" -> resourcePolicy(stack, r, List.of("arn:" + stack.options().partition() + ":s3express:"
          + stack.options().region() + ":" + stack.options().accountId() + ":bucket/" + text(stack, r, "Bucket")));
      case "AWS::Logs::ResourcePolicy" -> logsResourcePolicy(stack, r);
      case "AWS::EC2::VPCEndpoint" -> {
        if (r.property("PolicyDocument").isPresent()) {
          Intrinsics.Text id = Intrinsics.text(stack.resources().ref(r, r.location()));
          report.addAll(id.parts());
          resourcePolicy(stack, r, List.of(ResourcePolicyOwner.vpcEndpointPolicy(stack.options().partition(), stack.options().region(), stack.options().accountId(),
              id.text())));
        }
      }
      case "AWS::ECR::RegistryPolicy" -> resourcePolicy(stack, r, "PolicyText",
          List.of(ResourcePolicyOwner.ecrRegistryPolicy(stack.options().partition(), stack.options().region(), stack.options().accountId())));
      case "AWS::Organizations::Policy" -> organizationPolicy(stack, r);
      case "AWS::Organizations::Organization" -> assembler.organization(
          key(stack.resources().getAtt(r, "RootId", r.location())), Optional.empty(), r.logicalId(), r.location());
      case "AWS::Organizations::OrganizationalUnit" -> assembler.organizationalUnit(key(stack.resources().ref(r, r.location())),
          r.property("Name").isPresent() ? text(stack, r, "Name") : r.logicalId(), key(r.property("ParentId").map(stack::resolve).orElse(null)),
          r.location());
      case "AWS::Organizations::Account" -> {
        List<String> parents = keys(r.property("ParentIds").map(stack::resolve).orElse(null));
        assembler.organizationAccount(key(stack.resources().ref(r, r.location())),
            r.property("AccountName").isPresent() ? text(stack, r, "AccountName") : r.logicalId(),
            parents.isEmpty() ? Optional.empty() : Optional.of(parents.get(0)), r.location());
      }
      case "AWS::CloudFormation::StackSet" -> {
        // Its template's resources are mapped once the organization is known (StackSetInstances).
      }
      case "AWS::SSO::PermissionSet" -> permissionSet(stack, r);
      case "AWS::SSO::InstanceAccessControlAttributeConfiguration" ->
          assembler.unmodelledAccessControlAttributes(r.type(), r.logicalId(), r.location());
      case "AWS::SSO::Assignment" -> assembler.accountAssignment(key(r.property("PermissionSetArn").map(stack::resolve).orElse(null)),
          text(stack, r, "TargetId"), "USER".equals(key(r.property("PrincipalType").map(stack::resolve).orElse(null)))
              ? AccountAssignment.PrincipalType.USER : AccountAssignment.PrincipalType.GROUP,
          key(r.property("PrincipalId").map(stack::resolve).orElse(null)), r.logicalId(), r.location());
      default -> {
        if (OWN_POLICY.containsKey(r.type())) {
          ownPolicy(stack, r, OWN_POLICY.get(r.type()));
        } else if (POLICY_OF_ARN.containsKey(r.type())) {
          List<String> properties = POLICY_OF_ARN.get(r.type());
          String arn = text(stack, r, properties.get(1));
          PolicyDocuments.read(r.property(properties.get(0)).map(stack::resolve).orElse(null), r.location(), PolicyKind.RESOURCE,
              r.logicalId(), report).ifPresent(p -> assembler.resourcePolicy(arn, p, r.logicalId(), r.location()));
        } else {
          unmodelled(stack, r);
        }
      }
    }
  }

  /**
   * The policy a resource holds in one of its own properties, at the resource's ARN. An ECR
   * repository policy has no Resource element: it applies to its repository
   * ({@link PolicyKind#SINGLE_RESOURCE}). An API Gateway policy may name its API's methods as
   * {@code execute-api:/stage/method/path}, which API Gateway expands to the method's ARN
   * ({@link PolicyDocuments#expandExecuteApi}).
   */
  private void ownPolicy(Intrinsics stack, Template.Resource r, String property) {
    if (r.property(property).isEmpty()) {
      return;
    }
    Intrinsics.Text arn = Intrinsics.text(stack.resources().arn(r, r.location()));
    report.addAll(arn.parts());
    DocNode document = stack.resolve(r.property(property).get());
    if (r.type().equals("AWS::ApiGateway::RestApi")) {
      document = PolicyDocuments.expandExecuteApi(document, arn.text(), arn.parts());
    }
    PolicyKind kind = r.type().equals("AWS::ECR::Repository") ? PolicyKind.SINGLE_RESOURCE : PolicyKind.RESOURCE;
    PolicyDocuments.read(document, r.location(), kind, r.logicalId(), report)
        .ifPresent(p -> assembler.resourcePolicy(arn.text(), p, r.logicalId(), r.location()));
  }

  /** A permission of a Lambda layer version: one statement of the layer version's policy. */
  private void layerVersionPermission(Intrinsics stack, Template.Resource r) {
    assembler.layerVersionPermission(text(stack, r, "LayerVersionArn"), r.logicalId(), scalar(stack, r, "Principal"),
        scalar(stack, r, "Action"), r.property("OrganizationId").map(org -> scalar(stack, r, "OrganizationId")), r.location());
  }

  /**
   * One statement of an event bus's policy (CloudFormation resource reference,
   * AWS::Events::EventBusPolicy): its {@code Statement}, or the older {@code Action}, {@code
   * Principal} and {@code Condition} properties, with {@code StatementId} as its Sid; the
   * statements of every EventBusPolicy of a bus make its one policy, at the bus's ARN.
   */
  private void eventBusPolicy(Intrinsics stack, Template.Resource r) {
    String bus = r.property("EventBusName").isPresent() ? text(stack, r, "EventBusName") : "default";
    String arn = bus.startsWith("arn:") ? bus
        : "arn:" + stack.options().partition() + ":events:" + stack.options().region() + ":" + stack.options().accountId() + ":event-bus/" + bus;
    SourceLocation at = r.location();
    List<DocObject.Member> members = new ArrayList<>();
    members.add(new DocObject.Member("Sid", at, scalar(stack, r, "StatementId")));
    DocNode written = r.property("Statement").map(stack::resolve).orElse(null);
    if (written instanceof DocObject statement) {
      statement.members().stream().filter(m -> !m.key().equals("Sid")).forEach(members::add);
    } else if (written instanceof DocUnresolved unknown) {
      // The statement cannot be known: the bus's policy is one that cannot be read.
      assembler.resourcePolicy(arn, PolicyDocuments.unknown(r.logicalId(), at, report.add(unknown.value())), r.logicalId(), at);
      return;
    } else if (written != null) {
      throw new dev.iamunit.iac.TemplateException("Statement of " + r.logicalId() + " must be one policy statement (a mapping), not "
          + written.describe(), written.location());
    } else {
      members.add(new DocObject.Member("Effect", at, DocScalar.string("Allow", at)));
      members.add(new DocObject.Member("Principal", at, new DocObject(List.of(new DocObject.Member("AWS", at,
          scalar(stack, r, "Principal"))), at)));
      members.add(new DocObject.Member("Action", at, scalar(stack, r, "Action")));
      members.add(new DocObject.Member("Resource", at, DocScalar.string(arn, at)));
      r.property("Condition").map(stack::resolve).ifPresent(condition -> members.add(new DocObject.Member("Condition", at,
          legacyCondition(condition, at))));
    }
    assembler.statement(arn, new DocObject(members, at));
  }

  /** The older EventBusPolicy Condition, {Type, Key, Value}, as a policy condition {Type: {Key: Value}}. */
  private static DocNode legacyCondition(DocNode condition, SourceLocation at) {
    if (condition instanceof DocObject c && c.member("Type").isPresent() && c.member("Key").isPresent() && c.member("Value").isPresent()
        && Intrinsics.text(c.member("Type").get().value()) != null && Intrinsics.text(c.member("Key").get().value()) != null) {
      return new DocObject(List.of(new DocObject.Member(Intrinsics.text(c.member("Type").get().value()).text(), at, new DocObject(List.of(
          new DocObject.Member(Intrinsics.text(c.member("Key").get().value()).text(), at, c.member("Value").get().value())), at))), at);
    }
    return condition;
  }

  /**
   * A Multi-Region Access Point's policy, at its ARN, which names the access point by the alias
   * S3 generates for it, not its name: "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap"
   * (Amazon S3 User Guide, "Multi-Region Access Point restrictions and limitations").
   */
  private void multiRegionAccessPointPolicy(Intrinsics stack, Template.Resource r) {
    resourcePolicy(stack, r, "Policy", List.of(assembler.multiRegionAccessPointArn(stack.options().partition(), stack.options().accountId(),
        text(stack, r, "MrapName"), r.logicalId(), r.location())));
  }

  /**
   * A CloudWatch Logs resource policy is not the policy of one resource: it applies to the log
   * groups of the account and Region that its statements name (CloudWatch Logs API Reference,
   * PutResourcePolicy). It is kept under its name ({@link ResourcePolicyOwner#logsResourcePolicy}),
   * where a request on a log group finds it with the account's others.
   */
  private void logsResourcePolicy(Intrinsics stack, Template.Resource r) {
    resourcePolicy(stack, r, List.of(ResourcePolicyOwner.logsResourcePolicy(stack.options().partition(), stack.options().region(), stack.options().accountId(),
        text(stack, r, "PolicyName"))));
  }

  /**
   * Whether the resource is created: its Condition is true, or cannot be known. Then it is loaded,
   * its statements applying only if it exists ("CloudFormation creates entities that are associated
   * with a true condition and ignores entities that are associated with a false condition",
   * CloudFormation User Guide, "Conditions syntax"), through {@link AccountAssembler#existenceUnknown}.
   */
  private boolean exists(Intrinsics stack, Template.Resource r) {
    // The role SAM generates is declared under its function's id, and exists with it.
    String address = r.generatedFor().isEmpty() ? r.logicalId() : r.generatedFor();
    if (isIam(r)) {
      // A resource of a nested stack that may not be created may not exist either.
      stack.existence().stream().filter(why -> uncertain.add(address + " " + why.placeholder()))
          .forEach(why -> assembler.existenceUnknown(address, why));
    }
    if (r.condition().isEmpty()) {
      return true;
    }
    Boolean value = stack.condition(r.condition().get(), r.location());
    if (value == null && isIam(r) && uncertain.add(address)) {
      assembler.existenceUnknown(address, stack.conditionUnknown(r));
    }
    return value == null || value;
  }

  /** Resources whose existence is already marked unknown (and why): exists() is asked once per pass. */
  private final java.util.Set<String> uncertain = new java.util.HashSet<>();

  private static boolean isIam(Template.Resource r) {
    return r.type().startsWith("AWS::IAM::") || r.type().startsWith("AWS::Serverless::") || r.type().endsWith("Policy")
        || r.type().equals("AWS::KMS::Key") || r.type().startsWith("AWS::Lambda::") && r.type().endsWith("Permission")
        || OWN_POLICY.containsKey(r.type());
  }

  private AccountAssembler.Principal principal(Intrinsics stack, Template.Resource r, PrincipalKind kind) {
    Intrinsics.Text name = stack.resources().name(r);
    report.addAll(name.parts());
    String path = stack.resources().path(r, "Path");
    String arn = Intrinsics.text(stack.resources().arn(r, r.location())).text();
    // A role SAM generates is known by the function or state machine it is generated for.
    String address = r.generatedFor().isEmpty() ? r.logicalId() : r.generatedFor();
    AccountAssembler.Principal principal = assembler.principal(kind, name.text(), path, arn, address, r.location());
    // A CDK app names the principal by its construct path, "Stack/Role/Resource" for the
    // CloudFormation resource of the L2 construct "Stack/Role": both find it (its logical id
    // carries a hash the CDK computes).
    r.metadata("aws:cdk:path").ifPresent(cdkPath -> {
      assembler.alias(kind, cdkPath, name.text());
      if (cdkPath.endsWith("/Resource")) {
        assembler.alias(kind, cdkPath.substring(0, cdkPath.length() - "/Resource".length()), name.text());
      }
    });
    r.property("Tags").map(stack::resolve).ifPresent(tags -> {
      if (tags instanceof DocArray array) {
        for (DocNode tag : array.items()) {
          if (tag instanceof DocObject t) {
            Intrinsics.Text key = t.member("Key").map(m -> Intrinsics.text(m.value())).orElse(null);
            Intrinsics.Text value = t.member("Value").map(m -> Intrinsics.text(m.value())).orElse(null);
            if (key != null && value != null) {
              report.addAll(key.parts());
              report.addAll(value.parts());
              principal.tag(key.text(), value.text());
            }
          }
        }
      }
    });
    r.property("PermissionsBoundary").map(stack::resolve).map(Intrinsics::text).ifPresent(boundary -> {
      report.addAll(boundary.parts());
      principal.boundary(boundary.text(), r.location());
    });
    policies(stack, r).forEach(principal::inline);
    names(stack, r, "ManagedPolicyArns").forEach(arn1 -> principal.attach(arn1, r.location()));
    return principal;
  }

  private void role(Intrinsics stack, Template.Resource r) {
    if (!r.generatedFor().isEmpty()) {
      SamFunctions.role(stack, r, this);
      return;
    }
    AccountAssembler.Principal role = principal(stack, r, PrincipalKind.ROLE);
    PolicyDocuments.read(r.property("AssumeRolePolicyDocument").map(stack::resolve).orElse(null), r.location(), PolicyKind.TRUST,
        r.logicalId(), report).ifPresent(role::trust);
  }

  /** The execution role SAM generates for a function, with what the function's properties ask for. */
  void samRole(Intrinsics stack, Template.Resource role, Optional<Policy> trust, List<SamFunctions.InlinePolicy> inlinePolicies,
      List<String> managedArns, Optional<String> boundary) {
    AccountAssembler.Principal draft = principal(stack, role, PrincipalKind.ROLE);
    trust.ifPresent(draft::trust);
    for (SamFunctions.InlinePolicy inline : inlinePolicies) {
      PolicyDocuments.read(inline.document(), role.location(), PolicyKind.IDENTITY, inline.name(), report).ifPresent(draft::inline);
    }
    managedArns.forEach(arn -> draft.attach(arn, role.location()));
    boundary.ifPresent(b -> draft.boundary(b, role.location()));
  }

  /**
   * The Policies property of users, groups and roles: named inline policies. An item whose
   * {@code Fn::If} condition cannot be computed (or the whole list, when it is one) is not
   * dropped: it is a policy that cannot be read, named by the policies it could be.
   */
  private List<Policy> policies(Intrinsics stack, Template.Resource r) {
    List<Policy> result = new ArrayList<>();
    Optional<DocNode> raw = r.property("Policies");
    if (raw.isEmpty()) {
      return result;
    }
    List<DocNode> items = raw.get() instanceof DocArray array ? array.items() : List.of(raw.get());
    for (DocNode rawItem : items) {
      DocNode resolved = stack.resolve(rawItem);
      List<DocNode> policies = resolved instanceof DocArray list && !(rawItem instanceof DocArray) ? list.items()
          : resolved == null ? List.of() : List.of(resolved);
      for (DocNode item : policies) {
        if (item instanceof DocObject policy) {
          Optional<DocNode> nameNode = policy.member("PolicyName").map(DocObject.Member::value);
          Intrinsics.Text name = nameNode.map(Intrinsics::text).orElse(null);
          String policyName = name == null ? r.logicalId() : name.text();
          PolicyDocuments.read(policy.member("PolicyDocument").map(DocObject.Member::value).orElse(null), policy.location(),
              PolicyKind.IDENTITY, policyName, report).ifPresent(result::add);
        } else if (item instanceof DocUnresolved unknown) {
          Unresolved why = conditional(unknown.value(), r.logicalId(), inlinePolicies(policyNames(rawItem)));
          result.add(PolicyDocuments.unknown(why.expression(), unknown.location(), why));
        }
      }
    }
    return result;
  }

  /**
   * A policy, or list of policies, whose presence or content cannot be computed: the unresolved
   * value restated so that it names the policy it stands for ({@code what}) and its owner.
   */
  Unresolved conditional(Unresolved value, String owner, String what) {
    return report.add(Unresolved.of(owner + " Policies: " + what, value.location(), what + " of " + owner + " cannot be known: "
        + value.display() + ", " + value.reason() + "; a decision it could change fails until the values it depends on are given"));
  }

  /** How messages name the inline policies an unresolved Policies item could be. */
  static String inlinePolicies(Set<String> names) {
    return names.isEmpty() ? "an inline policy" : "inline policy " + String.join(" or ", names);
  }

  /** The PolicyName values written anywhere in an unresolved Policies item, as written. */
  static Set<String> policyNames(DocNode node) {
    Set<String> names = new LinkedHashSet<>();
    collectNames(node, names);
    return names;
  }

  private static void collectNames(DocNode node, Set<String> names) {
    if (node instanceof DocObject object) {
      for (DocObject.Member m : object.members()) {
        if (m.key().equals("PolicyName") && m.value() instanceof DocScalar s) {
          names.add(s.text());
        } else {
          collectNames(m.value(), names);
        }
      }
    } else if (node instanceof DocArray array) {
      array.items().forEach(i -> collectNames(i, names));
    }
  }

  private void managedPolicy(Intrinsics stack, Template.Resource r) {
    Intrinsics.Text name = stack.resources().name(r);
    String path = stack.resources().path(r, "Path");
    Intrinsics.Text arn = Intrinsics.text(stack.resources().arn(r, r.location()));
    report.addAll(arn.parts());
    Optional<Policy> policy = PolicyDocuments.read(r.property("PolicyDocument").map(stack::resolve).orElse(null), r.location(),
        PolicyKind.IDENTITY, name.known() ? name.text() : r.logicalId(), report);
    assembler.managedPolicy(arn.text(), name.text(), path, policy, r.logicalId(), r.location());
    names(stack, r, "Users").forEach(n -> assembler.attach(PrincipalKind.USER, n, arn.text(), r.logicalId(), r.location(), r.location()));
    names(stack, r, "Groups").forEach(n -> assembler.attach(PrincipalKind.GROUP, n, arn.text(), r.logicalId(), r.location(), r.location()));
    names(stack, r, "Roles").forEach(n -> assembler.attach(PrincipalKind.ROLE, n, arn.text(), r.logicalId(), r.location(), r.location()));
  }

  private Optional<Policy> inlinePolicy(Intrinsics stack, Template.Resource r, Optional<DocNode> document, String name) {
    return PolicyDocuments.read(document.map(stack::resolve).orElse(null), r.location(), PolicyKind.IDENTITY, name, report);
  }

  private void resourcePolicy(Intrinsics stack, Template.Resource r, List<String> arns) {
    resourcePolicy(stack, r, "PolicyDocument", arns);
  }

  private void resourcePolicy(Intrinsics stack, Template.Resource r, String property, List<String> arns) {
    PolicyDocuments.read(r.property(property).map(stack::resolve).orElse(null), r.location(), PolicyKind.RESOURCE,
        r.logicalId(), report).ifPresent(p -> arns.forEach(arn -> assembler.resourcePolicy(arn, p, r.logicalId(), r.location())));
  }

  private String queueArn(String url, Template.Resource r) {
    Matcher m = QUEUE_URL.matcher(url);
    if (m.matches() && Partition.ofRegion(m.group(1)).isPresent()) {
      return "arn:" + Partition.of(m.group(1)).id() + ":sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3);
    }
    if (url.startsWith("arn:")) {
      return url;
    }
    return report.add(Unresolved.of(r.logicalId() + ".Queues", r.location(), "the queue URL " + Unresolved.replacePlaceholders(url, "<?>")
        + " does not name its region, account and queue")).placeholder();
  }

  private void lambdaPermission(Intrinsics stack, Template.Resource r) {
    String function = text(stack, r, "FunctionName");
    String arn = function.startsWith("arn:") ? function
        : "arn:" + stack.options().partition() + ":lambda:" + stack.options().region() + ":" + stack.options().accountId() + ":function:"
            + function;
    assembler.lambdaPermission(new AccountAssembler.LambdaPermission(arn, Optional.of(r.logicalId()), text(stack, r, "Principal"),
        scalar(stack, r, "Principal"), scalar(stack, r, "Action"),
        r.property("SourceArn").map(p -> scalar(stack, r, "SourceArn")), r.property("SourceAccount").map(p -> scalar(stack, r, "SourceAccount")),
        r.property("PrincipalOrgID").map(p -> scalar(stack, r, "PrincipalOrgID")), r.location()));
  }

  private void organizationPolicy(Intrinsics stack, Template.Resource r) {
    String type = text(stack, r, "Type");
    boolean rcp = type.equals("RESOURCE_CONTROL_POLICY");
    if (!rcp && !type.equals("SERVICE_CONTROL_POLICY")) {
      return; // tag, backup and AI opt-out policies are not IAM policies
    }
    String name = r.property("Name").isPresent() ? text(stack, r, "Name") : r.logicalId();
    PolicyKind kind = rcp ? PolicyKind.RESOURCE_CONTROL : PolicyKind.SERVICE_CONTROL;
    List<OrganizationTree.Target> targets =
        keys(r.property("TargetIds").map(stack::resolve).orElse(null)).stream().map(id -> new OrganizationTree.Target(id, r.location())).toList();
    PolicyDocuments.read(r.property("Content").map(stack::resolve).orElse(null), r.location(), kind, name, report)
        .ifPresent(p -> assembler.organizationPolicy(kind, p, r.logicalId(), key(stack.resources().ref(r, r.location())), targets));
  }

  /**
   * An IAM Identity Center permission set and what it holds (CloudFormation resource reference,
   * AWS::SSO::PermissionSet: InlinePolicy, ManagedPolicies, CustomerManagedPolicyReferences,
   * PermissionsBoundary); assignments name it by {@code Fn::GetAtt PermissionSetArn}, generated
   * by AWS. Its Identity Center instance is in the stack's region.
   */
  private void permissionSet(Intrinsics stack, Template.Resource r) {
    String key = key(stack.resources().getAtt(r, "PermissionSetArn", r.location()));
    assembler.permissionSet(key, text(stack, r, "Name"), options.region(), r.logicalId(), r.location());
    PolicyDocuments.read(r.property("InlinePolicy").map(stack::resolve).orElse(null), r.location(), PolicyKind.IDENTITY, r.logicalId(),
        report).ifPresent(p -> assembler.permissionSetInline(key, p, r.logicalId(), r.location()));
    names(stack, r, "ManagedPolicies").forEach(arn -> assembler.permissionSetManagedPolicy(key, arn, r.logicalId(), r.location()));
    if (r.property("CustomerManagedPolicyReferences").map(stack::resolve).orElse(null) instanceof DocArray references) {
      references.items().forEach(item -> customerManaged(item, r).ifPresent(c ->
          assembler.permissionSetCustomerManagedPolicy(key, c.name(), c.path(), r.logicalId(), c.location())));
    }
    if (r.property("PermissionsBoundary").map(stack::resolve).orElse(null) instanceof DocObject boundary) {
      boundary.member("ManagedPolicyArn").map(m -> Intrinsics.text(m.value())).ifPresent(arn -> {
        report.addAll(arn.parts());
        assembler.permissionSetBoundary(key, new PermissionSet.AwsManaged(arn.text(), boundary.location()), r.logicalId(), r.location());
      });
      boundary.member("CustomerManagedPolicyReference").flatMap(m -> customerManaged(m.value(), r))
          .ifPresent(c -> assembler.permissionSetBoundary(key, c, r.logicalId(), r.location()));
    }
  }

  /** A CustomerManagedPolicyReference, {Name, Path}: "The default is /". */
  private Optional<PermissionSet.CustomerManaged> customerManaged(DocNode node, Template.Resource r) {
    if (!(node instanceof DocObject reference)) {
      report.add(Unresolved.of(r.logicalId() + " CustomerManagedPolicyReference", node.location(),
          "a customer managed policy reference must be a mapping with Name and Path, not " + node.describe()));
      return Optional.empty();
    }
    Intrinsics.Text name = reference.member("Name").map(m -> Intrinsics.text(m.value())).orElse(null);
    Intrinsics.Text path = reference.member("Path").map(m -> Intrinsics.text(m.value())).orElse(new Intrinsics.Text("/", List.of()));
    if (name == null || path == null) {
      report.add(Unresolved.of(r.logicalId() + " CustomerManagedPolicyReference", reference.location(),
          "the customer managed policy reference has no Name (or a Name or Path that is not a string)"));
      return Optional.empty();
    }
    report.addAll(name.parts());
    report.addAll(path.parts());
    return Optional.of(new PermissionSet.CustomerManaged(name.text(), path.text(), reference.location()));
  }

  /**
   * An id of the organization (the root's, an OU's, an account's, a policy's) as the key its
   * references share: an id AWS generates is its placeholder, not reported, since it only names.
   */
  private static String key(DocNode value) {
    Intrinsics.Text text = value == null ? null : Intrinsics.text(value);
    return text == null ? "(not given)" : text.text();
  }

  private static List<String> keys(DocNode value) {
    if (value instanceof DocArray array) {
      return array.items().stream().map(CloudFormationResources::key).toList();
    }
    return value == null ? List.of() : List.of(key(value));
  }

  /**
   * A resource of a type this class does not map: when a property holds a policy document (a
   * mapping or JSON text with a {@code Statement}), it is reported, so that no policy vanishes
   * because IAMUnit does not know its resource type yet.
   */
  private void unmodelled(Intrinsics stack, Template.Resource r) {
    if (SAM_WITH_ROLE.contains(r.type())) {
      return; // their Policies are the generated role's, mapped with it
    }
    for (DocObject.Member property : r.properties().members()) {
      String lower = property.key().toLowerCase(Locale.ROOT);
      if (lower.contains("polic") && holdsPolicyDocument(property.value())) {
        assembler.unevaluatedResourcePolicy(r.type(), r.logicalId() + "." + property.key(), property.keyLocation());
      }
    }
  }

  /** Whether a property, as written, holds a policy document: an object with Statement anywhere inside (Fn::If branches too). */
  private static boolean holdsPolicyDocument(DocNode node) {
    if (node instanceof DocObject object) {
      if (object.member("Statement").isPresent()) {
        return true;
      }
      return object.members().stream().anyMatch(m -> holdsPolicyDocument(m.value()));
    }
    if (node instanceof DocArray array) {
      return array.items().stream().anyMatch(CloudFormationResources::holdsPolicyDocument);
    }
    return node instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING && s.text().contains("\"Statement\"");
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
    return DocScalar.string(text(stack, r, property), r.location());
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
}
