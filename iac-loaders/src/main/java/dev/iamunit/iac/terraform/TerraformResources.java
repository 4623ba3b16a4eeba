package dev.iamunit.iac.terraform;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.cloudformation.EmbeddedTemplates;
import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.iac.internal.StackSets;
import dev.iamunit.iac.internal.PrincipalKind;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps Terraform's AWS resource types (from sources or a plan) onto the {@link AccountAssembler}:
 * which argument names what. The rules (names, attachments, defaults) are the assembler's.
 */
final class TerraformResources {

  /**
   * The argument names the AWS provider gives an access policy ({@code policy}, {@code
   * access_policies}, {@code policy_document}...): a value of one that cannot be computed is
   * reported too. Other arguments named like a policy (a subscription's {@code filter_policy}, a
   * bucket's {@code block_public_policy}) are reported only when they hold a policy document.
   */
  private static final Set<String> ACCESS_POLICY_ARGUMENTS =
      Set.of("policy", "access_policy", "access_policies", "policy_document", "resource_policy", "inline_policy");

  private final LoadOptions options;
  private final LoadReportBuilder report;
  private final AccountAssembler assembler;

  TerraformResources(AccountAssembler assembler) {
    this.assembler = assembler;
    this.options = assembler.options();
    this.report = assembler.report();
  }

