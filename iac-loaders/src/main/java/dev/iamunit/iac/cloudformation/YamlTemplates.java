package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a CloudFormation YAML template into a {@link DocNode} tree with the line and column of
 * every value, through snakeyaml's composer (nodes, not Java objects), so that nothing is
 * reinterpreted: {@code Version: 2012-10-17} stays the string it reads as, {@code 012345678901}
 * keeps its leading zero. Short-form tags become the long form CloudFormation defines ({@code !Sub
 * x} is {@code {"Fn::Sub": x}}); tags CloudFormation does not know become unresolved values.
 */
final class YamlTemplates {

  /** Limits that make billion-laughs and deep nesting a clear error rather than an exhausted JVM. */
  static final int MAX_ALIASES = 100;

  static final int MAX_DEPTH = 100;

  static final int MAX_CODE_POINTS = 10 * 1024 * 1024;

  /**
   * The longest run of characters without a space or line end: snakeyaml rescans its buffer for
   * each 1,024 characters of such a run, so 10 MB of it takes minutes. CloudFormation accepts
   * templates of at most 1 MB ("CloudFormation quotas"), so a longer run is never a valid template.
   */
  static final int MAX_RUN = 1024 * 1024;

  /** Nodes a file may expand to once aliases are copied out: far above any real template. */
  static final int MAX_NODES = 1_000_000;

  /** The short-form function tags, per the CloudFormation intrinsic function reference. */
  private static final Set<String> FUNCTIONS = Set.of("Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "And", "Or",
      "Not", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform", "Length", "ToJsonString");

  /** YAML 1.1 booleans, which CloudFormation reads as booleans when unquoted. */
  private static final Pattern BOOL_TRUE = Pattern.compile("y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON");

  private static final Pattern BOOL = Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.?[0-9][0-9_]*)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+");

  private final String file;
  private int nodes;

  private YamlTemplates(String file) {
    this.file = file;
  }

