package dev.iamunit.iac.cloudformation;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation template as written: its sections, each resource with its logical id, type and
 * properties. Nothing is resolved yet.
 *
 * @param file the file as named in locations
 * @param parameters parameter declarations by name
 * @param mappings the Mappings section
 * @param conditions condition expressions by name
 * @param resources resources by logical id, in the order written
 * @param serverless whether the template declares the {@code AWS::Serverless} transform
 * @param outputs output declarations by name (Value, Export)
 */
record Template(
    String file,
    Map<String, DocObject> parameters,
    Map<String, DocNode> mappings,
    Map<String, DocNode> conditions,
    Map<String, Resource> resources,
    boolean serverless,
    Map<String, DocObject> outputs) {

  /**
   * One entry of Resources, or a resource a transform generates ({@code generatedFor} names the
   * resource it is generated for: the execution role SAM creates for a function without Role).
   */
  record Resource(String logicalId, String type, DocObject properties, Optional<String> condition, SourceLocation location,
      String generatedFor, DocObject metadata) {

    Optional<DocNode> property(String name) {
      return properties.member(name).map(DocObject.Member::value);
    }

    /** A string entry of the resource's Metadata ({@code aws:cdk:path}, {@code aws:asset:path}). */
    Optional<String> metadata(String key) {
      return metadata.member(key).map(DocObject.Member::value).filter(v -> v instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING)
          .map(v -> ((DocScalar) v).text());
    }
  }

  /**
   * Reads a template: JSON when it starts with <code>{</code>, YAML otherwise.
   *
   * @throws TemplateException with file:line when it is malformed or not a CloudFormation template
   */
  static Template read(String text, String file) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    DocNode root;
    if (body.stripLeading().startsWith("{")) {
      try {
        root = JsonDocuments.read(body, file);
      } catch (TemplateException e) {
        throw e;
      } catch (IamUnitException e) {
        throw new TemplateException(message(e), e.location().orElse(SourceLocation.of(file, 1, 1)));
      }
    } else {
      root = YamlTemplates.read(body, file);
    }
    return of(root, file);
  }

  static Template of(DocNode root, String file) {
    if (!(root instanceof DocObject template)) {
      throw new TemplateException("a CloudFormation template is a mapping with a Resources section, not " + root.describe(),
          root.location());
    }
    DocObject resourcesSection = template.member("Resources").map(m -> section(m, "Resources"))
        .orElseThrow(() -> new TemplateException("not a CloudFormation template: it has no Resources section", root.location()));
    Map<String, Resource> resources = new LinkedHashMap<>();
    for (DocObject.Member member : resourcesSection.members()) {
      if (!(member.value() instanceof DocObject resource)) {
        throw new TemplateException("resource " + member.key() + " must be a mapping with Type and Properties", member.keyLocation());
      }
      if (resource.member("Type").map(DocObject.Member::value).orElse(null) instanceof dev.iamunit.document.DocUnresolved) {
        continue; // a preprocessor's module (!Rain::Module): not a resource CloudFormation sees
      }
      String type = resource.member("Type").map(DocObject.Member::value)
          .filter(v -> v instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING)
          .map(v -> ((DocScalar) v).text())
          .orElseThrow(() -> new TemplateException("resource " + member.key() + " has no Type", member.keyLocation()));
      DocObject properties = (DocObject) withAddress(resource.member("Properties").map(DocObject.Member::value)
          .filter(DocObject.class::isInstance).map(DocObject.class::cast)
          .orElse(new DocObject(List.of(), member.keyLocation())), member.key());
      Optional<String> condition = resource.member("Condition").map(DocObject.Member::value)
          .filter(DocScalar.class::isInstance).map(v -> ((DocScalar) v).text());
      SourceLocation at = member.keyLocation().withAddress(member.key());
      DocObject metadata = resource.member("Metadata").map(DocObject.Member::value).filter(DocObject.class::isInstance)
          .map(DocObject.class::cast).orElse(new DocObject(List.of(), member.keyLocation()));
      resources.put(member.key(), new Resource(member.key(), type, properties, condition, at, "", metadata));
    }
    for (Resource resource : List.copyOf(resources.values())) {
      if (resource.type().equals("AWS::Serverless::Function") || resource.type().equals("AWS::Serverless::StateMachine")) {
        String role = resource.logicalId() + "Role";
        if (resource.property("Role").isEmpty() && !resources.containsKey(role)) {
          resources.put(role, new Resource(role, "AWS::IAM::Role", new DocObject(List.of(), resource.location()), resource.condition(),
              resource.location().withAddress(role), resource.logicalId(), new DocObject(List.of(), resource.location())));
        }
      }
    }
    return new Template(file, declarations(template, "Parameters"), members(template, "Mappings"), members(template, "Conditions"),
        resources, transforms(template).contains("AWS::Serverless-2016-10-31"), declarations(template, "Outputs"));
  }

  /** The mappings of a section by name; entries that are not mappings are left out. */
  private static Map<String, DocObject> declarations(DocObject template, String name) {
    Map<String, DocObject> result = new LinkedHashMap<>();
    template.member(name).map(m -> section(m, name)).ifPresent(section -> section.members().forEach(m -> {
      if (m.value() instanceof DocObject declaration) {
        result.put(m.key(), declaration);
      }
    }));
    return result;
  }

  private static Map<String, DocNode> members(DocObject template, String name) {
    Map<String, DocNode> result = new LinkedHashMap<>();
    template.member(name).map(m -> section(m, name)).ifPresent(s -> s.members().forEach(m -> result.put(m.key(), m.value())));
    return result;
  }

  private static List<String> transforms(DocObject template) {
    return template.member("Transform").map(DocObject.Member::value).map(v -> {
      if (v instanceof DocScalar s) {
        return List.of(s.text());
      }
      if (v instanceof dev.iamunit.document.DocArray a) {
        return a.items().stream().filter(DocScalar.class::isInstance).map(i -> ((DocScalar) i).text()).toList();
      }
      return List.<String>of();
    }).orElse(List.of());
  }

  private static DocObject section(DocObject.Member member, String name) {
    if (member.value() instanceof DocObject object) {
      return object;
    }
    if (member.value() instanceof DocScalar s && s.kind() == DocScalar.Kind.NULL) {
      return new DocObject(List.of(), member.keyLocation());
    }
    throw new TemplateException(name + " must be a mapping, not " + member.value().describe(), member.keyLocation());
  }

  /** The same tree, every location naming the resource that holds it. */
  static DocNode withAddress(DocNode node, String address) {
    if (node instanceof DocObject object) {
      return new DocObject(object.members().stream()
          .map(m -> new DocObject.Member(m.key(), m.keyLocation().withAddress(address), withAddress(m.value(), address))).toList(),
          object.location().withAddress(address));
    }
    if (node instanceof dev.iamunit.document.DocArray array) {
      return new dev.iamunit.document.DocArray(array.items().stream().map(i -> withAddress(i, address)).toList(),
          array.location().withAddress(address));
    }
    if (node instanceof DocScalar scalar) {
      return new DocScalar(scalar.text(), scalar.kind(), scalar.location().withAddress(address), scalar.unresolved());
    }
    return node;
  }

  /** The same tree, every location {@code at}: for documents IAMUnit writes where a template uses them. */
  static DocNode relocate(DocNode node, SourceLocation at) {
    if (node instanceof DocObject object) {
      return new DocObject(object.members().stream().map(m -> new DocObject.Member(m.key(), at, relocate(m.value(), at))).toList(), at);
    }
    if (node instanceof dev.iamunit.document.DocArray array) {
      return new dev.iamunit.document.DocArray(array.items().stream().map(i -> relocate(i, at)).toList(), at);
    }
    if (node instanceof DocScalar scalar) {
      return new DocScalar(scalar.text(), scalar.kind(), at, scalar.unresolved());
    }
    return node;
  }

  /** An exception's message without the location prefix IamUnitException adds. */
  static String message(IamUnitException e) {
    String text = e.getMessage();
    String prefix = e.location().map(l -> l + ": ").orElse("");
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