  void add(List<ResourceView> resources) {
    Map<String, ResourceView> stackSets = new LinkedHashMap<>();
    List<ResourceView> stackSetInstances = new ArrayList<>();
    for (ResourceView r : resources) {
      // "provider = aws.prod": what the resource declares lives in that provider's account; an
      // account IAMUnit cannot compute is unresolved in the resource's ARNs, and the resource stays
      // in the default account.
      assembler.placeIn(() -> r.provider(options).account() instanceof Value.Str s && s.known() ? s.text() : options.accountId(),
          () -> r.provider(options).region() instanceof Value.Str s && s.known() ? Optional.of(s.text()) : Optional.empty());
      switch (r.type()) {
        case "aws_cloudformation_stack_set" -> stackSets.put(text(r.get("name"), r.address()), r);
        case "aws_cloudformation_stack_set_instance" -> stackSetInstances.add(r);
        case "aws_iam_user" -> principal(PrincipalKind.USER, r);
        case "aws_iam_group" -> principal(PrincipalKind.GROUP, r);
        case "aws_iam_role" -> role(r);
        case "aws_iam_policy" -> managedPolicy(r);
        case "aws_iam_user_policy" -> inline(PrincipalKind.USER, r);
        case "aws_iam_group_policy" -> inline(PrincipalKind.GROUP, r);
        case "aws_iam_role_policy" -> inline(PrincipalKind.ROLE, r);
        case "aws_iam_user_policy_attachment" -> attach(PrincipalKind.USER, r.get("user"), r);
        case "aws_iam_group_policy_attachment" -> attach(PrincipalKind.GROUP, r.get("group"), r);
        case "aws_iam_role_policy_attachment" -> attach(PrincipalKind.ROLE, r.get("role"), r);
        case "aws_iam_policy_attachment" -> {
          each(r.get("users"), v -> attach(PrincipalKind.USER, v, r));
          each(r.get("groups"), v -> attach(PrincipalKind.GROUP, v, r));
          each(r.get("roles"), v -> attach(PrincipalKind.ROLE, v, r));
        }
        case "aws_iam_user_group_membership" -> {
          String user = name(r.get("user"), r, "user");
          each(r.get("groups"), g -> assembler.membership(user, name(g, r, "groups"), r.address(), r.location()));
        }
        case "aws_iam_group_membership" -> {
          String group = name(r.get("group"), r, "group");
          each(r.get("users"), u -> assembler.membership(name(u, r, "users"), group, r.address(), r.location()));
        }
        case "aws_s3_bucket_policy" -> resourcePolicy(r, concat("arn:" + partition(r) + ":s3:::", r.get("bucket")));
        case "aws_sns_topic_policy" -> resourcePolicy(r, r.get("arn"));
        case "aws_sqs_queue_policy" -> {
          Value url = r.get("queue_url");
          Optional<String> arn = url instanceof Value.Str s && s.known()
              ? ComputedAttributes.queueArnFromUrl(s.text()) : Optional.empty();
          resourcePolicy(r, arn.<Value>map(Value::of).orElse(url));
        }
        case "aws_kms_key", "aws_kms_external_key", "aws_kms_replica_key", "aws_kms_replica_external_key" -> {
          String arn = name(r.computed("arn", options), r, "arn");
          Value policy = r.get("policy");
          if (policy instanceof Value.Null) {
            assembler.kmsKey(arn, r.address(), r.location());
          } else {
            resourcePolicy(r, Value.of(arn), policy);
          }
        }
        case "aws_s3_bucket", "aws_sns_topic", "aws_sqs_queue", "aws_secretsmanager_secret" -> inlineResourcePolicy(r, "policy");
        case "aws_secretsmanager_secret_policy" -> resourcePolicy(r, r.get("secret_arn"));
        // The policy a resource carries in an argument of its own, at its own ARN.
        case "aws_opensearch_domain", "aws_elasticsearch_domain" -> inlineResourcePolicy(r, "access_policies");
        case "aws_glacier_vault" -> inlineResourcePolicy(r, "access_policy");
        case "aws_s3_access_point" -> inlineResourcePolicy(r, "policy");
        // A resource that sets another resource's policy, at that resource's ARN as AWS forms it.
        case "aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy" ->
            resourcePolicy(r, "access_policies", named(r, "es", "domain/", r.get("domain_name")));
        case "aws_backup_vault_policy" -> resourcePolicy(r, "policy", named(r, "backup", "backup-vault:", r.get("backup_vault_name")));
        case "aws_cloudwatch_event_bus_policy" -> resourcePolicy(r, "policy", named(r, "events", "event-bus/",
            r.get("event_bus_name") instanceof Value.Null ? Value.of("default") : r.get("event_bus_name")));
        case "aws_cloudwatch_log_destination_policy" ->
            resourcePolicy(r, "access_policy", named(r, "logs", "destination:", r.get("destination_name")));
        case "aws_codeartifact_domain_permissions_policy" -> resourcePolicy(r, "policy_document",
            concat(regionalArn(r, "codeartifact", owner(r)) + "domain/", r.get("domain")));
        case "aws_codeartifact_repository_permissions_policy" -> resourcePolicy(r, "policy_document",
            concat(regionalArn(r, "codeartifact", owner(r)) + "repository/", ComputedAttributes.join(r.get("domain"), "/", r.get("repository"))));
        case "aws_efs_file_system_policy" -> resourcePolicy(r, "policy", named(r, "elasticfilesystem", "file-system/", r.get("file_system_id")));
        case "aws_media_store_container_policy" -> resourcePolicy(r, "policy", named(r, "mediastore", "container/", r.get("container_name")));
        case "aws_ses_identity_policy" -> resourcePolicy(r, "policy", named(r, "ses", "identity/", r.get("identity")));
        case "aws_s3control_object_lambda_access_point_policy" ->
            resourcePolicy(r, "policy", named(r, "s3-object-lambda", "accesspoint/", r.get("name")));
        case "aws_glue_resource_policy" -> resourcePolicy(r, "policy", Value.of(regionalArn(r, "glue", account(r)) + "catalog"));
        case "aws_codebuild_resource_policy", "aws_networkfirewall_resource_policy" -> resourcePolicy(r, "policy", r.get("resource_arn"));
        case "aws_s3control_access_point_policy" -> resourcePolicy(r, "policy", r.get("access_point_arn"));
        case "aws_s3control_bucket_policy" -> resourcePolicy(r, "policy", r.get("bucket"));
        // Attaches what it lists (and detaches what it does not, which IAMUnit never sees).
        case "aws_iam_role_policy_attachments_exclusive" ->
            each(r.get("policy_arns"), arn -> attach(PrincipalKind.ROLE, r.get("role_name"), arn, r));
        case "aws_iam_user_policy_attachments_exclusive" ->
            each(r.get("policy_arns"), arn -> attach(PrincipalKind.USER, r.get("user_name"), arn, r));
        case "aws_iam_group_policy_attachments_exclusive" ->
            each(r.get("policy_arns"), arn -> attach(PrincipalKind.GROUP, r.get("group_name"), arn, r));
        case "aws_iam_role_policies_exclusive", "aws_iam_user_policies_exclusive", "aws_iam_group_policies_exclusive" -> {
          // Names the inline policies a principal keeps and deletes the others: it holds no policy
          // of its own, and the inline policies it keeps are the aws_iam_*_policy resources loaded.
        }
        // A repository policy has no Resource element: it applies to its repository, as CloudFormation's
        // AWS::ECR::Repository RepositoryPolicyText does.
        case "aws_ecr_repository_policy" -> singleResourcePolicy(r, "arn:" + partition(r) + ":ecr:" + region(r) + ":" + account(r)
            + ":repository/", r.get("repository"));
        case "aws_ecrpublic_repository_policy" -> singleResourcePolicy(r, "arn:" + partition(r) + ":ecr-public::" + account(r)
            + ":repository/", r.get("repository_name"));
        case "aws_api_gateway_rest_api" -> {
          Value policy = r.get("policy");
          if (writes(r, "policy", policy)) {
            restApiPolicy(r, r.computed("execution_arn", options), policy);
          }
        }
        case "aws_api_gateway_rest_api_policy" -> restApiPolicy(r, concat("arn:" + partition(r) + ":execute-api:" + region(r) + ":"
            + account(r) + ":", r.get("rest_api_id")), r.get("policy"));
        case "aws_kms_key_policy" -> resourcePolicy(r, Value.of(keyArn(name(r.get("key_id"), r, "key_id"), r)));
        case "aws_lambda_permission" -> lambdaPermission(r);
        case "aws_lambda_layer_version_permission" -> layerVersionPermission(r);
        case "aws_s3control_multi_region_access_point_policy" -> multiRegionAccessPointPolicy(r);
        // Policies that apply beyond one ARN, at the keys ResourcePolicyOwner finds them by.
        case "aws_ecr_registry_policy" ->
            resourcePolicy(r, "policy", Value.of(ResourcePolicyOwner.ecrRegistryPolicy(partition(r), region(r), account(r))));
        case "aws_cloudwatch_log_resource_policy" -> resourcePolicy(r, "policy_document", Value.of(
            ResourcePolicyOwner.logsResourcePolicy(partition(r), region(r), account(r), name(r.get("policy_name"), r, "policy_name"))));
        case "aws_glacier_vault_lock" -> resourcePolicy(r, "policy", Value.of(ResourcePolicyOwner.vaultLockPolicy(
            name(named(r, "glacier", "vaults/", r.get("vault_name")), r, "vault_name"))));
        case "aws_sagemaker_model_package_group_policy" -> resourcePolicy(r, "resource_policy",
            named(r, "sagemaker", "model-package-group/", r.get("model_package_group_name")));
        case "aws_s3tables_table_bucket_policy" -> resourcePolicy(r, "resource_policy", r.get("table_bucket_arn"));
        case "aws_vpc_endpoint" -> {
          Value policy = r.get("policy");
          if (writes(r, "policy", policy)) {
            Unresolved id = report.add(r.generated("id", "AWS generates the id (vpce-...) of the VPC endpoint when it creates it"));
            resourcePolicy(r, "policy", policy, Value.of(ResourcePolicyOwner.vpcEndpointPolicy(partition(r), region(r), account(r),
                id.placeholder())));
          }
        }
        case "aws_vpc_endpoint_policy" -> resourcePolicy(r, "policy", concat(ResourcePolicyOwner.vpcEndpointPolicy(partition(r), region(r),
            account(r), ""), r.get("vpc_endpoint_id")));
        case "aws_organizations_policy" -> organizationPolicy(r);
        case "aws_organizations_policy_attachment" ->
            assembler.organizationAttachment(key(r.get("policy_id")), key(r.get("target_id")), r.address(), r.location());
        case "aws_organizations_organization" -> assembler.organization(
            key(r.computed("roots", options)), policyTypes(r.get("enabled_policy_types")), r.address(), r.location());
        case "aws_organizations_organizational_unit" ->
            assembler.organizationalUnit(key(r.computed("id", options)), text(r.get("name"), r.address()), key(r.get("parent_id")),
                r.location());
        case "aws_organizations_account" -> assembler.organizationAccount(key(r.computed("id", options)), text(r.get("name"), r.address()),
            r.get("parent_id") instanceof Value.Null ? Optional.empty() : Optional.of(key(r.get("parent_id"))), r.location());
        case "aws_ssoadmin_permission_set" ->
            assembler.permissionSet(key(r.computed("arn", options)), name(r.get("name"), r, "name"), region(r), r.address(), r.location());
        case "aws_ssoadmin_permission_set_inline_policy" -> PolicyText.parse(r.get("inline_policy"), r.locationOf("inline_policy"),
            PolicyKind.IDENTITY, r.address(), report).ifPresent(p -> assembler.permissionSetInline(permissionSet(r), p, r.address(), r.location()));
        case "aws_ssoadmin_managed_policy_attachment" -> assembler.permissionSetManagedPolicy(permissionSet(r),
            name(r.get("managed_policy_arn"), r, "managed_policy_arn"), r.address(), r.locationOf("managed_policy_arn"));
        case "aws_ssoadmin_customer_managed_policy_attachment" -> r.blocks("customer_managed_policy_reference").forEach(ref ->
            assembler.permissionSetCustomerManagedPolicy(permissionSet(r), name(ref.get("name"), r, "customer_managed_policy_reference.name"),
                path(ref), r.address(), ref.location()));
        case "aws_ssoadmin_permissions_boundary_attachment" -> r.blocks("permissions_boundary").forEach(b -> permissionsBoundary(r, b));
        case "aws_ssoadmin_account_assignment" -> assembler.accountAssignment(permissionSet(r), name(r.get("target_id"), r, "target_id"),
            "USER".equals(text(r.get("principal_type"), "")) ? AccountAssignment.PrincipalType.USER : AccountAssignment.PrincipalType.GROUP,
            key(r.get("principal_id")), r.address(), r.location());
        case "aws_ssoadmin_instance_access_control_attributes" -> assembler.unmodelledAccessControlAttributes(r.type(), r.address(), r.location());
        default -> unmodelled(r);
      }
    }
    // After the organization's OUs and accounts, through which their targets expand.
    stackSets.forEach((name, set) -> stackSet(set, stackSetInstances.stream()
        .filter(i -> text(i.get("stack_set_name"), "").equals(name)).toList()));
  }

