package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    DocNode policies = owner.property("Policies").map(stack::resolve).orElse(null);
    List<DocNode> items = policies instanceof DocArray array ? array.items() : policies == null ? List.of() : List.of(policies);
    for (int index = 0; index < items.size(); index++) {
      DocNode item = items.get(index);
      String name = role.logicalId() + "Policy" + index;
      Intrinsics.Text text = Intrinsics.text(item);
      if (item instanceof DocUnresolved unknown) {
        // An Fn::If whose condition cannot be computed: a policy that cannot be read, never a managed policy ARN.
        inline.add(new InlinePolicy(name, new DocUnresolved(assembler.conditional(unknown.value(), owner.logicalId(),
            "item " + index + " (a managed policy, a policy document or a SAM policy template)"))));
      } else if (text != null) {
        assembler.report().addAll(text.parts());
        managed.add(managedArn(text.text(), stack));
      } else if (item instanceof DocObject object && object.member("Statement").isPresent()) {
        inline.add(new InlinePolicy(name, object));
      } else if (item instanceof DocObject object && object.members().size() == 1) {
        templateDocument(stack, object.members().get(0), owner, assembler).ifPresent(d -> inline.add(new InlinePolicy(name, d)));
      } else {
        assembler.report().problem(item.location(), owner.logicalId() + " Policies: " + item.describe()
            + " is neither a managed policy, a policy document nor a SAM policy template");
      }
    }
    Optional<String> boundary = owner.property("PermissionsBoundary").map(stack::resolve).map(Intrinsics::text).map(Intrinsics.Text::text);
    assembler.samRole(stack, role, trust, inline, managed, boundary);
  }

  /** A policy name means an AWS managed policy (SAM looks the name up in its list of them). */
  private static String managedArn(String nameOrArn, Intrinsics stack) {
    if (nameOrArn.startsWith("arn:")) {
      return nameOrArn;
    }
    String base = "arn:" + stack.options().partition() + ":iam::aws:policy/";
    for (String path : List.of("", "service-role/", "job-function/")) {
      if (stack.options().awsManagedPolicies().apply(base + path + nameOrArn).isPresent()) {
        return base + path + nameOrArn;
      }
    }
    return base + nameOrArn;
  }

  private static Optional<DocNode> templateDocument(Intrinsics stack, DocObject.Member use, Template.Resource owner,
      CloudFormationResources assembler) {
    Optional<SamPolicyTemplates.Definition> definition = SamPolicyTemplates.named(use.key());
    if (definition.isEmpty()) {
      assembler.report().problem(use.keyLocation(), owner.logicalId() + " Policies: \"" + use.key()
          + "\" is not a SAM policy template IAMUnit knows (S3ReadPolicy, S3CrudPolicy, DynamoDBCrudPolicy, DynamoDBReadPolicy, "
          + "SQSPollerPolicy, SQSSendMessagePolicy, LambdaInvokePolicy); SAM rejects unknown templates");
      return Optional.empty();
    }
    Map<String, DocNode> parameters = new HashMap<>();
    DocObject given = use.value() instanceof DocObject o ? o : new DocObject(List.of(), use.keyLocation());
    for (String parameter : definition.get().parameters()) {
      Optional<DocNode> value = given.member(parameter).map(DocObject.Member::value);
      if (value.isEmpty()) {
        assembler.report().problem(use.keyLocation(), owner.logicalId() + " Policies: SAM policy template " + use.key()
            + " needs its parameter " + parameter);
        return Optional.empty();
      }
      parameters.put(parameter, value.get());
    }
    DocNode document = stack.resolve(definition.get().document(use.keyLocation()), parameters);
    return Optional.of(withVersion(document, use.keyLocation()));
  }

  private static DocNode withVersion(DocNode document, SourceLocation at) {
    if (document instanceof DocObject object && object.member("Version").isEmpty()) {
      List<DocObject.Member> members = new ArrayList<>();
      members.add(new DocObject.Member("Version", at, DocScalar.string("2012-10-17", at)));
      members.addAll(object.members());
      return new DocObject(members, at);
    }
    return document;
  }
}
