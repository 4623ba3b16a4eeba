package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.internal.StackSets;
import dev.iamunit.model.Unresolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AWS::CloudFormation::StackSet}: the same template in every target account (CloudFormation
 * resource reference: {@code TemplateBody} or {@code TemplateURL}, {@code Parameters}, {@code
 * StackInstancesGroup} with {@code DeploymentTargets} and {@code Regions}, {@code PermissionModel}).
 * The targets are {@link StackSets#targets}; the template is loaded as a stack of every target
 * account (its AWS::AccountId that account's), and a target that cannot be told is reported as not
 * evaluated. A stack set that exists only if a Condition holds (or in a nested stack that may not be
 * created) gives its instances' resources the same uncertainty.
 */
final class StackSetInstances {

  private StackSetInstances() {}

  /** The stack instance in each account the stack set deploys to, by account id, when its template can be read. */
  static Map<String, Intrinsics> load(Intrinsics stack, Template.Resource r, Path file, CloudFormationResources resources) {
    LoadReportBuilder report = resources.report();
    boolean serviceManaged = text(stack, r.property("PermissionModel").orElse(null), report).map("SERVICE_MANAGED"::equals).orElse(false);
    List<StackSets.DeploymentTargets> groups = new ArrayList<>();
    Set<String> regions = new LinkedHashSet<>();
    for (DocNode item : items(r.property("StackInstancesGroup").map(stack::resolve).orElse(null))) {
      if (item instanceof DocObject group) {
        group.member("ParameterOverrides").ifPresent(m -> report.add(Unresolved.of(r.logicalId() + " ParameterOverrides", m.keyLocation(),
            StackSets.OVERRIDES_NOT_APPLIED)));
        DocObject targets = group.member("DeploymentTargets").map(DocObject.Member::value).orElse(null) instanceof DocObject t ? t : null;
        groups.add(new StackSets.DeploymentTargets(texts(stack, targets, "Accounts", report), texts(stack, targets, "OrganizationalUnitIds", report),
            targets == null ? Optional.empty() : targets.member("AccountFilterType").flatMap(m -> text(stack, m.value(), report)),
            group.location()));
        regions.addAll(texts(stack, group, "Regions", report));
      }
    }
    StackSets.Targets targets = resources.assembler().stackSetTargets(serviceManaged, groups);
    List<String> accounts = StackSets.deployedTo(r.logicalId(), r.location(), targets, report);
    if (accounts.isEmpty()) {
      return Map.of();
    }
    // Deployed to one region, the template is loaded in it (AWS::Region, the ARNs of its regional
    // resources, the account's region); to several, once, in the loaded region.
    String region = regions.size() == 1 ? regions.iterator().next() : resources.options().region();
    if (Partition.ofRegion(region).isEmpty()) {
      report.problem(r.location(), "stack set " + r.logicalId() + " deploys to " + Partition.unknownRegion(region)
          + "; its instances are not loaded");
      return Map.of();
    }
    if (regions.size() > 1 && !regions.contains(region)) {
      report.add(Unresolved.of(r.logicalId() + " Regions", r.location(), "stack set " + r.logicalId() + " deploys to " + String.join(", ",
          regions) + ", not the loaded region " + region + "; IAMUnit loads its template once, in the loaded "
          + "region: IAM names are global, but ARNs of regional resources name " + region));
    }
    return template(stack, r, file, resources).map(template -> {
      report.file(template.file());
      Map<String, DocNode> passed = new LinkedHashMap<>();
      for (DocNode p : items(r.property("Parameters").map(stack::resolve).orElse(null))) {
        if (p instanceof DocObject parameter && parameter.member("ParameterKey").isPresent() && parameter.member("ParameterValue").isPresent()) {
          Intrinsics.Text key = Intrinsics.text(parameter.member("ParameterKey").get().value());
          if (key != null) {
            passed.put(key.text(), parameter.member("ParameterValue").get().value());
          }
        }
      }
      passed.keySet().removeIf(key -> !template.parameters().containsKey(key));
      // "StackSet-<stack set name>-<id>" names each instance's stack.
      Unresolved id = Unresolved.of(r.logicalId() + " stack instance name", r.location(), "CloudFormation generates the name of the "
          + "stack of each instance of stack set " + r.logicalId());
      Map<String, Intrinsics> instances = new LinkedHashMap<>();
      // Each instance's AWS::AccountId is its own account's; its resources exist only if the stack set does.
      List<Unresolved> existence = stack.existenceOf(r);
      LoadOptions inRegion = resources.options().withRegion(region);
      accounts.forEach(account -> instances.put(account, new Intrinsics(template, inRegion.withAccountId(account), stack.stacks(),
          passed, stack::resolve, new Intrinsics.Text("StackSet-" + r.logicalId() + "-" + id.placeholder(), List.of(id)), existence)));
      return instances;
    }).orElse(Map.of());
  }

  /** The template: {@code TemplateBody}, or a local file {@code TemplateURL} names; else reported. */
  private static Optional<Template> template(Intrinsics stack, Template.Resource r, Path file, CloudFormationResources resources) {
    LoadReportBuilder report = resources.report();
    Optional<DocNode> body = r.property("TemplateBody").map(stack::resolve);
    if (body.isPresent()) {
      Intrinsics.Text text = Intrinsics.text(body.get());
      if (text == null || !text.known()) {
        report.add(Unresolved.of(r.logicalId() + ".TemplateBody", r.location(), "the template of stack set " + r.logicalId()
            + " cannot be computed, so its resources are not loaded"));
        return Optional.empty();
      }
      return Optional.of(Template.read(text.text(), stack.template().file() + " (" + r.logicalId() + ".TemplateBody)"));
    }
    Optional<String> url = text(stack, r.property("TemplateURL").orElse(null), report);
    Path root = resources.options().projectRoot().toAbsolutePath().normalize();
    Path local = url.map(u -> localPath(u, file)).orElse(null);
    if (!readable(local, root)) {
      report.add(Unresolved.of(r.logicalId() + ".TemplateURL", r.location(), "the template of stack set " + r.logicalId()
          + (url.isEmpty() ? " is not given" : " is at " + url.get() + ", which " + (local == null ? "IAMUnit does not fetch"
              : local.startsWith(root) ? "does not exist" : "is outside the project, which IAMUnit does not read"))
          + "; give TemplateBody, or a TemplateURL that is the template's local path, to load its resources"));
      return Optional.empty();
    }
    String name = CloudFormationLoader.displayName(local, root);
    return Optional.of(Template.read(SourceText.read(local, name, "CloudFormation", Long.MAX_VALUE), name));
  }

  /**
   * Records the file each loaded stack set names as its local template as an input of the load
   * ({@link LoadReportBuilder#input}): the file is that stack set's template, deployed as its
   * instances in its target accounts, not a stack of the loaded account besides (as a nested
   * stack's template is its parent's, {@link NestedStacks}). Whether the stack set itself is
   * created does not matter: either way, nothing deploys the file as a stack.
   */
  static void recordTemplateFiles(Stacks stacks, Map<Intrinsics, Path> files, Path projectRoot, LoadReportBuilder report) {
    Path root = projectRoot.toAbsolutePath().normalize();
    for (Intrinsics stack : stacks.all()) {
      for (Template.Resource r : stack.template().resources().values()) {
        if (r.type().equals("AWS::CloudFormation::StackSet") && r.property("TemplateBody").isEmpty() && files.containsKey(stack)) {
          Intrinsics.Text url = r.property("TemplateURL").map(u -> Intrinsics.text(stack.resolve(u))).orElse(null);
          Path local = url == null || !url.known() ? null : localPath(url.text(), files.get(stack));
          if (readable(local, root)) {
            report.input(local);
          }
        }
      }
    }
  }

  /** The file a TemplateURL names beside {@code file}, or null for a URL (https://, s3://), which IAMUnit does not fetch. */
  private static Path localPath(String url, Path file) {
    return url.contains("://") || url.startsWith("s3:") ? null : file.resolveSibling(url).toAbsolutePath().normalize();
  }

  private static boolean readable(Path local, Path root) {
    return local != null && local.startsWith(root) && Files.isRegularFile(local);
  }

  private static List<DocNode> items(DocNode node) {
    return node instanceof DocArray array ? array.items() : node == null ? List.of() : List.of(node);
  }

  private static List<String> texts(Intrinsics stack, DocObject object, String member, LoadReportBuilder report) {
    if (object == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    object.member(member).ifPresent(m -> items(stack.resolve(m.value())).forEach(v -> text(stack, v, report).ifPresent(result::add)));
    return result;
  }

  private static Optional<String> text(Intrinsics stack, DocNode node, LoadReportBuilder report) {
    Intrinsics.Text text = node == null ? null : Intrinsics.text(stack.resolve(node));
    if (text == null) {
      return Optional.empty();
    }
    report.addAll(text.parts());
    return Optional.of(text.text());
  }
}