  /**
   * A stack set and its instances (AWS provider: aws_cloudformation_stack_set_instance "account_id -
   * (Optional) Target AWS Account ID to create a Stack based on the StackSet. Defaults to current
   * account", or a deployment_targets block for a service-managed one); its template_body is
   * loaded as a stack of every account an instance targets. Its resources there exist only if the
   * stack set does and an instance targeting that account does (an unknown {@code count} or {@code
   * for_each}): they carry that uncertainty, as the stack set's own statements would.
   */
  private void stackSet(ResourceView set, List<ResourceView> instances) {
    boolean serviceManaged = "SERVICE_MANAGED".equals(text(set.get("permission_model"), ""));
    List<StackSets.DeploymentTargets> groups = new ArrayList<>();
    // Why it is unknown whether the instance of each group exists, and the region it deploys to, by group.
    List<List<Unresolved>> groupExistence = new ArrayList<>();
    List<String> groupRegion = new ArrayList<>();
    for (ResourceView instance : instances) {
      if (!(instance.get("parameter_overrides") instanceof Value.Null)) {
        report.add(Unresolved.of(instance.address() + ".parameter_overrides", instance.locationOf("parameter_overrides"),
            StackSets.OVERRIDES_NOT_APPLIED));
      }
      List<ResourceView> blocks = instance.blocks("deployment_targets");
      if (blocks.isEmpty()) {
        Value account = instance.get("account_id");
        groups.add(new StackSets.DeploymentTargets(List.of(account instanceof Value.Null ? account(instance)
            : name(account, instance, "account_id")), List.of(), Optional.empty(), instance.location()));
        groupExistence.add(instance.existence());
        groupRegion.add(instanceRegion(instance));
      }
      for (ResourceView targets : blocks) {
        List<String> accounts = new ArrayList<>();
        each(targets.get("accounts"), a -> accounts.add(name(a, instance, "deployment_targets.accounts")));
        List<String> units = new ArrayList<>();
        each(targets.get("organizational_unit_ids"), u -> units.add(key(u)));
        Value filter = targets.get("account_filter_type");
        groups.add(new StackSets.DeploymentTargets(accounts, units,
            filter instanceof Value.Str f && f.known() ? Optional.of(f.text()) : Optional.empty(), instance.location()));
        groupExistence.add(instance.existence());
        groupRegion.add(instanceRegion(instance));
      }
    }
    List<String> targets = StackSets.deployedTo(set.address(), set.location(), assembler.stackSetTargets(serviceManaged, groups), report);
    if (targets.isEmpty()) {
      return;
    }
    Value body = set.get("template_body");
    if (!(body instanceof Value.Str text) || !text.known()) {
      report.add(Unresolved.of(set.address() + ".template_body", set.location(), "the template of stack set " + set.address()
          + (body instanceof Value.Null ? " is not in the configuration (template_url names one IAMUnit does not fetch)" : " cannot be computed")
          + ", so its resources are not loaded; give template_body (file(\"template.yaml\") reads a local one)"));
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (set.get("parameters") instanceof Value.Obj given) {
      given.members().forEach((k, v) -> parameters.put(k, name(v, set, "parameters." + k)));
    }
    SourceLocation at = set.locationOf("template_body");
    for (String account : targets) {
      List<Unresolved> existence = new ArrayList<>(set.existence());
      List<List<Unresolved>> targeting = new ArrayList<>();
      Set<String> regions = new LinkedHashSet<>();
      for (int i = 0; i < groups.size(); i++) {
        if (assembler.stackSetTargets(serviceManaged, List.of(groups.get(i))).includes(account)) {
          targeting.add(groupExistence.get(i));
          regions.add(groupRegion.get(i));
        }
      }
      // Instances in several regions: the template is loaded once, in the load's region (IAM names are global).
      String region = regions.size() == 1 ? regions.iterator().next() : options.region();
      // An instance that certainly exists makes the stack there certain; else it exists if any does, each one's values named.
      if (targeting.stream().noneMatch(List::isEmpty)) {
        targeting.forEach(existence::addAll);
      }
      assembler.within(account, region, () -> EmbeddedTemplates.map(assembler, account, region, text.text(),
          at.file() + " (" + set.address() + ".template_body)",
          options.projectRoot().resolve(at.file()).getParent(), "StackSet-" + text(set.get("name"), set.address()), parameters,
          List.copyOf(existence), at));
    }
  }

  /**
   * The region a stack instance deploys to: its {@code region} ("Target AWS Region to create a Stack
   * based on the StackSet. Defaults to current region", AWS provider,
   * aws_cloudformation_stack_set_instance), else its provider's; the load's when neither is known.
   */
  private String instanceRegion(ResourceView instance) {
    boolean own = !(instance.get("region") instanceof Value.Null);
    Value given = own ? instance.get("region") : instance.provider(options).region();
    if (own && given instanceof Value.Str s && s.known() && Partition.ofRegion(s.text()).isEmpty()) {
      // The provider's own region is checked where the provider is read (AwsProvider).
      report.problem(instance.locationOf("region"), instance.address() + ".region: " + Partition.unknownRegion(s.text())
          + "; the stack instance is loaded in the load's region " + options.region());
      return options.region();
    }
    return given instanceof Value.Str s && s.known() && Partition.ofRegion(s.text()).isPresent() ? s.text() : options.region();
  }

  /**
   * The permission set an IAM Identity Center resource names by {@code permission_set_arn}: the
   * ARN AWS generates, which only identifies it (as the instance ARN and Identity Store ids do),
   * so its placeholder is the key and is not reported.
   */
  private static String permissionSet(ResourceView r) {
    return key(r.get("permission_set_arn"));
  }

  /** A {@code customer_managed_policy_reference} block's path: "Defaults to /". */
  private String path(ResourceView reference) {
    return reference.get("path") instanceof Value.Null ? "/" : name(reference.get("path"), reference, "path");
  }

  /** One {@code permissions_boundary} block: an AWS managed policy by ARN, or a customer managed one by name and path. */
  private void permissionsBoundary(ResourceView r, ResourceView boundary) {
    Value arn = boundary.get("managed_policy_arn");
    if (!(arn instanceof Value.Null)) {
      assembler.permissionSetBoundary(permissionSet(r), new PermissionSet.AwsManaged(name(arn, r, "managed_policy_arn"),
          boundary.locationOf("managed_policy_arn")), r.address(), r.location());
    }
    for (ResourceView ref : boundary.blocks("customer_managed_policy_reference")) {
      assembler.permissionSetBoundary(permissionSet(r), new PermissionSet.CustomerManaged(name(ref.get("name"), r,
          "customer_managed_policy_reference.name"), path(ref), ref.location()), r.address(), r.location());
    }
  }

  /** A key id or key ARN as the key's ARN, a key id naming a key of the resource's provider. */
  private String keyArn(String idOrArn, ResourceView r) {
    return idOrArn.startsWith("arn:") ? idOrArn : "arn:" + partition(r) + ":kms:" + region(r) + ":" + account(r) + ":key/" + idOrArn;
  }

  // The partition, account and region of the provider configuration a resource uses (provider =
  // aws.alias, or what its module is given): the ARNs this class writes for it are in them, never
  // in the load options' defaults when the provider names others. A part IAMUnit cannot compute (a
  // region from an unset variable) is its placeholder, reported when an ARN uses it.

  private String partition(ResourceView r) {
    return name(r.provider(options).partition(), r, "the provider's partition");
  }

  private String account(ResourceView r) {
    return name(r.provider(options).account(), r, "the provider's account");
  }

  private String region(ResourceView r) {
    return name(r.provider(options).region(), r, "the provider's region");
  }

  private AccountAssembler.Principal principal(PrincipalKind kind, ResourceView r) {
    String name = name(r.iamName(), r, "name");
    String path = r.get("path") instanceof Value.Str p && p.known() ? p.text() : "/";
    String arn = "arn:" + partition(r) + ":iam::" + account(r) + ":" + kind.word() + path + name;
    AccountAssembler.Principal principal = assembler.principal(kind, name, path, arn, r.address(), r.location());
    if (r.get("tags") instanceof Value.Obj tags) {
      tags.members().forEach((k, v) -> principal.tag(k, v instanceof Value.Str s ? s.text() : String.valueOf(v)));
    }
    Value boundary = r.get("permissions_boundary");
    if (!(boundary instanceof Value.Null)) {
      principal.boundary(name(boundary, r, "permissions_boundary"), r.locationOf("permissions_boundary"));
    }
    return principal;
  }

  private void role(ResourceView r) {
    AccountAssembler.Principal role = principal(PrincipalKind.ROLE, r);
    Value trust = r.get("assume_role_policy");
    if (trust instanceof Value.Str s && s.known() && s.text().isBlank()) {
      // The provider validates it as JSON before planning (Terraform 1.11, AWS provider 5.100:
      // "\"assume_role_policy\" is an empty string, which is not a valid JSON value").
      report.problem(r.locationOf("assume_role_policy"), r.address() + ".assume_role_policy is an empty string, which is not a valid"
          + " JSON value; Terraform refuses to plan it: give the role's trust policy");
    }
    PolicyText.parse(trust, r.locationOf("assume_role_policy"), PolicyKind.TRUST, r.address() + ".assume_role_policy", report)
        .ifPresent(role::trust);
    for (ResourceView inline : r.blocks("inline_policy")) {
      Value name = inline.get("name");
      PolicyText.parse(inline.get("policy"), inline.locationOf("policy"), PolicyKind.IDENTITY,
          name instanceof Value.Str s ? s.text() : r.address() + ".inline_policy", report).ifPresent(role::inline);
    }
    each(r.get("managed_policy_arns"), arn -> role.attach(name(arn, r, "managed_policy_arns"), r.locationOf("managed_policy_arns")));
  }

  private void managedPolicy(ResourceView r) {
    String name = name(r.iamName(), r, "name");
    String path = r.get("path") instanceof Value.Str p && p.known() ? p.text() : "/";
    String arn = "arn:" + partition(r) + ":iam::" + account(r) + ":policy" + path + name;
    Optional<Policy> policy = PolicyText.parse(r.get("policy"), r.locationOf("policy"), PolicyKind.IDENTITY, name, report);
    assembler.managedPolicy(arn, name, path, policy, r.address(), r.location());
  }

  private void inline(PrincipalKind kind, ResourceView r) {
    String target = name(r.get(kind.word()), r, kind.word());
    Value name = r.get("name");
    String policyName = name instanceof Value.Str s && s.known() ? s.text() : r.address();
    PolicyText.parse(r.get("policy"), r.locationOf("policy"), PolicyKind.IDENTITY, policyName, report)
        .ifPresent(p -> assembler.inline(p, r.address(), r.location(), Map.of(kind, List.of(target))));
  }

  private void attach(PrincipalKind kind, Value principal, ResourceView r) {
    attach(kind, principal, r.get("policy_arn"), r);
  }

  private void attach(PrincipalKind kind, Value principal, Value policyArn, ResourceView r) {
    String target = name(principal, r, kind.word());
    String argument = r.argumentNames().contains("policy_arns") ? "policy_arns" : "policy_arn";
    assembler.attach(kind, target, name(policyArn, r, argument), r.address(), r.location(), r.locationOf(argument));
  }

  /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:} of the partition and region of {@code r}'s provider. */
  private String regionalArn(ResourceView r, String service, String account) {
    return "arn:" + partition(r) + ":" + service + ":" + region(r) + ":" + account + ":";
  }

