package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves CloudFormation's intrinsic functions, pseudo parameters, parameters and conditions in
 * one stack, as the CloudFormation intrinsic function reference defines them. What cannot be known
 * before deployment becomes an {@link Unresolved} with the expression and where it is written.
 */
final class Intrinsics {

  /** A string value: its text, in which unknown parts stand as placeholders, and those parts. */
  record Text(String text, List<Unresolved> parts) {
    boolean known() {
      return parts.isEmpty();
    }

    DocScalar scalar(SourceLocation at) {
      return new DocScalar(text, DocScalar.Kind.STRING, at, parts);
    }
  }

  private final Template template;
  private final LoadOptions options;
  private final ResourceValues resources;
  private final Map<String, DocNode> parameters = new HashMap<>();
  private final Map<String, Boolean> conditions = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Map<String, Unresolved> pseudo = new HashMap<>();
  private final Stacks stacks;
  /** Parameter values a parent stack passes to this nested stack, as written, and how the parent resolves them. */
  private final Map<String, DocNode> passed;
  private final java.util.function.UnaryOperator<DocNode> inParent;
  private final Text stackName;
  /** Why it is unknown whether this stack is created (a nested stack's Condition that cannot be computed); empty when it is. */
  private final List<Unresolved> existence;

  /** One stack on its own, as tests resolve values, named after its file. */
  Intrinsics(Template template, LoadOptions options) {
    this(template, options, new Stacks(), Map.of(), null, new Text(CloudFormationLoader.stackName(template.file(), List.of()), List.of()),
        List.of());
    stacks.add(this);
  }

  /**
   * A stack of a load: {@code stacks} are all of its stacks, which it imports from; {@code passed}
   * the parameters its parent passes when it is nested, resolved by {@code inParent} when first
   * used (they may read a sibling nested stack's outputs); {@code stackName} its AWS::StackName;
   * {@code existence} why it may not be created.
   */
  Intrinsics(Template template, LoadOptions options, Stacks stacks, Map<String, DocNode> passed,
      java.util.function.UnaryOperator<DocNode> inParent, Text stackName, List<Unresolved> existence) {
    this.template = template;
    this.options = options;
    this.stacks = stacks;
    this.passed = passed;
    this.inParent = inParent;
    this.stackName = stackName;
    this.existence = List.copyOf(existence);
    this.resources = new ResourceValues(template, options, this);
  }

  Stacks stacks() {
    return stacks;
  }

  /** AWS::StackName: the one {@link CloudFormationLoader#stackName} gives a template, or for a nested stack its parent's name, its logical id and a part CloudFormation generates. */
  Text stackName() {
    return stackName;
  }

  /**
   * Why it is unknown whether this stack is created: the Conditions that cannot be computed of the
   * nested stack resources that create it, through its parents; empty for a stack that is created.
   */
  List<Unresolved> existence() {
    return existence;
  }

  Template template() {
    return template;
  }

  LoadOptions options() {
    return options;
  }

  ResourceValues resources() {
    return resources;
  }

  /** The value of {@code node} with every function applied; null where AWS::NoValue removes it. */
  DocNode resolve(DocNode node) {
    return resolve(node, Map.of());
  }

  /** Like {@link #resolve(DocNode)}, with extra names for Ref and Sub (SAM policy template parameters). */
  DocNode resolve(DocNode node, Map<String, DocNode> locals) {
    if (node instanceof DocObject object) {
      if (object.members().size() == 1) {
        DocObject.Member only = object.members().get(0);
        if (only.key().equals("Ref") || only.key().startsWith("Fn::")) {
          return function(only.key(), only.value(), object.location(), locals);
        }
      }
      List<DocObject.Member> members = new ArrayList<>();
      for (DocObject.Member member : object.members()) {
        DocNode value = resolve(member.value(), locals);
        if (value != null) {
          members.add(new DocObject.Member(member.key(), member.keyLocation(), value));
        }
      }
      return new DocObject(members, object.location());
    }
    if (node instanceof DocArray array) {
      List<DocNode> items = new ArrayList<>();
      for (DocNode item : array.items()) {
        DocNode value = resolve(item, locals);
        if (value != null) {
          items.add(value);
        }
      }
      return new DocArray(items, array.location());
    }
    return node;
  }

