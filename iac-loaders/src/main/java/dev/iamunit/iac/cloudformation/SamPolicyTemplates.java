package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS SAM's policy templates, read from the copy of SAM's own
 * {@code samtranslator/policy_templates_data/policy_templates.json} bundled beside this class (see
 * the NOTICE there for its origin), and expanded as SAM's translator expands them
 * ({@code samtranslator/policy_template_processor/template.py}, {@code Template.to_statement}).
 */
final class SamPolicyTemplates {

  static final String RESOURCE = "sam/policy_templates.json";

  /** Where IAMUnit's copy of SAM's policy templates comes from, for messages. */
  static final String ORIGIN = "aws/serverless-application-model@7000d0a samtranslator/policy_templates_data/policy_templates.json";

  /**
   * A template: the names of its parameters and its {@code Definition}, a policy document in which
   * {@code {"Ref": parameter}} stands for a parameter's value.
   */
  record Definition(String name, Set<String> parameters, DocNode definition) {

    /** The parameters SAM requires a value for and that {@code given} lacks, sorted. */
    List<String> missing(DocObject given) {
      return parameters.stream().filter(p -> given.member(p).isEmpty()).sorted().toList();
    }

    /**
     * The definition with each {@code {"Ref": parameter}} replaced by the value {@code given}
     * (written where the template is used, {@code at}). As SAM does, only a Ref whose name is one
     * of this template's parameters is replaced, and given values for other names are ignored;
     * the result is then an ordinary policy document for CloudFormation to resolve.
     */
    DocNode expand(DocObject given, SourceLocation at) {
      Map<String, DocNode> values = new LinkedHashMap<>();
      given.members().stream().filter(m -> parameters.contains(m.key())).forEach(m -> values.put(m.key(), m.value()));
      return substitute(definition, values, at);
    }

    private static DocNode substitute(DocNode node, Map<String, DocNode> values, SourceLocation at) {
      if (node instanceof DocObject object) {
        if (object.members().size() == 1 && object.members().get(0).key().equals("Ref")
            && object.members().get(0).value() instanceof DocScalar name && values.containsKey(name.text())) {
          return values.get(name.text());
        }
        return new DocObject(object.members().stream()
            .map(m -> new DocObject.Member(m.key(), at, substitute(m.value(), values, at))).toList(), at);
      }
      if (node instanceof DocArray array) {
        return new DocArray(array.items().stream().map(i -> substitute(i, values, at)).toList(), at);
      }
      return Template.relocate(node, at);
    }
  }

  private static final Map<String, Definition> TEMPLATES = read();

  private SamPolicyTemplates() {}

  static Optional<Definition> named(String name) {
    return Optional.ofNullable(TEMPLATES.get(name));
  }

  /** The names of SAM's policy templates, sorted. */
  static List<String> names() {
    return List.copyOf(new TreeSet<>(TEMPLATES.keySet()));
  }

  private static Map<String, Definition> read() {
    String json;
    try (InputStream in = SamPolicyTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("IAMUnit's jar lacks " + RESOURCE + " beside " + SamPolicyTemplates.class.getName());
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DocObject templates = (DocObject) ((DocObject) JsonDocuments.read(json, RESOURCE)).member("Templates").orElseThrow().value();
    Map<String, Definition> read = new LinkedHashMap<>();
    for (DocObject.Member template : templates.members()) {
      DocObject body = (DocObject) template.value();
      Set<String> parameters = body.member("Parameters").map(p -> (DocObject) p.value())
          .map(p -> Set.copyOf(p.members().stream().map(DocObject.Member::key).toList())).orElse(Set.of());
      DocNode definition = body.member("Definition").map(DocObject.Member::value).orElseThrow();
      read.put(template.key(), new Definition(template.key(), parameters, definition));
    }
    return Map.copyOf(read);
  }
}