  /**
   * The ARN of a resource of this account named by {@code value}, in the format the Service
   * Authorization Reference gives its type ({@code resource} before the name), or the value itself
   * when it is already an ARN.
   */
  private Value named(ResourceView r, String service, String resource, Value value) {
    if (value instanceof Value.Str s && s.text().startsWith("arn:")) {
      return value;
    }
    return concat(regionalArn(r, service, account(r)) + resource, value);
  }

  /** A CodeArtifact domain's owner: given, else this account ("domain_owner - ... Defaults to the caller's account ID"). */
  private String owner(ResourceView r) {
    return r.get("domain_owner") instanceof Value.Null ? account(r) : name(r.get("domain_owner"), r, "domain_owner");
  }

  private void resourcePolicy(ResourceView r, Value arnValue) {
    resourcePolicy(r, arnValue, r.get("policy"));
  }

  private void resourcePolicy(ResourceView r, Value arnValue, Value policy) {
    resourcePolicy(r, "policy", policy, arnValue);
  }

  /** The policy in {@code argument} as the resource policy of {@code arnValue}. */
  private void resourcePolicy(ResourceView r, String argument, Value arnValue) {
    resourcePolicy(r, argument, r.get(argument), arnValue);
  }

  private void resourcePolicy(ResourceView r, String argument, Value policy, Value arnValue) {
    resourcePolicy(r, argument, policy, arnValue, PolicyKind.RESOURCE);
  }