  /** The text of a resolved scalar, or null when the value is not a string, number or boolean. */
  static Text text(DocNode resolved) {
    if (resolved instanceof DocScalar scalar && scalar.kind() != DocScalar.Kind.NULL) {
      return new Text(scalar.text(), scalar.unresolved());
    }
    if (resolved instanceof DocUnresolved unresolved) {
      return new Text(unresolved.value().placeholder(), List.of(unresolved.value()));
    }
    return null;
  }

  static DocUnresolved unresolved(String expression, SourceLocation at, String reason) {
    return new DocUnresolved(Unresolved.of(expression, at, reason));
  }

  private DocNode function(String name, DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    return switch (name) {
      case "Ref" -> ref(literal(argument, "Ref"), at, locals);
      case "Fn::GetAtt" -> getAtt(argument, at, locals);
      case "Fn::Sub" -> sub(argument, at, locals);
      case "Fn::Join" -> join(argument, at, locals);
      case "Fn::Select" -> select(argument, at, locals);
      case "Fn::Split" -> split(argument, at, locals);
      case "Fn::FindInMap" -> findInMap(argument, at, locals);
      case "Fn::If" -> ifFunction(argument, at, locals);
      case "Fn::Base64" -> {
        DocNode value = resolve(argument, locals);
        Text text = text(value);
        yield text != null && text.known()
            ? DocScalar.string(Base64.getEncoder().encodeToString(text.text().getBytes(StandardCharsets.UTF_8)), at)
            : unresolved("Fn::Base64 " + Render.compact(argument), at, "its argument cannot be computed");
      }
      case "Fn::ImportValue" -> {
        Text text = text(resolve(argument, locals));
        yield text != null && text.known() ? stacks.importValue(text.text(), at)
            : unresolved("Fn::ImportValue " + (text == null ? Render.compact(argument) : Unresolved.replacePlaceholders(text.text(), "<?>")),
                at, "the name of the export cannot be computed, so which stack's export it reads is not known");
      }
      case "Fn::Length" -> {
        DocNode value = resolve(argument, locals);
        yield value instanceof DocArray array ? new DocScalar(Integer.toString(array.items().size()), DocScalar.Kind.NUMBER, at)
            : unresolved("Fn::Length " + Render.compact(argument), at, "its argument is not a known list");
      }
      default -> unresolved(name + " " + Render.compact(argument), at,
          name + " is computed by CloudFormation at deployment (or is not an intrinsic function IAMUnit evaluates)");
    };
  }

  private static String literal(DocNode argument, String function) {
    if (argument instanceof DocScalar scalar && scalar.kind() != DocScalar.Kind.NULL) {
      return scalar.text();
    }
    throw new TemplateException(function + " takes a name, not " + argument.describe(), argument.location());
  }

  DocNode ref(String name, SourceLocation at, Map<String, DocNode> locals) {
    DocNode local = locals.get(name);
    if (local != null) {
      return local;
    }
    switch (name) {
      case "AWS::NoValue":
        return null;
      case "AWS::AccountId":
        return DocScalar.string(options.accountId(), at);
      case "AWS::Region":
        return DocScalar.string(options.region(), at);
      case "AWS::Partition":
        return DocScalar.string(options.partition(), at);
      case "AWS::StackName":
        return stackName.scalar(at);
      case "AWS::URLSuffix":
        return DocScalar.string(Partition.of(options.region()).dnsSuffix(), at);
      case "AWS::StackId":
        List<Unresolved> idParts = new ArrayList<>(stackName.parts());
        idParts.add(pseudo("AWS::StackId", at));
        return new Text("arn:" + options.partition() + ":cloudformation:" + options.region() + ":" + options.accountId() + ":stack/"
            + stackName.text() + "/" + pseudo("AWS::StackId", at).placeholder(), idParts).scalar(at);
      case "AWS::NotificationARNs":
        return new DocUnresolved(pseudo(name, at));
      default:
        break;
    }
    if (template.parameters().containsKey(name)) {
      return parameter(name);
    }
    Template.Resource resource = template.resources().get(name);
    if (resource != null) {
      return resources.ref(resource, at);
    }
    return unresolved("Ref " + name, at, "the template declares no parameter or resource named " + name);
  }

