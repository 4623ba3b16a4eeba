package dev.iamunit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.TokenReader;
import dev.iamunit.document.TokenReader.Token;
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
import org.apiguardian.api.API;

/**
 * Turns a policy document into the {@link Policy} model: strict where AWS's policy validator is
 * strict (IAM User Guide, "IAM JSON policy element reference" and "Grammar of the IAM JSON policy
 * language"), lenient where AWS is (a single statement object, a string for a list).
 *
 * <p>The one grammar of policies: it reads a document's {@link TokenReader tokens}, whether they
 * come from text (a file, a heredoc, a case line) or from a tree a loader built, so that every
 * rule and every message is written once. A policy's elements are checked in a fixed order (the
 * names first, then Version; a statement's Sid, Effect, Action, Resource, Principal and Condition),
 * whatever order they were written in, so that a document with several mistakes always reports
 * the same one.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PolicyParser {

  private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");

  private static final Set<String> STATEMENT_ELEMENTS =
      Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");

  /** Statements a policy may have before duplicate Sids are found through a map. */
  private static final int SID_SCAN_LIMIT = 8;

  /** The position of an element that is not there. */
  private static final int NONE = -1;

  private static final Optional<String> VERSION_2012 = Optional.of(Policy.VERSION_2012);
  private static final Optional<String> VERSION_2008 = Optional.of(Policy.VERSION_2008);

  private PolicyParser() {}

  /** Parses policy JSON from a file; {@code name} is how messages refer to the policy. */
  public static Policy parse(String json, String file, PolicyKind kind, String name) {
    return parseDocument(TokenReader.of(json, file), kind, name);
  }

  /** Parses policy JSON that starts at {@code origin} inside a template (a heredoc, a string). */
  public static Policy parse(String json, SourceLocation origin, PolicyKind kind, String name) {
    return parseDocument(TokenReader.of(json, origin), kind, name);
  }

  /** Parses a document tree built by a loader. */
  public static Policy parse(DocNode document, PolicyKind kind, String name) {
    return parseDocument(TokenReader.of(document), kind, name);
  }

  private static Policy parseDocument(TokenReader tokens, PolicyKind kind, String name) {
    tokens.next();
    return parse(tokens, kind, name);
  }

  /**
   * Parses the policy whose first token is the reader's current one, and leaves the reader at its
   * last: a policy inside a larger document, as a case line holds them.
   */
  public static Policy parse(TokenReader tokens, PolicyKind kind, String name) {
    object(tokens, "a policy document must be a JSON object with a Statement element");
    int root = tokens.position();
    Optional<String> version = Optional.empty();
    Optional<String> id = Optional.empty();
    int statementValue = NONE;
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      String key = tokens.text();
      switch (key) {
        case "Version" -> {
          tokens.next();
          String text = string(tokens, "Version");
          if (text.equals(Policy.VERSION_2012)) {
            version = VERSION_2012;
          } else if (text.equals(Policy.VERSION_2008)) {
            version = VERSION_2008;
          } else {
            throw error(
                "unknown Version \"" + text + "\"; use \"2012-10-17\" (or \"2008-10-17\", without policy variables)",
                tokens.location());
          }
        }
        case "Id" -> {
          tokens.next();
          id = Optional.of(string(tokens, "Id"));
        }
        case "Statement" -> {
          // Read after the other elements, whose mistakes are reported first.
          tokens.next();
          statementValue = tokens.position();
          tokens.skipValue();
        }
        default -> throw unknownElement(key, tokens.location(), POLICY_ELEMENTS, "a policy");
      }
    }
    int last = tokens.position();
    if (statementValue == NONE) {
      throw error("the policy has no Statement element; add at least one statement", tokens.locationAt(root));
    }
    tokens.seek(statementValue);
    List<Statement> statements = statements(tokens, kind);
    tokens.seek(last);
    return new Policy(name, version, id, statements, tokens.locationAt(root));
  }

  /** The statements of a Statement element: an array of them, or one alone. */
  private static List<Statement> statements(TokenReader tokens, PolicyKind kind) {
    if (tokens.token() != Token.BEGIN_ARRAY) {
      return List.of(statement(tokens, 0, kind));
    }
    // Filled in place and handed over as a List.of list, which Policy keeps without copying.
    Statement[] statements = new Statement[tokens.size()];
    Map<String, SourceLocation> sids = null;
    for (int i = 0; i < statements.length; i++) {
      tokens.next();
      Statement statement = statement(tokens, i, kind);
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
    tokens.next();
    return List.of(statements);
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

  private static Statement statement(TokenReader tokens, int index, PolicyKind kind) {
    object(tokens, "a statement must be a JSON object");
    SourceLocation at = tokens.location();
    // Every element's name is checked first; then the elements are read in the order of the
    // rules below, whatever order they were written in.
    StatementElements elements = new StatementElements();
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      if (!elements.put(tokens.text(), tokens.position())) {
        throw unknownElement(tokens.text(), tokens.location(), STATEMENT_ELEMENTS, "a statement");
      }
      tokens.next();
      tokens.skipValue();
    }
    int last = tokens.position();
    List<Unresolved> unresolved = new ArrayList<>();

    // An empty Sid names nothing: real policies repeat "Sid": "" and AWS accepts them.
    Optional<String> sid = Optional.empty();
    if (elements.sid != NONE) {
      tokens.seek(elements.sid + 1);
      String text = string(tokens, "Sid");
      if (!text.isEmpty()) {
        sid = Optional.of(text);
      }
    }

    if (elements.effect == NONE) {
      throw error("the statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"", at);
    }
    tokens.seek(elements.effect + 1);
    String effectText = string(tokens, "Effect");
    Effect effect =
        switch (effectText) {
          case "Allow" -> Effect.ALLOW;
          case "Deny" -> Effect.DENY;
          default -> throw error(
              "Effect must be \"Allow\" or \"Deny\" (case-sensitive), not \"" + effectText + "\"", tokens.location());
        };

    int action = exclusive(tokens, elements.action, elements.notAction);
    if (action == NONE) {
      throw error("the statement has neither Action nor NotAction; name the actions it " + verb(effect), at);
    }
    String actionName = tokens.textAt(action);
    tokens.seek(action + 1);
    List<String> actions = strings(tokens, actionName, unresolved);
    for (String value : actions) {
      checkAction(value, actionName, tokens, action + 1);
    }

    int resource = exclusive(tokens, elements.resource, elements.notResource);
    if (resource == NONE && kind.resourceRequired()) {
      throw error(
          "the statement has neither Resource nor NotResource, which " + kind.withArticle()
              + " requires; add \"Resource\": \"*\" or the ARNs it " + verb(effect),
          at);
    }
    Optional<ResourceElement> resources = Optional.empty();
    if (resource != NONE) {
      String resourceName = tokens.textAt(resource);
      tokens.seek(resource + 1);
      List<String> values = strings(tokens, resourceName, unresolved);
      for (String value : values) {
        if (!isResourceValue(value)) {
          throw error(
              "malformed ARN \"" + value + "\" in " + resourceName
                  + "; an ARN has the form arn:partition:service:region:account-id:resource, or use \"*\"",
              tokens.locationAt(resource + 1));
        }
      }
      resources = Optional.of(new ResourceElement(values, resourceName.equals("NotResource"), tokens.locationAt(resource)));
    }

    int principal = exclusive(tokens, elements.principal, elements.notPrincipal);
    if (principal != NONE && !kind.principalRequired()) {
      throw error(
          kind.withArticle() + " cannot have " + tokens.textAt(principal)
              + ": it applies to the principal it is attached to; remove the element",
          tokens.locationAt(principal));
    }
    if (principal == NONE && kind.principalRequired()) {
      throw error(
          "the statement has neither Principal nor NotPrincipal, which " + kind.withArticle()
              + " requires; name who it applies to, for example \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}",
          at);
    }
    Optional<PrincipalElement> principals =
        principal == NONE ? Optional.empty() : Optional.of(principal(tokens, principal, unresolved));

    List<Condition> conditions = List.of();
    if (elements.condition != NONE) {
      tokens.seek(elements.condition + 1);
      conditions = conditions(tokens, unresolved);
    }
    tokens.seek(last);
    return new Statement(
        sid,
        effect,
        new ActionElement(actions, actionName.equals("NotAction"), tokens.locationAt(action)),
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
   * Where the name of each element of one statement stands among its tokens, {@link #NONE} when
   * absent, the last of a name winning as in a map; {@link #put} refuses a name that is not a
   * statement element. A few fields where a map per statement cost more than the rest of reading it.
   */
  private static final class StatementElements {
    private int sid = NONE;
    private int effect = NONE;
    private int action = NONE;
    private int notAction = NONE;
    private int resource = NONE;
    private int notResource = NONE;
    private int principal = NONE;
    private int notPrincipal = NONE;
    private int condition = NONE;

    boolean put(String name, int position) {
      switch (name) {
        case "Sid" -> sid = position;
        case "Effect" -> effect = position;
        case "Action" -> action = position;
        case "NotAction" -> notAction = position;
        case "Resource" -> resource = position;
        case "NotResource" -> notResource = position;
        case "Principal" -> principal = position;
        case "NotPrincipal" -> notPrincipal = position;
        case "Condition" -> condition = position;
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

  /** Checks an action of the element whose value starts at {@code position}, where a mistake is reported. */
  private static void checkAction(String value, String element, TokenReader tokens, int position) {
    if (isActionValue(value)) {
      return;
    }
    if (!value.equals(value.strip())) {
      throw error(
          "\"" + value + "\" in " + element + " has spaces around it, which no action name has; remove them",
          tokens.locationAt(position));
    }
    throw error(
        "\"" + value + "\" in " + element + " is not an action; write service:action, such as \"ec2:RunInstances\" or \"iam:*MFA*\"",
        tokens.locationAt(position));
  }

  /** The Principal or NotPrincipal element whose name stands at {@code name}. */
  private static PrincipalElement principal(TokenReader tokens, int name, List<Unresolved> unresolved) {
    String element = tokens.textAt(name);
    boolean negated = element.equals("NotPrincipal");
    tokens.seek(name + 1);
    if (tokens.token() == Token.STRING) {
      if (!tokens.text().equals("*")) {
        throw error(
            element + " as a string must be \"*\"; name principals as {\"AWS\": [...]} , {\"Service\": ...}, {\"Federated\": ...} or {\"CanonicalUser\": ...}",
            tokens.location());
      }
      return new PrincipalElement(negated, true, Map.of(), tokens.locationAt(name));
    }
    // The message is built only when the value is not an object.
    if (tokens.token() != Token.BEGIN_OBJECT) {
      object(tokens, element + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
    }
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      String type = tokens.text();
      if (!PrincipalElement.TYPES.contains(type)) {
        throw error(
            "unknown principal type \"" + type + "\" in " + element + "; use one of " + PrincipalElement.TYPES,
            tokens.location());
      }
      tokens.next();
      byType.put(type, strings(tokens, element, ".", type, unresolved));
    }
    return new PrincipalElement(negated, false, byType, tokens.locationAt(name));
  }

  private static List<Condition> conditions(TokenReader tokens, List<Unresolved> unresolved) {
    object(tokens, "Condition must be an object of operators, such as {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
    int block = tokens.position();
    // As many conditions as keys under operators: an array of that size instead of a growing list.
    int count = 0;
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      if (tokens.next() == Token.BEGIN_OBJECT) {
        count += tokens.size();
      }
      tokens.skipValue();
    }
    tokens.seek(block);
    Condition[] into = new Condition[count];
    int next = 0;
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      String name = tokens.text();
      Optional<ConditionOperator> known = ConditionOperator.parse(name);
      if (known.isEmpty()) {
        throw error(
            "unknown condition operator \"" + name + "\"; did you mean \"" + ConditionOperator.closestTo(name)
                + "\"? AWS rejects policies with unknown operators",
            tokens.location());
      }
      ConditionOperator operator = known.get();
      // The message is built only when the value is not an object.
      if (tokens.next() != Token.BEGIN_OBJECT) {
        object(tokens, "the value of condition operator " + name + " must be an object of condition keys");
      }
      if (tokens.size() == 0) {
        throw error("condition operator " + name + " has no condition keys; add one or remove the operator", tokens.location());
      }
      for (Token key = tokens.next(); key == Token.NAME; key = tokens.next()) {
        String keyName = tokens.text();
        SourceLocation keyAt = tokens.location();
        tokens.next();
        List<String> values = strings(tokens, name, " ", keyName, unresolved);
        into[next++] = new Condition(operator, keyName, values, keyAt);
      }
    }
    return List.of(into);
  }

  /**
   * The one of two elements that may not both be written (Action and NotAction, ...), or {@link
   * #NONE}; both are an error at the second one's name.
   */
  private static int exclusive(TokenReader tokens, int a, int b) {
    if (a != NONE && b != NONE) {
      throw error(
          "the statement has both " + tokens.textAt(a) + " and " + tokens.textAt(b) + "; a statement can have only one of them",
          tokens.locationAt(b));
    }
    return a != NONE ? a : b;
  }

  /** Checks that the current value is an object. */
  private static void object(TokenReader tokens, String expectation) {
    Token token = tokens.token();
    if (token == Token.BEGIN_OBJECT) {
      return;
    }
    if (token == Token.UNRESOLVED) {
      Unresolved value = tokens.unresolved().get(0);
      throw error("cannot evaluate a policy built from " + value.display() + ": " + value.reason(), tokens.location());
    }
    throw error(expectation + ", not " + tokens.describe(), tokens.location());
  }

  private static String string(TokenReader tokens, String element) {
    Token token = tokens.token();
    if (token == Token.STRING && tokens.unresolved().isEmpty()) {
      return tokens.text();
    }
    if (token == Token.UNRESOLVED || isScalar(token) && !tokens.unresolved().isEmpty()) {
      throw error(
          element + " is built from a value IAMUnit cannot compute (" + tokens.describe() + "); give it a literal value",
          tokens.location());
    }
    throw error(element + " must be a string, not " + tokens.describe(), tokens.location());
  }

  private static boolean isScalar(Token token) {
    return token == Token.STRING || token == Token.NUMBER || token == Token.BOOLEAN || token == Token.NULL;
  }

  /**
   * A string or a list of strings; booleans and numbers as their text, as AWS accepts them. A
   * List.of list, which the model's records keep without copying.
   */
  private static List<String> strings(TokenReader tokens, String element, List<Unresolved> unresolved) {
    return strings(tokens, element, "", "", unresolved);
  }

  /**
   * As {@link #strings(TokenReader, String, List)} for an element that errors name as {@code
   * parent + separator + child} ({@code StringEquals aws:username}, {@code Principal.AWS}): the
   * name is put together only for an error, not for every condition key read.
   */
  private static List<String> strings(
      TokenReader tokens, String parent, String separator, String child, List<Unresolved> unresolved) {
    if (tokens.token() != Token.BEGIN_ARRAY) {
      return List.of(scalar(tokens, parent, separator, child, unresolved));
    }
    String[] values = new String[tokens.size()];
    for (int i = 0; i < values.length; i++) {
      tokens.next();
      values[i] = scalar(tokens, parent, separator, child, unresolved);
    }
    tokens.next();
    return List.of(values);
  }

  private static String scalar(TokenReader tokens, String parent, String separator, String child, List<Unresolved> unresolved) {
    Token token = tokens.token();
    if (token == Token.UNRESOLVED) {
      unresolved.add(tokens.unresolved().get(0));
      return tokens.text();
    }
    if (token == Token.STRING || token == Token.NUMBER || token == Token.BOOLEAN) {
      List<Unresolved> parts = tokens.unresolved();
      // addAll of even an empty list allocates its array: most scalars have nothing to add.
      if (!parts.isEmpty()) {
        unresolved.addAll(parts);
      }
      return tokens.text();
    }
    throw error(parent + separator + child + " must be a string or a list of strings, not " + tokens.describe(), tokens.location());
  }

  private static InvalidPolicyException unknownElement(String name, SourceLocation where, Set<String> known, String container) {
    String suggestion =
        known.stream()
            .filter(k -> k.equalsIgnoreCase(name))
            .findFirst()
            .map(k -> "did you mean \"" + k + "\"? Element names are case-sensitive")
            .orElse("the elements of " + container + " are " + String.join(", ", known.stream().sorted().toList()));
    return error("unknown element \"" + name + "\" in " + container + "; " + suggestion, where);
  }

  private static InvalidPolicyException error(String message, SourceLocation location) {
    return new InvalidPolicyException(message, location);
  }
}