  private void resourcePolicy(ResourceView r, String argument, Value policy, Value arnValue, PolicyKind kind) {
    String arn = name(arnValue, r, "the resource ARN");
    PolicyText.parse(policy, r.locationOf(argument), kind, r.address(), report)
        .ifPresent(p -> assembler.resourcePolicy(arn, p, r.address(), r.location()));
  }

  /** A REST API's {@code policy} at the API's execution ARN, its {@code execute-api:/...} shorthand expanded as API Gateway does. */
  private void restApiPolicy(ResourceView r, Value apiArnValue, Value policy) {
    String api = name(apiArnValue, r, "the REST API's execution ARN");
    List<Unresolved> parts = apiArnValue instanceof Value.Str s ? s.parts()
        : apiArnValue instanceof Value.Unknown u ? List.of(u.unresolved()) : List.of();
    PolicyText.parse(policy, r.locationOf("policy"), PolicyKind.RESOURCE, r.address(), report,
        document -> PolicyDocuments.expandExecuteApi(document, api, parts))
        .ifPresent(p -> assembler.resourcePolicy(api, p, r.address(), r.location()));
  }

  /** The {@code policy} of the one resource {@code prefix + name} (or the ARN {@code name} holds), which may leave out Resource. */
  private void singleResourcePolicy(ResourceView r, String prefix, Value name) {
    Value arn = name instanceof Value.Str s && s.text().startsWith("arn:") ? name : concat(prefix, name);
    resourcePolicy(r, "policy", r.get("policy"), arn, PolicyKind.SINGLE_RESOURCE);
  }