  private Unresolved pseudo(String name, SourceLocation at) {
    return pseudo.computeIfAbsent(name, n -> Unresolved.of(n, at, "CloudFormation sets " + n + " at deployment"));
  }

  /** A parameter's value: the test's value, else its Default; List types are lists. */
  DocNode parameter(String name) {
    return parameters.computeIfAbsent(name, n -> {
      DocObject declaration = template.parameters().get(n);
      SourceLocation at = declaration.location().withAddress(n);
      String type = declaration.member("Type").map(m -> text(m.value())).map(Text::text).orElse("String");
      DocNode fromParent = passed.containsKey(n) ? inParent.apply(passed.get(n)) : null;
      if (fromParent != null && text(fromParent) == null) {
        return fromParent; // a list or mapping: CloudFormation rejects it, and reports where
      }
      String given = fromParent != null ? text(fromParent).text() : options.values().get(n);
      Text value = fromParent != null ? text(fromParent) : given != null ? new Text(given, List.of())
          : declaration.member("Default").map(m -> text(m.value())).orElse(null);
      if (value == null) {
        return unresolved("Ref " + n, at, "parameter " + n + " has no Default and was given no value");
      }
      if (type.startsWith("AWS::SSM::Parameter::Value<") && given == null) {
        return unresolved("Ref " + n, at, "parameter " + n + " is read from SSM parameter " + value.text()
            + " at deployment, and was given no value");
      }
      if (type.equals("CommaDelimitedList") || type.startsWith("List<") || type.startsWith("AWS::SSM::Parameter::Value<List<")
          || type.equals("AWS::SSM::Parameter::Value<CommaDelimitedList>")) {
        List<DocNode> items = new ArrayList<>();
        if (!value.text().isEmpty()) {
          for (String item : value.text().split(",", -1)) {
            String piece = item.strip();
            items.add(new Text(piece, value.parts().stream().filter(u -> piece.contains(u.placeholder())).toList()).scalar(at));
          }
        }
        return new DocArray(items, at);
      }
      return value.scalar(at);
    });
  }

  /**
   * {@code Fn::GetAtt Stack.Outputs.Name} of a nested stack this stack creates: the output's Value
   * in the nested stack ("Outputs.NestedStackOutputName", CloudFormation resource reference,
   * AWS::CloudFormation::Stack, Return values).
   */
  DocNode nestedOutput(Template.Resource stack, String output, SourceLocation at) {
    String expression = "Fn::GetAtt " + stack.logicalId() + ".Outputs." + output;
    Intrinsics child = stacks.nested(this, stack.logicalId()).orElse(null);
    if (child == null) {
      return unresolved(expression, at, "the template of nested stack " + stack.logicalId() + " was not loaded (see the value reported at "
          + stack.location().fileAndLine() + ")");
    }
    DocObject declaration = child.template().outputs().get(output);
    if (declaration == null || declaration.member("Value").isEmpty()) {
      throw new TemplateException(expression + ": the template of nested stack " + stack.logicalId() + ", " + child.template().file()
          + ", declares no output " + output, at);
    }
    return child.resolve(declaration.member("Value").get().value());
  }

  private DocNode getAtt(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    String logicalId;
    String attribute;
    if (argument instanceof DocArray array && array.items().size() == 2) {
      logicalId = literal(array.items().get(0), "Fn::GetAtt");
      Text attr = text(resolve(array.items().get(1), locals));
      if (attr == null || !attr.known()) {
        return unresolved("Fn::GetAtt " + Render.compact(argument), at, "the attribute name cannot be computed");
      }
      attribute = attr.text();
    } else if (argument instanceof DocScalar scalar && scalar.text().contains(".")) {
      logicalId = scalar.text().substring(0, scalar.text().indexOf('.'));
      attribute = scalar.text().substring(scalar.text().indexOf('.') + 1);
    } else {
      throw new TemplateException("Fn::GetAtt takes [LogicalId, Attribute], not " + argument.describe(), argument.location());
    }
    Template.Resource resource = template.resources().get(logicalId);
    if (resource == null) {
      return unresolved("Fn::GetAtt " + logicalId + "." + attribute, at, "the template declares no resource named " + logicalId);
    }
    return resources.getAtt(resource, attribute, at);
  }

