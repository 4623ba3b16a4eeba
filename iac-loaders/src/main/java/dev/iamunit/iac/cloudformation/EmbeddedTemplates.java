package dev.iamunit.iac.cloudformation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocScalar;
import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * CloudFormation templates that other sources carry as text: a Terraform {@code
 * aws_cloudformation_stack_set}'s {@code template_body}. Mapped by the same code as template files.
 */
@API(status = INTERNAL, since = "0.1")
public final class EmbeddedTemplates {

  private EmbeddedTemplates() {}

  /**
   * Maps the resources of template {@code text} onto {@code assembler}, as a stack of account {@code accountId} in {@code region}
   * named {@code stackName} given {@code parameters}; {@code name} is the file its
   * locations name, {@code dir} the folder local paths inside it are relative to; {@code existence}
   * says why it is unknown whether the stack exists (empty: it does), which its resources carry.
   */
  public static void map(AccountAssembler assembler, String accountId, String region, String text, String name, Path dir, String stackName,
      Map<String, String> parameters, List<Unresolved> existence, SourceLocation at) {
    CloudFormationResources resources = new CloudFormationResources(assembler);
    Template template = Template.read(text, name);
    Map<String, DocNode> given = new LinkedHashMap<>();
    parameters.forEach((key, value) -> {
      if (template.parameters().containsKey(key)) {
        given.put(key, DocScalar.string(value, at));
      }
    });
    resources.add(template, dir.resolve(name), stackName, given, assembler.options().withAccountId(accountId).withRegion(region), existence);
    resources.map();
  }
}