  /**
   * The policy argument a bucket, topic, queue, domain, vault or access point may carry itself,
   * beside the resource that sets it separately. In a plan, an unknown one is the provider's computed value, not a
   * policy the configuration gives: only a policy written is read.
   */
  private void inlineResourcePolicy(ResourceView r, String argument) {
    Value policy = r.get(argument);
    if (writes(r, argument, policy)) {
      resourcePolicy(r, argument, policy, r.computed("arn", options));
    }
  }

  /**
   * Whether the configuration writes {@code policy}, the value of {@code argument} (a plan's unknown
   * value it does not write is the provider's). The value is read once: reading reports what it
   * cannot compute.
   */
  private static boolean writes(ResourceView r, String argument, Value policy) {
    return !(policy instanceof Value.Null || policy instanceof Value.Str s && s.text().isBlank()
        || policy instanceof Value.Unknown && !r.argumentNames().contains(argument));
  }

  private void lambdaPermission(ResourceView r) {
    String name = name(r.get("function_name"), r, "function_name");
    String arn = name.startsWith("arn:") ? name : "arn:" + partition(r) + ":lambda:" + region(r) + ":" + account(r) + ":function:" + name;
    if (r.get("qualifier") instanceof Value.Str q) {
      arn = arn + ":" + q.text();
    }
    SourceLocation at = r.location();
    Optional<String> sid = r.get("statement_id") instanceof Value.Str s && s.known() ? Optional.of(s.text()) : Optional.empty();
    assembler.lambdaPermission(new AccountAssembler.LambdaPermission(arn, sid, name(r.get("principal"), r, "principal"),
        JsonValues.document(r.get("principal"), at), JsonValues.document(r.get("action"), at), optional(r.get("source_arn"), at),
        optional(r.get("source_account"), at), optional(r.get("principal_org_id"), at), at));
  }