  private DocNode sub(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    String format;
    Map<String, DocNode> variables = new HashMap<>(locals);
    if (argument instanceof DocArray array && array.items().size() == 2 && array.items().get(1) instanceof DocObject vars) {
      format = literal(array.items().get(0), "Fn::Sub");
      for (DocObject.Member member : vars.members()) {
        DocNode value = resolve(member.value(), locals);
        variables.put(member.key(), value == null ? DocScalar.string("", at) : value);
      }
    } else if (argument instanceof DocScalar scalar) {
      format = scalar.text();
    } else {
      throw new TemplateException("Fn::Sub takes a string or [string, {variables}], not " + argument.describe(), argument.location());
    }
    StringBuilder out = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>();
    int i = 0;
    while (i < format.length()) {
      int open = format.indexOf("${", i);
      int close = open < 0 ? -1 : format.indexOf('}', open);
      if (close < 0) {
        out.append(format, i, format.length());
        break;
      }
      out.append(format, i, open);
      String inner = format.substring(open + 2, close);
      if (inner.startsWith("!")) {
        out.append("${").append(inner.substring(1)).append('}');
      } else {
        DocNode value = variable(inner.strip(), at, variables);
        Text text = text(value);
        if (text == null) {
          text = text(unresolved("${" + inner + "}", at, "Fn::Sub variable is a list or object, not a string"));
        }
        out.append(text.text());
        parts.addAll(text.parts());
      }
      i = close + 1;
    }
    return new Text(out.toString(), parts).scalar(at);
  }

