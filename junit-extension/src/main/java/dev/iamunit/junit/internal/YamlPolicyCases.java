package dev.iamunit.junit.internal;

import dev.iamunit.junit.PolicyCase;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A {@code @PolicyCases} table in YAML: a list of rows, each a mapping with the CSV columns as keys.
 * Values are read as the text written ({@code true}, {@code 012} and dates stay strings, as a
 * condition value is a string); a context value may be a list.
 *
 * <pre>{@code
 * - principal: MFAUser
 *   action: iam:DeactivateMFADevice
 *   resource: arn:aws:iam::123456789012:mfa/MFAUser
 *   context: {aws:SourceIp: 203.0.113.7}
 *   expected: EXPLICIT_DENY
 * }</pre>
 */
final class YamlPolicyCases {

  private static final List<String> KEYS = List.of("principal", "action", "resource", "context", "expected");
  private static final Set<String> OPTIONAL = Set.of("resource", "context");

  private YamlPolicyCases() {}

  static List<PolicyCase> read(String text, String file) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(20);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw Failures.failure(file + ":" + line + ": malformed YAML: " + String.valueOf(e.getProblem()).strip());
    } catch (YAMLException e) {
      throw Failures.failure(file + ": cannot read the YAML table: " + e.getMessage());
    }
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof SequenceNode rows)) {
      throw Failures.failure(location(file, root) + ": a @PolicyCases YAML file is a list of rows (\"- principal: ...\")");
    }
    List<PolicyCase> cases = new ArrayList<>();
    for (Node row : rows.getValue()) {
      cases.add(row(row, file));
    }
    return cases;
  }

  private static PolicyCase row(Node node, String file) {
    String location = location(file, node);
    if (!(node instanceof MappingNode mapping)) {
      throw Failures.failure(location + ": a row is a mapping with the keys " + String.join(", ", KEYS));
    }
    Map<String, Node> values = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode(), file, "a key");
      if (!KEYS.contains(key)) {
        throw Failures.failure(location(file, tuple.getKeyNode()) + ": unknown key \"" + key + "\"; a row has "
            + String.join(", ", KEYS));
      }
      if (values.put(key, tuple.getValueNode()) != null) {
        // compose() builds nodes only; snakeyaml checks duplicate keys when it constructs objects.
        throw Failures.failure(location(file, tuple.getKeyNode()) + ": the row gives " + key + " twice");
      }
    }
    for (String key : KEYS) {
      if (!OPTIONAL.contains(key) && !values.containsKey(key)) {
        throw Failures.failure(location + ": the row has no " + key);
      }
    }
    String resource = values.containsKey("resource") ? scalar(values.get("resource"), file, "resource") : "";
    return PolicyCasesProvider.row(scalar(values.get("principal"), file, "principal"),
        scalar(values.get("action"), file, "action"), resource, context(values.get("context"), file),
        scalar(values.get("expected"), file, "expected"), location);
  }

  private static Map<String, List<String>> context(Node node, String file) {
    Map<String, List<String>> context = new LinkedHashMap<>();
    if (node == null) {
      return context;
    }
    if (!(node instanceof MappingNode mapping)) {
      throw Failures.failure(location(file, node) + ": context is a mapping of condition keys to a value or a list");
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode(), file, "a context key");
      Node value = tuple.getValueNode();
      if (value instanceof SequenceNode list) {
        List<String> items = new ArrayList<>();
        for (Node item : list.getValue()) {
          items.add(scalar(item, file, "a value of " + key));
        }
        context.put(key, List.copyOf(items));
      } else {
        context.put(key, List.of(scalar(value, file, "the value of " + key)));
      }
    }
    return context;
  }

  private static String scalar(Node node, String file, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue().strip();
    }
    throw Failures.failure(location(file, node) + ": " + what + " is a single value");
  }

  private static String location(String file, Node node) {
    return file + ":" + (node.getStartMark().getLine() + 1);
  }
}