  /**
   * One statement of the layer version's policy. {@code layer_name} is a name or an ARN ("Name or
   * ARN of the Lambda layer"); the layer version's ARN ends in {@code :version_number}.
   */
  private void layerVersionPermission(ResourceView r) {
    String layer = name(r.get("layer_name"), r, "layer_name");
    String arn = (layer.startsWith("arn:") ? layer : "arn:" + partition(r) + ":lambda:" + region(r) + ":" + account(r) + ":layer:" + layer)
        + ":" + name(r.get("version_number"), r, "version_number");
    SourceLocation at = r.location();
    assembler.layerVersionPermission(arn, name(r.get("statement_id"), r, "statement_id"), JsonValues.document(r.get("principal"), at),
        JsonValues.document(r.get("action"), at), optional(r.get("organization_id"), at), at);
  }

  /**
   * A Multi-Region Access Point's policy ({@code details { name, policy }}), at the ARN that names
   * the access point by the alias S3 generates ({@link AccountAssembler#multiRegionAccessPointArn}),
   * in the account {@code account_id} names, else the provider's.
   */
  private void multiRegionAccessPointPolicy(ResourceView r) {
    String account = r.get("account_id") instanceof Value.Null ? account(r) : name(r.get("account_id"), r, "account_id");
    for (ResourceView details : r.blocks("details")) {
      String arn = assembler.multiRegionAccessPointArn(partition(r), account, name(details.get("name"), r, "details.name"), r.address(),
          r.location());
      PolicyText.parse(details.get("policy"), details.locationOf("policy"), PolicyKind.RESOURCE, r.address(), report)
          .ifPresent(p -> assembler.resourcePolicy(arn, p, r.address(), r.location()));
    }
  }