  private DocNode variable(String name, SourceLocation at, Map<String, DocNode> variables) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith("AWS::") && template.resources().containsKey(name.substring(0, dot))) {
      return resources.getAtt(template.resources().get(name.substring(0, dot)), name.substring(dot + 1), at);
    }
    if (name.contains(":") && !name.startsWith("AWS::") && !template.parameters().containsKey(name)) {
      // An IAM policy variable such as ${aws:username}: Fn::Sub reads it as a reference, which
      // CloudFormation rejects; "${!Literal}" writes it literally (Fn::Sub, CloudFormation User Guide).
      return unresolved("${" + name + "}", at, "Fn::Sub reads ${" + name + "} as a reference to a parameter or resource; "
          + "to keep the IAM policy variable, write ${!" + name + "}");
    }
    DocNode value = ref(name, at, Map.of());
    return value == null ? DocScalar.string("", at) : value;
  }

  private DocNode join(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    List<DocNode> args = arguments(argument, 2, "Fn::Join", "[delimiter, [values]]");
    Text delimiter = text(resolve(args.get(0), locals));
    DocNode list = resolve(args.get(1), locals);
    if (!(list instanceof DocArray array) || delimiter == null) {
      return unresolved("Fn::Join " + Render.compact(argument), at, "the list to join cannot be computed");
    }
    StringBuilder out = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>(delimiter.parts());
    for (int i = 0; i < array.items().size(); i++) {
      Text item = text(array.items().get(i));
      if (item == null) {
        return unresolved("Fn::Join " + Render.compact(argument), at, "item " + i + " is not a string");
      }
      out.append(i == 0 ? "" : delimiter.text()).append(item.text());
      parts.addAll(item.parts());
    }
    return new Text(out.toString(), parts).scalar(at);
  }

  private DocNode select(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    List<DocNode> args = arguments(argument, 2, "Fn::Select", "[index, [values]]");
    Text index = text(resolve(args.get(0), locals));
    DocNode list = resolve(args.get(1), locals);
    if (index == null || !index.known() || !(list instanceof DocArray array)) {
      return unresolved("Fn::Select " + Render.compact(argument), at, "the index or the list cannot be computed");
    }
    int i;
    try {
      i = Integer.parseInt(index.text().strip());
    } catch (NumberFormatException e) {
      throw new TemplateException("Fn::Select index must be a number, not \"" + index.text() + "\"", args.get(0).location());
    }
    if (i < 0 || i >= array.items().size()) {
      throw new TemplateException("Fn::Select index " + i + " is outside the list of " + array.items().size() + " values",
          args.get(0).location());
    }
    return array.items().get(i);
  }

  private DocNode split(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    List<DocNode> args = arguments(argument, 2, "Fn::Split", "[delimiter, string]");
    Text delimiter = text(resolve(args.get(0), locals));
    Text source = text(resolve(args.get(1), locals));
    if (delimiter == null || !delimiter.known() || source == null || delimiter.text().isEmpty()) {
      return unresolved("Fn::Split " + Render.compact(argument), at, "the delimiter or the string cannot be computed");
    }
    List<DocNode> items = new ArrayList<>();
    int from = 0;
    while (true) {
      int next = source.text().indexOf(delimiter.text(), from);
      String piece = source.text().substring(from, next < 0 ? source.text().length() : next);
      items.add(new Text(piece, source.parts().stream().filter(u -> piece.contains(u.placeholder())).toList()).scalar(at));
      if (next < 0) {
        break;
      }
      from = next + delimiter.text().length();
    }
    return new DocArray(items, at);
  }

  private DocNode findInMap(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    if (!(argument instanceof DocArray array) || array.items().size() < 3) {
      throw new TemplateException("Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]", argument.location());
    }
    DocNode fallback = array.items().size() > 3 && array.items().get(3) instanceof DocObject options
        ? options.member("DefaultValue").map(m -> resolve(m.value(), locals)).orElse(null) : null;
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Text key = text(resolve(array.items().get(i), locals));
      if (key == null || !key.known()) {
        return fallback != null ? fallback
            : unresolved("Fn::FindInMap " + Render.compact(argument), at, "key " + (i + 1) + " cannot be computed");
      }
      keys.add(key.text());
    }
    DocNode map = template.mappings().get(keys.get(0));
    if (map == null) {
      throw new TemplateException("Fn::FindInMap: the template has no mapping named " + keys.get(0), at);
    }
    DocNode value = map instanceof DocObject top ? top.member(keys.get(1)).map(DocObject.Member::value).orElse(null) : null;
    value = value instanceof DocObject second ? second.member(keys.get(2)).map(DocObject.Member::value).orElse(null) : null;
    if (value == null) {
      if (fallback != null) {
        return fallback;
      }
      return unresolved("Fn::FindInMap " + keys, at, "mapping " + keys.get(0) + " has no entry " + keys.get(1) + "/" + keys.get(2));
    }
    return resolve(value, locals);
  }

  private DocNode ifFunction(DocNode argument, SourceLocation at, Map<String, DocNode> locals) {
    List<DocNode> args = arguments(argument, 3, "Fn::If", "[condition, value if true, value if false]");
    String name = literal(args.get(0), "Fn::If");
    Boolean value = condition(name, args.get(0).location());
    if (value == null) {
      return unresolved("Fn::If " + Render.compact(argument), at, "condition " + name + " depends on values that cannot be computed");
    }
    return resolve(args.get(value ? 1 : 2), locals);
  }

  private static List<DocNode> arguments(DocNode argument, int count, String function, String form) {
    if (argument instanceof DocArray array && array.items().size() == count) {
      return array.items();
    }
    throw new TemplateException(function + " takes " + form + ", not " + argument.describe(), argument.location());
  }

  /**
   * The unknown values a condition depends on (its parameters without a value, pseudo parameters
   * known only at deployment), through the conditions it names; for messages that say what to give.
   */
  List<Unresolved> unknownsOfCondition(String name) {
    List<Unresolved> found = new ArrayList<>();
    unknownsIn(template.conditions().get(name), found, new java.util.HashSet<>(List.of(name)));
    return found;
  }

  private void unknownsIn(DocNode node, List<Unresolved> found, Set<String> seen) {
    if (node instanceof DocObject object && object.members().size() == 1 && object.members().get(0).key().equals("Condition")
        && object.members().get(0).value() instanceof DocScalar named && seen.add(named.text())) {
      unknownsIn(template.conditions().get(named.text()), found, seen);
    } else if (node instanceof DocObject object && object.members().size() == 1 && object.members().get(0).key().equals("Ref")) {
      PolicyDocuments.unresolvedIn(resolve(node)).stream().filter(u -> !found.contains(u)).forEach(found::add);
    } else if (node instanceof DocObject object) {
      object.members().forEach(m -> unknownsIn(m.value(), found, seen));
    } else if (node instanceof DocArray array) {
      array.items().forEach(i -> unknownsIn(i, found, seen));
    }
  }

  /**
   * Why it is unknown whether what resource {@code r} creates exists (a nested stack's resources, a
   * stack set's instances): this stack's own uncertainty, and {@code r}'s Condition where it cannot
   * be computed. Call it for a resource whose Condition is not false.
   */
  List<Unresolved> existenceOf(Template.Resource r) {
    List<Unresolved> result = new ArrayList<>(existence);
    if (r.condition().isPresent() && condition(r.condition().get(), r.location()) == null) {
      result.add(conditionUnknown(r));
    }
    return result;
  }

  /**
   * Why it is unknown whether resource {@code r} exists: its Condition cannot be computed. Says what
   * the condition depends on and which parameters to give.
   */
  Unresolved conditionUnknown(Template.Resource r) {
    String condition = r.condition().orElseThrow();
    List<Unresolved> causes = unknownsOfCondition(condition);
    List<String> parameters = causes.stream().map(Unresolved::expression).filter(e -> e.startsWith("Ref "))
        .map(e -> e.substring(4)).filter(p -> template.parameters().containsKey(p)).toList();
    return Unresolved.of("Condition " + condition, r.location(),
        "whether " + r.logicalId() + " exists is unknown: condition " + condition + " depends on "
            + (causes.isEmpty() ? "values known only at deployment" : causes.get(0).display() + " (" + causes.get(0).reason() + ")")
            + "; its statements apply only if it does, so a decision that depends on them cannot be made"
            + (parameters.isEmpty() ? "" : "; give " + String.join(" and ", parameters) + " a value (@IamTest(parameters = \""
                + parameters.get(0) + "=...\"))"));
  }

  /** A condition's value; null when it depends on something that cannot be known before deployment. */
  Boolean condition(String name, SourceLocation at) {
    if (conditions.containsKey(name)) {
      return conditions.get(name);
    }
    DocNode expression = template.conditions().get(name);
    if (expression == null) {
      throw new TemplateException("the template declares no condition named " + name, at);
    }
    if (!evaluating.add(name)) {
      throw new TemplateException("condition " + name + " refers to itself", at);
    }
    Boolean value = evaluate(expression);
    evaluating.remove(name);
    conditions.put(name, value);
    return value;
  }

  private Boolean evaluate(DocNode expression) {
    if (expression instanceof DocObject object && object.members().size() == 1) {
      DocObject.Member only = object.members().get(0);
      switch (only.key()) {
        case "Condition":
          return condition(literal(only.value(), "Condition"), only.value().location());
        case "Fn::Equals": {
          List<DocNode> args = arguments(only.value(), 2, "Fn::Equals", "[value, value]");
          DocNode left = resolve(args.get(0));
          DocNode right = resolve(args.get(1));
          List<Unresolved> unknown = new ArrayList<>(PolicyDocuments.unresolvedIn(left));
          unknown.addAll(PolicyDocuments.unresolvedIn(right));
          if (!unknown.isEmpty()) {
            return null;
          }
          return Render.compact(left).equals(Render.compact(right));
        }
        case "Fn::Not": {
          DocNode arg = only.value() instanceof DocArray a && a.items().size() == 1 ? a.items().get(0) : only.value();
          Boolean value = evaluate(arg);
          return value == null ? null : !value;
        }
        case "Fn::And":
        case "Fn::Or": {
          boolean and = only.key().equals("Fn::And");
          if (!(only.value() instanceof DocArray args)) {
            throw new TemplateException(only.key() + " takes a list of conditions", only.value().location());
          }
          boolean unknown = false;
          for (DocNode arg : args.items()) {
            Boolean value = evaluate(arg);
            if (value == null) {
              unknown = true;
            } else if (value != and) {
              return value;
            }
          }
          return unknown ? null : and;
        }
        default:
          break;
      }
    }
    DocNode value = resolve(expression);
    if (value instanceof DocScalar scalar && scalar.unresolved().isEmpty()) {
      return scalar.text().equalsIgnoreCase("true");
    }
    if (value instanceof DocUnresolved) {
      return null;
    }
    throw new TemplateException("a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, not "
        + expression.describe(), expression.location());
  }
}
