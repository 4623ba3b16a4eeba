package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The execution role AWS SAM generates for an {@code AWS::Serverless::Function} (or state machine)
 * without a Role: trusted by the service, with AWSLambdaBasicExecutionRole for functions, and with
 * what its Policies property lists: AWS managed policy names or ARNs, inline documents, and SAM
 * policy templates (AWS SAM Developer Guide, "AWS::Serverless::Function", property Policies).
 */
final class SamFunctions {

  private SamFunctions() {}

  /**
   * An inline policy of the generated role. SAM names it {@code <RoleLogicalId>Policy<index>}, the
   * index being the entry's position in the function's Policies list (managed policies count too).
   */
  record InlinePolicy(String name, DocNode document) {}

  static void role(Intrinsics stack, Template.Resource role, CloudFormationResources assembler) {
    Template.Resource owner = stack.template().resources().get(role.generatedFor());
    boolean function = owner.type().equals("AWS::Serverless::Function");
    String partition = stack.options().partition();
    SourceLocation at = owner.location();
    String service = function ? "lambda.amazonaws.com" : "states.amazonaws.com";
    DocNode trustDocument = Template.relocate(JsonDocuments.read("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + "\"Action\": [\"sts:AssumeRole\"], \"Principal\": {\"Service\": [\"" + service + "\"]}}]}", at.file()), at);
    Optional<Policy> trust = PolicyDocuments.read(trustDocument, at, PolicyKind.TRUST, role.logicalId(), assembler.report());
    List<String> managed = new ArrayList<>();
    if (function) {
      managed.add("arn:" + partition + ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    }
    List<InlinePolicy> inline = new ArrayList<>();
    List<DocNode> items = policyItems(stack, owner);
    for (int index = 0; index < items.size(); index++) {
      DocNode item = items.get(index);
      if (item == null) {
        continue;
      }
      String name = role.logicalId() + "Policy" + index;
      Intrinsics.Text text = Intrinsics.text(item);
      if (item instanceof DocUnresolved unknown) {
        // An Fn::If whose condition cannot be computed: a policy that cannot be read, never a managed policy ARN.
        inline.add(new InlinePolicy(name, new DocUnresolved(assembler.conditional(unknown.value(), owner.logicalId(),
            "item " + index + " (a managed policy, a policy document or a SAM policy template)"))));
      } else if (text != null) {
        assembler.report().addAll(text.parts());
        String arn = managedArn(text.text(), stack);
        // SAM adds a managed policy once, even when it is listed twice or is the one SAM adds itself.
        if (!managed.contains(arn)) {
          managed.add(arn);
        }
      } else if (item instanceof DocObject object && object.member("Statement").isPresent()) {
        inline.add(new InlinePolicy(name, object));
      } else if (item instanceof DocObject object && object.members().size() == 1) {
        templateDocument(stack, index, object.members().get(0), owner, assembler).ifPresent(d -> inline.add(new InlinePolicy(name, d)));
      } else {
        inline.add(new InlinePolicy(name, new DocUnresolved(assembler.report().problemIn(name, item.location(), owner.logicalId()
            + " Policies: " + item.describe() + " is neither a managed policy, a policy document nor a SAM policy template"))));
      }
    }
    Optional<String> boundary = owner.property("PermissionsBoundary").map(stack::resolve).map(Intrinsics::text).map(Intrinsics.Text::text);
    assembler.samRole(stack, role, trust, inline, managed, boundary);
  }

  /**
   * The Policies entries, each resolved, null where AWS::NoValue removes one: SAM numbers the
   * generated inline policies by the entry's position in the list as written.
   */
  private static List<DocNode> policyItems(Intrinsics stack, Template.Resource owner) {
    DocNode written = owner.property("Policies").orElse(null);
    if (written instanceof DocArray array) {
      List<DocNode> items = new ArrayList<>();
      array.items().forEach(item -> items.add(stack.resolve(item)));
      return items;
    }
    DocNode policies = written == null ? null : stack.resolve(written);
    return policies instanceof DocArray array ? array.items() : policies == null ? List.of() : List.of(policies);
  }

  /**
   * A policy name means an AWS managed policy (SAM looks the name up in its list of them); one not
   * among the AWS managed policies loaded keeps the name at the root path.
   */
  private static String managedArn(String nameOrArn, Intrinsics stack) {
    if (nameOrArn.startsWith("arn:")) {
      return nameOrArn;
    }
    String partition = stack.options().partition();
    return stack.options().awsManagedPolicyArn(partition, nameOrArn).orElse("arn:" + partition + ":iam::aws:policy/" + nameOrArn);
  }

  /**
   * A SAM policy template expanded as SAM's translator does (policy_templates_plugin.py,
   * policy_template_processor/template.py): a name SAM does not have, parameter values that are
   * not a mapping, or a missing parameter fail SAM's transform, so each is a problem here, with a
   * policy no one can read in the template's place.
   */
  private static Optional<DocNode> templateDocument(Intrinsics stack, int index, DocObject.Member use, Template.Resource owner,
      CloudFormationResources assembler) {
    Optional<SamPolicyTemplates.Definition> definition = SamPolicyTemplates.named(use.key());
    String policies = owner.logicalId() + " Policies: ";
    if (definition.isEmpty()) {
      // SAM reads a one-key mapping as a template only when it knows the name; anything else fails
      // its transform with "Policy at index N in the 'Policies' property is not valid".
      return problem(assembler, use, policies + "\"" + use.key() + "\" is not a SAM policy template IAMUnit knows: "
          + "it knows all " + SamPolicyTemplates.names().size() + " of " + SamPolicyTemplates.ORIGIN
          + ", and SAM's transform fails on it (\"Policy at index " + index + " in the 'Policies' property is not valid\")");
    }
    if (!(use.value() instanceof DocObject given)) {
      return problem(assembler, use, policies + "SAM policy template " + use.key()
          + " takes a mapping of its parameters (write {} when it has none), not " + use.value().describe()
          + "; SAM's transform fails with \"Must specify valid parameter values for policy template '" + use.key() + "'\"");
    }
    List<String> missing = definition.get().missing(given);
    if (!missing.isEmpty()) {
      return problem(assembler, use, policies + "SAM policy template " + use.key() + " needs "
          + (missing.size() == 1 ? "its parameter " : "its parameters ") + String.join(", ", missing)
          + "; SAM's transform fails without them");
    }
    return Optional.of(stack.resolve(definition.get().expand(given, use.keyLocation())));
  }

  /** A template use SAM's transform rejects: a problem, and in its place a policy no one can read. */
  private static Optional<DocNode> problem(CloudFormationResources assembler, DocObject.Member use, String message) {
    return Optional.of(new DocUnresolved(assembler.report().problemIn("SAM policy template " + use.key(), use.keyLocation(), message)));
  }
}