  private static Optional<DocNode> optional(Value value, SourceLocation at) {
    return value instanceof Value.Null ? Optional.empty() : Optional.of(JsonValues.document(value, at));
  }

  private void organizationPolicy(ResourceView r) {
    Value type = r.get("type");
    boolean rcp = type instanceof Value.Str t && t.text().equals("RESOURCE_CONTROL_POLICY");
    if (type instanceof Value.Str t && !t.text().equals("SERVICE_CONTROL_POLICY") && !rcp) {
      return; // tag, backup and AI opt-out policies are not IAM policies
    }
    PolicyKind kind = rcp ? PolicyKind.RESOURCE_CONTROL : PolicyKind.SERVICE_CONTROL;
    Value name = r.get("name");
    PolicyText.parse(r.get("content"), r.locationOf("content"), kind, name instanceof Value.Str s && s.known() ? s.text() : r.address(),
        report).ifPresent(p -> assembler.organizationPolicy(kind, p, r.address(), Optional.of(key(r.computed("id", options)))));
  }

  /**
   * {@code enabled_policy_types} as a set, empty when it cannot be computed. The provider reads
   * the types as the root's; {@code roots[0].id} is the unknown of {@code roots}, whose reads stay
   * that one unknown.
   */
  private static Optional<Set<String>> policyTypes(Value types) {
    if (types instanceof Value.Null) {
      return Optional.of(Set.of());
    }
    if (!(types instanceof Value.Tuple tuple)) {
      return Optional.empty();
    }
    java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
    for (Value item : tuple.items()) {
      if (!(item instanceof Value.Str s) || !s.known()) {
        return Optional.empty();
      }
      set.add(s.text());
    }
    return Optional.of(set);
  }

  /** A display name: the text given, else the address. */
  private static String text(Value value, String address) {
    return value instanceof Value.Str s && s.known() ? s.text() : address;
  }

  /**
   * A resource of a type this class does not map: when an argument holds a policy document (or an
   * argument named like a policy cannot be computed), it is reported, so that no policy vanishes
   * because IAMUnit does not know its resource type yet.
   */
  private void unmodelled(ResourceView r) {
    for (String argument : r.argumentNames()) {
      String lower = argument.toLowerCase(Locale.ROOT);
      if (!lower.contains("polic")) {
        continue;
      }
      Value value = r.get(argument);
      boolean unknownPolicy = value instanceof Value.Unknown && ACCESS_POLICY_ARGUMENTS.contains(lower);
      if (unknownPolicy || isPolicyDocument(value)) {
        assembler.unevaluatedResourcePolicy(r.type(), r.address() + "." + argument, r.locationOf(argument));
      }
    }
  }

  /** Whether a value is JSON with a {@code Statement}: what every IAM policy language document has. */
  static boolean isPolicyDocument(Value value) {
    if (!(value instanceof Value.Str s)) {
      return false;
    }
    DocNode document = s.document().orElse(null);
    if (document == null && s.text().strip().startsWith("{")) {
      try {
        document = JsonDocuments.read(s.text(), SourceLocation.UNKNOWN);
      } catch (RuntimeException notJson) {
        return s.text().contains("\"Statement\"");
      }
    }
    return document instanceof DocObject o && o.member("Statement").isPresent();
  }

  private static String key(Value value) {
    if (value instanceof Value.Str s) {
      return s.text();
    } else if (value instanceof Value.Unknown u) {
      return u.unresolved().placeholder();
    }
    return String.valueOf(value);
  }

  /** A name or ARN as text; unknown parts stay placeholders, and are reported. */
  private String name(Value value, ResourceView r, String what) {
    if (value instanceof Value.Str s) {
      s.parts().forEach(report::add);
      return s.text();
    } else if (value instanceof Value.Unknown u) {
      report.add(u.unresolved());
      return u.unresolved().placeholder();
    } else if (value instanceof Value.Num n) {
      return n.toString();
    }
    Unresolved generated = report.add(Unresolved.of(r.address() + "." + what, r.location(),
        value instanceof Value.Null ? "not set: AWS generates it or it comes from elsewhere" : what + " is " + Value.typeName(value)));
    return generated.placeholder();
  }

  private static void each(Value value, Consumer<Value> action) {
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

}
