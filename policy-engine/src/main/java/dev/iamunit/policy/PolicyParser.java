package dev.iamunit.policy;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.ActionElement;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a policy document into the {@link Policy} model: strict where AWS's policy validator is
 * strict (IAM User Guide, "IAM JSON policy element reference" and "Grammar of the IAM JSON policy
 * language"), lenient where AWS is (a single statement object, a string for a list).
 */
public final class PolicyParser {

  private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");

  private static final Set<String> STATEMENT_ELEMENTS =
      Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");

  /** Statements a policy may have before duplicate Sids are found through a map. */
  private static final int SID_SCAN_LIMIT = 8;

  private PolicyParser() {}

  /** Parses policy JSON from a file; {@code name} is how messages refer to the policy. */
  public static Policy parse(String json, String file, PolicyKind kind, String name) {
    return parse(JsonDocuments.read(json, file), kind, name);
  }

  /** Parses policy JSON that starts at {@code origin} inside a template (a heredoc, a string). */
  public static Policy parse(String json, SourceLocation origin, PolicyKind kind, String name) {
    return parse(JsonDocuments.read(json, origin), kind, name);
  }

  /** Parses a document tree built by a loader. */
  public static Policy parse(DocNode document, PolicyKind kind, String name) {
    DocObject root = object(document, "a policy document must be a JSON object with a Statement element");
    Optional<String> version = Optional.empty();
    Optional<String> id = Optional.empty();
    DocObject.Member statementMember = null;
    for (DocObject.Member member : root.members()) {
      switch (member.key()) {
        case "Version" -> {
          String text = string(member.value(), "Version");
          if (!text.equals(Policy.VERSION_2012) && !text.equals(Policy.VERSION_2008)) {
            throw error(
                "unknown Version \"" + text + "\"; use \"2012-10-17\" (or \"2008-10-17\", without policy variables)",
                member.value().location());
          }
          version = Optional.of(text);
        }
        case "Id" -> id = Optional.of(string(member.value(), "Id"));
        case "Statement" -> statementMember = member;
        default -> throw unknownElement(member, POLICY_ELEMENTS, "a policy");
      }
    }
    if (statementMember == null) {
      throw error("the policy has no Statement element; add at least one statement", root.location());
    }
    List<DocNode> statementNodes =
        statementMember.value() instanceof DocArray array ? array.items() : List.of(statementMember.value());
    // Filled in place and handed over as a List.of list, which Policy keeps without copying.
    Statement[] statements = new Statement[statementNodes.size()];
    Map<String, SourceLocation> sids = null;
    for (int i = 0; i < statements.length; i++) {
      Statement statement = statement(statementNodes.get(i), i, kind);
      if (statement.sid().isPresent()) {
        String sid = statement.sid().get();
        // Looking back through a few statements is cheaper than hashing every Sid into a map.
        if (sids == null && i == SID_SCAN_LIMIT) {
          sids = new HashMap<>();
          for (int j = 0; j < i; j++) {
            Statement before = statements[j];
            if (before.sid().isPresent()) {
              sids.putIfAbsent(before.sid().get(), before.location());
            }
          }
        }
        SourceLocation earlier = sids != null ? sids.putIfAbsent(sid, statement.location()) : earlierSid(statements, i, sid);
        if (earlier != null) {
          throw error(
              "duplicate Sid \"" + sid + "\" (also at line " + earlier.line() + "); each Sid in a policy must be unique",
              statement.location());
        }
      }
      statements[i] = statement;
    }
    return new Policy(name, version, id, List.of(statements), root.location());
  }

  /** Where the first of {@code statements[0..count)} with this Sid starts, or null. */
  private static SourceLocation earlierSid(Statement[] statements, int count, String sid) {
    for (int i = 0; i < count; i++) {
      if (statements[i].sid().isPresent() && statements[i].sid().get().equals(sid)) {
        return statements[i].location();
      }
    }
    return null;
  }

  /**
   * Parses a document built from values a loader could not all compute. A statement that cannot
   * be read because of them is not dropped: it is kept in {@link Policy#unreadable()}, and a
   * decision that could depend on it fails naming it. Any other mistake is an error as in {@link
   * #parse(DocNode, PolicyKind, String)}.
   */
  public static Policy parsePartly(DocNode document, PolicyKind kind, String name) {
    try {
      return parse(document, kind, name);
    } catch (InvalidPolicyException whole) {
      if (!(document instanceof DocObject root)) {
        throw whole;
      }
      List<DocObject.Member> head = new ArrayList<>();
      List<DocNode> statementNodes = List.of();
      for (DocObject.Member member : root.members()) {
        if (member.key().equals("Statement")) {
          statementNodes = member.value() instanceof DocArray array ? array.items() : List.of(member.value());
        } else {
          head.add(member);
        }
      }
      List<Statement> read = new ArrayList<>();
      List<Unresolved> unreadable = new ArrayList<>();
      Policy shell = null;
      for (DocNode node : statementNodes) {
        List<DocObject.Member> members = new ArrayList<>(head);
        members.add(new DocObject.Member("Statement", node.location(), new DocArray(List.of(node), node.location())));
        try {
          Policy one = parse(new DocObject(members, root.location()), kind, name);
          shell = one;
          Statement statement = one.statements().get(0);
          read.add(new Statement(statement.sid(), statement.effect(), statement.action(), statement.resource(),
              statement.principal(), statement.conditions(), read.size() + unreadable.size(), statement.location(),
              statement.unresolved()));
        } catch (InvalidPolicyException e) {
          if (!dependsOnUnresolved(node)) {
            throw e;
          }
          unreadable.add(Unresolved.of("a statement of " + name, node.location(),
              "it cannot be read until the values it is built from are known: " + e.getMessage()));
        }
      }
      Optional<String> version = shell == null ? Optional.empty() : shell.version();
      Optional<String> id = shell == null ? Optional.empty() : shell.id();
      return new Policy(name, version, id, read, root.location(), unreadable);
    }
  }

  private static boolean dependsOnUnresolved(DocNode node) {
    if (node instanceof DocUnresolved) {
      return true;
    }
    if (node instanceof DocScalar scalar) {
      return !scalar.unresolved().isEmpty();
    }
    if (node instanceof DocArray array) {
      return array.items().stream().anyMatch(PolicyParser::dependsOnUnresolved);
    }
    return ((DocObject) node).members().stream().anyMatch(m -> dependsOnUnresolved(m.value()));
  }

  private static Statement statement(DocNode node, int index, PolicyKind kind) {
    DocObject object = object(node, "a statement must be a JSON object");
    StatementElements elements = new StatementElements();
    for (DocObject.Member member : object.members()) {
      if (!elements.put(member)) {
        throw unknownElement(member, STATEMENT_ELEMENTS, "a statement");
      }
    }
    List<Unresolved> unresolved = new ArrayList<>();
    SourceLocation at = object.location();

    // An empty Sid names nothing: real policies repeat "Sid": "" and AWS accepts them.
    Optional<String> sid = Optional.empty();
    if (elements.sid != null) {
      String text = string(elements.sid.value(), "Sid");
      if (!text.isEmpty()) {
        sid = Optional.of(text);
      }
    }

    DocObject.Member effectMember = elements.effect;
    if (effectMember == null) {
      throw error("the statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"", at);
    }
    String effectText = string(effectMember.value(), "Effect");
    Effect effect =
        switch (effectText) {
          case "Allow" -> Effect.ALLOW;
          case "Deny" -> Effect.DENY;
          default -> throw error(
              "Effect must be \"Allow\" or \"Deny\" (case-sensitive), not \"" + effectText + "\"",
              effectMember.value().location());
        };

    DocObject.Member action = exclusive(elements.action, elements.notAction, at);
    if (action == null) {
      throw error("the statement has neither Action nor NotAction; name the actions it " + verb(effect), at);
    }
    List<String> actions = strings(action.value(), action.key(), unresolved);
    for (String value : actions) {
      checkAction(value, action);
    }

    DocObject.Member resource = exclusive(elements.resource, elements.notResource, at);
    if (resource == null && kind.resourceRequired()) {
      throw error(
          "the statement has neither Resource nor NotResource, which " + kind.withArticle()
              + " requires; add \"Resource\": \"*\" or the ARNs it " + verb(effect),
          at);
    }
    Optional<ResourceElement> resources = Optional.empty();
    if (resource != null) {
      List<String> values = strings(resource.value(), resource.key(), unresolved);
      for (String value : values) {
        if (!isResourceValue(value)) {
          throw error(
              "malformed ARN \"" + value + "\" in " + resource.key()
                  + "; an ARN has the form arn:partition:service:region:account-id:resource, or use \"*\"",
              resource.value().location());
        }
      }
      resources = Optional.of(new ResourceElement(values, resource.key().equals("NotResource"), resource.keyLocation()));
    }

    DocObject.Member principal = exclusive(elements.principal, elements.notPrincipal, at);
    if (principal != null && !kind.principalRequired()) {
      throw error(
          kind.withArticle() + " cannot have " + principal.key()
              + ": it applies to the principal it is attached to; remove the element",
          principal.keyLocation());
    }
    if (principal == null && kind.principalRequired()) {
      throw error(
          "the statement has neither Principal nor NotPrincipal, which " + kind.withArticle()
              + " requires; name who it applies to, for example \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}",
          at);
    }
    Optional<PrincipalElement> principals =
        principal == null ? Optional.empty() : Optional.of(principal(principal, unresolved));

    List<Condition> conditions = elements.condition == null ? List.of() : conditions(elements.condition, unresolved);
    return new Statement(
        sid,
        effect,
        new ActionElement(actions, action.key().equals("NotAction"), action.keyLocation()),
        resources,
        principals,
        conditions,
        index,
        at,
        // List.copyOf of an empty ArrayList still allocates an array; List.of() is a constant.
        unresolved.isEmpty() ? List.of() : unresolved);
  }

  /**
   * Whether {@link #parse} accepts {@code value} in a Resource or NotResource element: {@code "*"},
   * an ARN, or a shorter ARN ending in "*", which is whole: "If the * wildcard is the last
   * character of a resource ARN segment, it can expand to match beyond the colon boundaries".
   */
  public static boolean isResourceValue(String value) {
    return value.equals("*") || isArn(value) || value.startsWith("arn:") && value.endsWith("*") || Unresolved.isIn(value);
  }

  /**
   * "arn:partition:service:region:account-id:resource..." (IAM identifiers: ARNs): "arn:" and
   * four more colons, whatever lies between them. Counted rather than matched with a regular
   * expression: every Resource value of every policy passes here.
   */
  private static boolean isArn(String value) {
    if (!value.startsWith("arn:")) {
      return false;
    }
    int colons = 0;
    for (int at = value.indexOf(':', 4); at >= 0 && colons < 4; at = value.indexOf(':', at + 1)) {
      colons++;
    }
    return colons == 4;
  }

  /**
   * The elements of one statement by name, the last of a name winning as in a map; {@link
   * #put} refuses a name that is not a statement element. A few fields where a map per statement
   * cost more than the rest of reading it.
   */
  private static final class StatementElements {
    private DocObject.Member sid;
    private DocObject.Member effect;
    private DocObject.Member action;
    private DocObject.Member notAction;
    private DocObject.Member resource;
    private DocObject.Member notResource;
    private DocObject.Member principal;
    private DocObject.Member notPrincipal;
    private DocObject.Member condition;

    boolean put(DocObject.Member member) {
      switch (member.key()) {
        case "Sid" -> sid = member;
        case "Effect" -> effect = member;
        case "Action" -> action = member;
        case "NotAction" -> notAction = member;
        case "Resource" -> resource = member;
        case "NotResource" -> notResource = member;
        case "Principal" -> principal = member;
        case "NotPrincipal" -> notPrincipal = member;
        case "Condition" -> condition = member;
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  private static String verb(Effect effect) {
    return effect == Effect.ALLOW ? "allows" : "denies";
  }

  /** Whether {@link #parse} accepts {@code value} in an Action or NotAction element: "service:action" with wildcards, or "*". */
  public static boolean isActionValue(String value) {
    if (Unresolved.isIn(value) || value.equals("*")) {
      return true;
    }
    int colon = value.indexOf(':');
    return value.equals(value.strip()) && colon > 0 && colon < value.length() - 1 && value.indexOf(':', colon + 1) < 0;
  }

  private static void checkAction(String value, DocObject.Member element) {
    if (isActionValue(value)) {
      return;
    }
    if (!value.equals(value.strip())) {
      throw error(
          "\"" + value + "\" in " + element.key() + " has spaces around it, which no action name has; remove them",
          element.value().location());
    }
    throw error(
        "\"" + value + "\" in " + element.key() + " is not an action; write service:action, such as \"ec2:RunInstances\" or \"iam:*MFA*\"",
        element.value().location());
  }

  private static PrincipalElement principal(DocObject.Member member, List<Unresolved> unresolved) {
    boolean negated = member.key().equals("NotPrincipal");
    DocNode value = member.value();
    if (value instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING) {
      if (!scalar.text().equals("*")) {
        throw error(
            member.key() + " as a string must be \"*\"; name principals as {\"AWS\": [...]} , {\"Service\": ...}, {\"Federated\": ...} or {\"CanonicalUser\": ...}",
            value.location());
      }
      return new PrincipalElement(negated, true, Map.of(), member.keyLocation());
    }
    // The message is built only when the value is not an object.
    DocObject object = value instanceof DocObject types
        ? types
        : object(value, member.key() + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (DocObject.Member type : object.members()) {
      if (!PrincipalElement.TYPES.contains(type.key())) {
        throw error(
            "unknown principal type \"" + type.key() + "\" in " + member.key() + "; use one of " + PrincipalElement.TYPES,
            type.keyLocation());
      }
      byType.put(type.key(), strings(type.value(), member.key(), ".", type.key(), unresolved));
    }
    return new PrincipalElement(negated, false, byType, member.keyLocation());
  }

  private static List<Condition> conditions(DocObject.Member member, List<Unresolved> unresolved) {
    DocObject block =
        object(member.value(), "Condition must be an object of operators, such as {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
    // As many conditions as keys under operators: an array of that size instead of a growing list.
    int count = 0;
    for (DocObject.Member operatorMember : block.members()) {
      if (operatorMember.value() instanceof DocObject keys) {
        count += keys.members().size();
      }
    }
    Condition[] into = new Condition[count];
    int next = 0;
    for (DocObject.Member operatorMember : block.members()) {
      String name = operatorMember.key();
      ConditionOperator operator =
          ConditionOperator.parse(name)
              .orElseThrow(
                  () -> error(
                      "unknown condition operator \"" + name + "\"; did you mean \"" + ConditionOperator.closestTo(name)
                          + "\"? AWS rejects policies with unknown operators",
                      operatorMember.keyLocation()));
      // The message is built only when the value is not an object.
      DocObject keys = operatorMember.value() instanceof DocObject object
          ? object
          : object(operatorMember.value(), "the value of condition operator " + name + " must be an object of condition keys");
      if (keys.members().isEmpty()) {
        throw error("condition operator " + name + " has no condition keys; add one or remove the operator", keys.location());
      }
      for (DocObject.Member key : keys.members()) {
        List<String> values = strings(key.value(), name, " ", key.key(), unresolved);
        into[next++] = new Condition(operator, key.key(), values, key.keyLocation());
      }
    }
    return List.of(into);
  }

  private static DocObject.Member exclusive(DocObject.Member a, DocObject.Member b, SourceLocation at) {
    if (a != null && b != null) {
      throw error("the statement has both " + a.key() + " and " + b.key() + "; a statement can have only one of them", b.keyLocation());
    }
    return a != null ? a : b;
  }

  private static DocObject object(DocNode node, String expectation) {
    if (node instanceof DocObject object) {
      return object;
    }
    if (node instanceof DocUnresolved unresolved) {
      throw error(
          "cannot evaluate a policy built from " + unresolved.value().display() + ": " + unresolved.value().reason(),
          node.location());
    }
    throw error(expectation + ", not " + node.describe(), node.location());
  }

  private static String string(DocNode node, String element) {
    if (node instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING && scalar.unresolved().isEmpty()) {
      return scalar.text();
    }
    if (node instanceof DocUnresolved || node instanceof DocScalar s && !s.unresolved().isEmpty()) {
      throw error(element + " is built from a value IAMUnit cannot compute (" + node.describe() + "); give it a literal value", node.location());
    }
    throw error(element + " must be a string, not " + node.describe(), node.location());
  }

  /**
   * A string or a list of strings; booleans and numbers as their text, as AWS accepts them. A
   * List.of list, which the model's records keep without copying.
   */
  private static List<String> strings(DocNode node, String element, List<Unresolved> unresolved) {
    return strings(node, element, "", "", unresolved);
  }

  /**
   * As {@link #strings(DocNode, String, List)} for an element that errors name as {@code parent
   * + separator + child} ({@code StringEquals aws:username}, {@code Principal.AWS}): the name is
   * put together only for an error, not for every condition key read.
   */
  private static List<String> strings(
      DocNode node, String parent, String separator, String child, List<Unresolved> unresolved) {
    if (!(node instanceof DocArray array)) {
      return List.of(scalar(node, parent, separator, child, unresolved));
    }
    List<DocNode> items = array.items();
    String[] values = new String[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = scalar(items.get(i), parent, separator, child, unresolved);
    }
    return List.of(values);
  }

  private static String scalar(DocNode node, String parent, String separator, String child, List<Unresolved> unresolved) {
    if (node instanceof DocUnresolved value) {
      unresolved.add(value.value());
      return value.value().placeholder();
    }
    if (node instanceof DocScalar scalar && scalar.kind() != DocScalar.Kind.NULL) {
      // addAll of even an empty list allocates its array: most scalars have nothing to add.
      if (!scalar.unresolved().isEmpty()) {
        unresolved.addAll(scalar.unresolved());
      }
      return scalar.text();
    }
    throw error(parent + separator + child + " must be a string or a list of strings, not " + node.describe(), node.location());
  }

  private static InvalidPolicyException unknownElement(DocObject.Member member, Set<String> known, String where) {
    String suggestion =
        known.stream()
            .filter(k -> k.equalsIgnoreCase(member.key()))
            .findFirst()
            .map(k -> "did you mean \"" + k + "\"? Element names are case-sensitive")
            .orElse("the elements of " + where + " are " + String.join(", ", known.stream().sorted().toList()));
    return error("unknown element \"" + member.key() + "\" in " + where + "; " + suggestion, member.keyLocation());
  }

  private static InvalidPolicyException error(String message, SourceLocation location) {
    return new InvalidPolicyException(message, location);
  }
}