  /**
   * The template's root node.
   *
   * @throws TemplateException with file:line for malformed YAML, a duplicate key or a limit exceeded
   */
  static DocNode read(String text, String file) {
    rejectLongRuns(text, file);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    // Yaml.compose, with the reader kept: snakeyaml reports its limits without a position, and the
    // reader is where the limit was crossed.
    StreamReader reader = new StreamReader(new StringReader(text));
    Node root;
    try {
      root = new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourceLocation at = mark == null ? SourceLocation.of(file, 1, 1) : SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
      String problem = e.getProblem() == null ? "" : e.getProblem();
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new TemplateException("malformed YAML: " + context + problem.strip(), at);
    } catch (YAMLException e) {
      Mark mark = reader.getMark();
      throw new TemplateException(limitExceeded(e.getMessage()), SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1));
    }
    if (root == null) {
      throw new TemplateException("the template is empty; a CloudFormation template needs a Resources section", SourceLocation.of(file, 1, 1));
    }
    return new YamlTemplates(file).convert(root, 0);
  }

  private static void rejectLongRuns(String text, String file) {
    int line = 1;
    int column = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SourceText.endsLine(text, i)) {
        line++;
        column = 0;
        run = 0;
      } else {
        column++;
        run = c == ' ' || c == '\t' || c == '\r' ? 0 : run + 1;
        if (run > MAX_RUN) {
          throw new TemplateException("a value runs for more than " + MAX_RUN + " characters without a space; "
              + "CloudFormation accepts templates of at most 1 MB: look for generated or damaged input",
              SourceLocation.of(file, line, column - MAX_RUN));
        }
      }
    }
  }

  /**
   * snakeyaml reports its {@link LoaderOptions} limits without a position; say which limit, and
   * that no real template comes near it, so the reader looks for generated or hostile input.
   */
  static String limitExceeded(String message) {
    String text = message == null ? "" : message;
    if (text.contains("Nesting Depth")) {
      return "the template nests deeper than " + MAX_DEPTH + " levels; no CloudFormation template needs that many: "
          + "look for unbalanced brackets or generated input";
    }
    if (text.contains("code points")) {
      return "the template is longer than " + MAX_CODE_POINTS + " characters; CloudFormation accepts at most 1 MB "
          + "(from S3): split it into nested stacks";
    }
    if (text.contains("aliases")) {
      return "the template uses aliases (*name) to collections more than " + MAX_ALIASES + " times, which is how a "
          + "billion-laughs document explodes; write the repeated values out or use fewer aliases";
    }
    return "cannot read the YAML template: " + text;
  }

  private SourceLocation at(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? SourceLocation.of(file, 0, 0) : SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private DocNode convert(Node node, int depth) {
    if (++nodes > MAX_NODES) {
      throw new TemplateException("the template expands to more than " + MAX_NODES
          + " values through its aliases; CloudFormation would reject it (billion laughs?)", at(node));
    }
    if (depth > MAX_DEPTH) {
      throw new TemplateException("the template nests deeper than " + MAX_DEPTH + " levels", at(node));
    }
    Tag tag = node.getTag();
    String tagName = tag.getValue();
    if (tagName.startsWith("!")) {
      return shortForm(tagName.substring(1), node, depth);
    }
    return plain(node, depth);
  }

  private DocNode plain(Node node, int depth) {
    SourceLocation at = at(node);
    if (node instanceof MappingNode mapping) {
      List<DocObject.Member> members = new ArrayList<>();
      Map<String, SourceLocation> seen = new HashMap<>();
      for (NodeTuple tuple : flattenMerges(mapping, depth)) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          throw new TemplateException("a mapping key must be a plain string", at(tuple.getKeyNode()));
        }
        SourceLocation keyAt = at(key);
        SourceLocation earlier = seen.putIfAbsent(key.getValue(), keyAt);
        if (earlier != null) {
          throw new TemplateException("duplicate key \"" + key.getValue() + "\" (first at line " + earlier.line()
              + "); CloudFormation rejects templates with duplicate keys: keep one", keyAt);
        }
        members.add(new DocObject.Member(key.getValue(), keyAt, convert(tuple.getValueNode(), depth + 1)));
      }
      return new DocObject(members, at);
    }
    if (node instanceof SequenceNode sequence) {
      List<DocNode> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item, depth + 1));
      }
      return new DocArray(items, at);
    }
    ScalarNode scalar = (ScalarNode) node;
    return scalar(scalar, at);
  }

  /** {@code <<: *base} merge keys: the merged members first, the mapping's own members override. */
  private List<NodeTuple> flattenMerges(MappingNode mapping, int depth) {
    if (depth > MAX_DEPTH) {
      // A mapping merged into itself (&a {<<: *a}) would otherwise merge forever.
      throw new TemplateException("merge keys (<<) nest deeper than " + MAX_DEPTH + " levels, or a mapping merges "
          + "itself; merge each mapping once", at(mapping));
    }
    List<NodeTuple> own = new ArrayList<>();
    List<NodeTuple> merged = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode().getTag().equals(Tag.MERGE) || tuple.getKeyNode() instanceof ScalarNode s && s.getValue().equals("<<")
          && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
        Node value = tuple.getValueNode();
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
          if (source instanceof MappingNode m) {
            merged.addAll(flattenMerges(m, depth + 1));
          }
        }
      } else {
        own.add(tuple);
      }
    }
    if (merged.isEmpty()) {
      return own;
    }
    List<NodeTuple> result = new ArrayList<>();
    Set<String> ownKeys = new java.util.HashSet<>();
    own.forEach(t -> ownKeys.add(keyText(t)));
    Set<String> mergedKeys = new java.util.HashSet<>();
    for (NodeTuple t : merged) {
      String key = keyText(t);
      if (!ownKeys.contains(key) && mergedKeys.add(key)) {
        result.add(t);
      }
    }
    result.addAll(own);
    return result;
  }

  private String keyText(NodeTuple tuple) {
    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
      throw new TemplateException("a mapping key must be a plain string", at(tuple.getKeyNode()));
    }
    return key.getValue();
  }

  /** A scalar as written; plain scalars are typed as YAML 1.1 would type them, but keep their text. */
  private static DocScalar scalar(ScalarNode scalar, SourceLocation at) {
    String text = scalar.getValue();
    boolean plain = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
    Tag tag = scalar.getTag();
    if (!plain || tag.equals(Tag.STR)) {
      return DocScalar.string(text, at);
    }
    if (tag.equals(Tag.NULL) || text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null")) {
      return new DocScalar("null", DocScalar.Kind.NULL, at);
    }
    if (BOOL.matcher(text).matches()) {
      return new DocScalar(BOOL_TRUE.matcher(text).matches() ? "true" : "false", DocScalar.Kind.BOOLEAN, at);
    }
    if (NUMBER.matcher(text).matches()) {
      return new DocScalar(text, DocScalar.Kind.NUMBER, at);
    }
    // Timestamps, and everything else: the text as written.
    return DocScalar.string(text, at);
  }

  /** {@code !Ref x} → {@code {"Ref": x}}; {@code !GetAtt A.B} → {@code {"Fn::GetAtt": ["A", "B"]}}. */
  private DocNode shortForm(String name, Node node, int depth) {
    SourceLocation at = at(node);
    DocNode argument;
    if (node instanceof ScalarNode scalar) {
      argument = DocScalar.string(scalar.getValue(), at);
    } else {
      argument = plain(node, depth);
    }
    String key;
    if (name.equals("Ref") || name.equals("Condition")) {
      key = name;
    } else if (FUNCTIONS.contains(name)) {
      key = "Fn::" + name;
      if (name.equals("GetAtt") && argument instanceof DocScalar s) {
        int dot = s.text().indexOf('.');
        argument = dot < 0 ? s : new DocArray(List.of(DocScalar.string(s.text().substring(0, dot), at),
            DocScalar.string(s.text().substring(dot + 1), at)), at);
      }
    } else {
      return new DocUnresolved(Unresolved.of("!" + name + " " + describe(node), at,
          "!" + name + " is not a CloudFormation tag (a preprocessor's, such as Rain's?); process the template first"));
    }
    return new DocObject(List.of(new DocObject.Member(key, at, argument)), at);
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    return node instanceof MappingNode ? "{...}" : "[...]";
  }
}
