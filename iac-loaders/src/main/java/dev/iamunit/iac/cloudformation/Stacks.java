package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stacks of one load, which reference each other: {@code Fn::ImportValue} reads the
 * {@code Export} of any of them ("Fn::ImportValue returns the value of an output exported by
 * another stack", CloudFormation User Guide, "Fn::ImportValue"), and a nested stack's outputs are
 * its parent's {@code Fn::GetAtt Stack.Outputs.Name}. A loader resolves on one thread.
 */
final class Stacks {

  /** An exported output: the stack that declares it and its Value, as written. */
  private record Export(Intrinsics stack, DocNode value, SourceLocation at) {}

  private final List<Intrinsics> all = new ArrayList<>();
  /** Nested stacks by parent and logical id of their AWS::CloudFormation::Stack or AWS::Serverless::Application. */
  private final Map<Intrinsics, Map<String, Intrinsics>> nested = new LinkedHashMap<>();
  private Map<String, Export> exports;
  private int indexed = -1;
  /** Export names being computed or imported, for the error CloudFormation gives on a cycle. */
  private final Set<String> importing = new LinkedHashSet<>();
  private boolean indexing;

  void add(Intrinsics stack) {
    all.add(stack);
  }

  List<Intrinsics> all() {
    return all;
  }

  void nested(Intrinsics parent, String logicalId, Intrinsics child) {
    nested.computeIfAbsent(parent, k -> new LinkedHashMap<>()).put(logicalId, child);
    add(child);
  }

  /** Takes a stack out of the load, with the stacks it nests. */
  void remove(Intrinsics stack) {
    all.remove(stack);
    Map<String, Intrinsics> children = nested.remove(stack);
    if (children != null) {
      children.values().forEach(this::remove);
    }
  }

  /** The nested stack a parent's resource creates, when it was loaded. */
  Optional<Intrinsics> nested(Intrinsics parent, String logicalId) {
    return Optional.ofNullable(nested.getOrDefault(parent, Map.of()).get(logicalId));
  }

  /**
   * The value another loaded stack exports under {@code name}, resolved in that stack; unresolved
   * with where it is imported when none of them does.
   */
  DocNode importValue(String name, SourceLocation at) {
    if (indexing) {
      return Intrinsics.unresolved("Fn::ImportValue " + name, at, "an export name that imports a value cannot be computed");
    }
    Export export = exports().get(name);
    if (export == null) {
      return Intrinsics.unresolved("Fn::ImportValue " + name, at, "no loaded stack exports " + name
          + "; load the template that exports it together with this one (all CloudFormation templates of a test are one unit)");
    }
    if (!importing.add(name)) {
      throw new TemplateException("Fn::ImportValue " + name + " depends on itself through " + String.join(" → ", importing)
          + "; CloudFormation cannot create stacks whose exports import each other", at);
    }
    try {
      return export.stack().resolve(export.value());
    } finally {
      importing.remove(name);
    }
  }

  /**
   * Every output with an Export whose name can be computed, by name. CloudFormation requires an
   * export name to be unique in the account and Region ("Exported output names must be unique
   * within your region", CloudFormation User Guide, "Get exported outputs from a deployed
   * CloudFormation stack"): a second is an error naming both.
   */
  private Map<String, Export> exports() {
    if (exports != null && indexed == all.size()) {
      return exports;
    }
    indexing = true;
    try {
      Map<String, Export> index = new LinkedHashMap<>();
      for (Intrinsics stack : all) {
        for (Map.Entry<String, DocObject> output : stack.template().outputs().entrySet()) {
          Optional<DocNode> name = output.getValue().member("Export").map(DocObject.Member::value)
              .filter(DocObject.class::isInstance).flatMap(e -> ((DocObject) e).member("Name")).map(DocObject.Member::value);
          Optional<DocNode> value = output.getValue().member("Value").map(DocObject.Member::value);
          if (name.isEmpty() || value.isEmpty()) {
            continue;
          }
          Intrinsics.Text text = Intrinsics.text(stack.resolve(name.get()));
          if (text == null || !text.known()) {
            continue; // an import of it is unresolved: no loaded stack exports that name
          }
          SourceLocation at = name.get().location();
          Export earlier = index.putIfAbsent(text.text(), new Export(stack, value.get(), at));
          if (earlier != null) {
            throw new TemplateException("export " + text.text() + " is also exported at " + earlier.at()
                + "; CloudFormation requires export names to be unique in a Region", at);
          }
        }
      }
      exports = index;
      indexed = all.size();
      return index;
    } finally {
      indexing = false;
    }
  }
}
