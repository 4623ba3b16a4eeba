package dev.iamunit.jsonl;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonToken;
import dev.iamunit.document.PlainJsonTokenizer;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.ActionElement;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a case line straight from its tokens ({@link PlainJsonTokenizer}) into the model, without
 * the document tree {@link CaseFormat} reads otherwise: when each decision reads its line, as
 * iam-simulate's callers do, Jackson, the tree and the walk over it took more than half of it.
 *
 * <p>It reads only lines that are plain and plainly right, and declines (returns null) at the
 * first thing that is not: JSON that is not plain, a duplicate member, a value of the wrong type,
 * a policy {@link PolicyParser} would reject. The tree reader then reads the line again and
 * reports what is wrong, so every message and location comes from one place. What this reader
 * accepts, it reads to the very case the tree reader makes, locations included;
 * StreamingCaseReaderTests hold the two equal on every case file we have and on many thousand
 * damaged copies of them.
 */
final class StreamingCaseReader {

  /** Thrown at the first thing this reader leaves to the tree reader; no stack trace, no message. */
  private static final class Declined extends RuntimeException {
    private static final Declined INSTANCE = new Declined();

    private Declined() {
      super(null, null, false, false);
    }
  }

  private static final Optional<String> VERSION_2012 = Optional.of(Policy.VERSION_2012);
  private static final Optional<String> VERSION_2008 = Optional.of(Policy.VERSION_2008);
  private static final Outcome[] OUTCOMES = Outcome.values();

  /** Any value, where PolicyParser checks none. */
  private static final Predicate<String> ANY = value -> true;

  /** Statements a policy may have before duplicate Sids are found through a set, as in PolicyParser. */
  private static final int SID_SCAN_LIMIT = 8;

  private final PlainJsonTokenizer tokens;
  private final SourceLocation origin;

  /**
   * The statements of the policy being read, the conditions of the statement being read and the
   * values of the element being read: one array each for the line instead of a list grown for
   * each policy, statement and element.
   */
  private Statement[] statementBuffer = new Statement[16];

  private Condition[] conditionBuffer = new Condition[8];

  private String[] valueBuffer = new String[16];

  private StreamingCaseReader(PlainJsonTokenizer tokens, SourceLocation origin) {
    this.tokens = tokens;
    this.origin = origin;
  }

  /** The case on {@code line}, or null when the line is anything but plain and plainly right. */
  static EvaluationCase read(String line, String source) {
    try {
      return new StreamingCaseReader(new PlainJsonTokenizer(line), SourceLocation.of(source, 1, 1)).caseLine();
    } catch (RuntimeException e) {
      // Declined, JSON that is not plain, a policy that does not compile, a request the model
      // refuses: whatever it is, the tree reader reports it, in its words and at its place,
      // after what it finds wrong earlier in the line.
      return null;
    }
  }

  /** Leaves the line to the tree reader; returns nothing, so that callers can {@code throw decline()}. */
  private static RuntimeException decline() {
    throw Declined.INSTANCE;
  }

  private static void declineIf(boolean condition) {
    if (condition) {
      throw Declined.INSTANCE;
    }
  }

  /**
   * The keys of one object read so far, for the ones this reader has no field for: a duplicate
   * key is an error in any object of the line. A few are looked through, more go into a set.
   */
  private static final class Keys {
    private static final int SCAN_LIMIT = 8;
    private final List<String> list = new ArrayList<>(4);
    private Set<String> set;

    void add(String key) {
      if (set == null && list.size() == SCAN_LIMIT) {
        set = new HashSet<>(list);
      }
      declineIf(set != null ? !set.add(key) : list.contains(key));
      if (set == null) {
        list.add(key);
      }
    }
  }

  private JsonToken next() {
    return tokens.next();
  }

  private EvaluationCase caseLine() {
    expect(next(), START_OBJECT);
    String id = null;
    PolicySet.Builder policies = null;
    Policy resourcePolicy = null;
    Request request = null;
    boolean expectedSeen = false;
    Optional<Outcome> expected = Optional.empty();
    Keys others = null;
    for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
      JsonToken value = next();
      switch (name) {
        case "id" -> {
          declineIf(id != null);
          id = string(value);
        }
        case "policies" -> {
          declineIf(policies != null);
          expect(value, START_OBJECT);
          policies = PolicySet.builder();
          resourcePolicy = policies(policies);
        }
        case "request" -> {
          declineIf(request != null);
          request = request(value);
        }
        case "expected" -> {
          declineIf(expectedSeen);
          expectedSeen = true;
          expected = value == VALUE_NULL ? Optional.empty() : Optional.of(outcome(value));
        }
        default -> others = skipOther(others, name, value);
      }
    }
    if (id == null || policies == null || request == null || next() != null) {
      throw decline();
    }
    if (resourcePolicy != null) {
      // Read as a trust policy, the kind that does not require Resource, because the action that
      // decides its kind may come after it.
      if (CaseFormat.resourcePolicyKind(request.action()).resourceRequired()
          && resourcePolicy.statements().stream().anyMatch(s -> s.resource().isEmpty())) {
        throw decline();
      }
      policies.resource(resourcePolicy);
    }
    return new EvaluationCase(id, policies.build(), request, expected);
  }

  private Outcome outcome(JsonToken value) {
    expect(value, VALUE_STRING);
    for (Outcome outcome : OUTCOMES) {
      if (tokens.textIs(outcome.name())) {
        return outcome;
      }
    }
    throw decline();
  }

  /** Reads the members of "policies" into {@code set}; returns the resource-based policy, if any. */
  private Policy policies(PolicySet.Builder set) {
    Policy resource = null;
    int seen = 0;
    Keys others = null;
    for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
      JsonToken value = next();
      switch (name) {
        case "identity" -> {
          seen = mark(seen, 1);
          for (Policy policy : policyList(value, PolicyKind.IDENTITY, "identity")) {
            set.identity(policy);
          }
        }
        case "resource" -> {
          seen = mark(seen, 2);
          if (value != VALUE_NULL) {
            resource = policy(value, PolicyKind.TRUST, "resource");
          }
        }
        case "permissionBoundaries" -> {
          seen = mark(seen, 4);
          for (Policy policy : policyList(value, PolicyKind.PERMISSIONS_BOUNDARY, "permissionBoundaries")) {
            set.boundary(policy);
          }
        }
        case "scps" -> {
          seen = mark(seen, 8);
          for (List<Policy> level : levels(value, PolicyKind.SERVICE_CONTROL, "scps")) {
            set.scpLevel(level);
          }
        }
        case "rcps" -> {
          seen = mark(seen, 16);
          for (List<Policy> level : levels(value, PolicyKind.RESOURCE_CONTROL, "rcps")) {
            set.rcpLevel(level);
          }
        }
        case "session" -> {
          seen = mark(seen, 32);
          if (value == START_OBJECT) {
            set.session(policy(value, PolicyKind.SESSION, "session"));
          } else {
            for (Policy policy : policyList(value, PolicyKind.SESSION, "session")) {
              set.session(policy);
            }
          }
        }
        default -> others = skipOther(others, name, value);
      }
    }
    return resource;
  }

  private static int mark(int seen, int member) {
    declineIf((seen & member) != 0);
    return seen | member;
  }

  /** An array of policies named {@code name[i]}, or none for null. */
  private List<Policy> policyList(JsonToken value, PolicyKind kind, String name) {
    if (value == VALUE_NULL) {
      return List.of();
    }
    expect(value, START_ARRAY);
    List<Policy> policies = new ArrayList<>(4);
    for (JsonToken item = next(); item != END_ARRAY; item = next()) {
      policies.add(policy(item, kind, name + "[" + policies.size() + "]"));
    }
    return policies;
  }

  /** An array of organization levels, each an array of policies named {@code name[i][j]}. */
  private List<List<Policy>> levels(JsonToken value, PolicyKind kind, String name) {
    if (value == VALUE_NULL) {
      return List.of();
    }
    expect(value, START_ARRAY);
    List<List<Policy>> levels = new ArrayList<>();
    for (JsonToken level = next(); level != END_ARRAY; level = next()) {
      if (level == VALUE_NULL) {
        throw decline();
      }
      levels.add(policyList(level, kind, name + "[" + levels.size() + "]"));
    }
    return levels;
  }

  private Request request(JsonToken value) {
    expect(value, START_OBJECT);
    String principal = null;
    String action = null;
    String resource = null;
    boolean accountSeen = false;
    Optional<String> resourceAccount = Optional.empty();
    RequestContext context = null;
    Keys others = null;
    for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
      JsonToken token = next();
      switch (name) {
        case "principal" -> {
          declineIf(principal != null);
          principal = string(token);
        }
        case "action" -> {
          declineIf(action != null);
          action = string(token);
        }
        case "resource" -> {
          declineIf(resource != null);
          resource = string(token);
        }
        case "resourceAccount" -> {
          declineIf(accountSeen);
          accountSeen = true;
          resourceAccount = token == VALUE_NULL ? Optional.empty() : Optional.of(string(token));
        }
        case "context" -> {
          declineIf(context != null);
          context = token == VALUE_NULL ? RequestContext.empty() : context(token);
        }
        default -> others = skipOther(others, name, token);
      }
    }
    if (principal == null || action == null || resource == null) {
      throw decline();
    }
    return new Request(principal, action, resource, resourceAccount,
        context == null ? RequestContext.empty() : context, CredentialKind.UNSPECIFIED);
  }

  private RequestContext context(JsonToken value) {
    expect(value, START_OBJECT);
    RequestContext.Builder context = RequestContext.builder();
    int keys = 0;
    for (String key = tokens.nextName(); key != null; key = tokens.nextName()) {
      keys++;
      JsonToken token = next();
      if (token == START_ARRAY) {
        List<String> texts = new ArrayList<>();
        for (JsonToken item = next(); item != END_ARRAY; item = next()) {
          texts.add(string(item));
        }
        context.putMultivalued(key, texts);
      } else {
        context.put(key, string(token));
      }
    }
    RequestContext built = context.build();
    // Fewer entries than keys: a key written twice, which is an error, or two spellings of one
    // key, the later replacing the earlier: either way the tree reader's to read.
    declineIf(built.entries().size() != keys);
    return built;
  }

  private Policy policy(JsonToken value, PolicyKind kind, String name) {
    expect(value, START_OBJECT);
    SourceLocation location = tokens.location(origin);
    Optional<String> version = null;
    Optional<String> id = null;
    List<Statement> statements = null;
    for (String element = tokens.nextName(); element != null; element = tokens.nextName()) {
      switch (element) {
        case "Version" -> {
          declineIf(version != null);
          expect(next(), VALUE_STRING);
          version = tokens.textIs(Policy.VERSION_2012) ? VERSION_2012 : tokens.textIs(Policy.VERSION_2008) ? VERSION_2008 : null;
          declineIf(version == null);
        }
        case "Id" -> {
          declineIf(id != null);
          id = Optional.of(string(next()));
        }
        case "Statement" -> {
          declineIf(statements != null);
          statements = statements(next(), kind);
        }
        default -> throw decline();
      }
    }
    if (statements == null) {
      throw decline();
    }
    return new Policy(name, version == null ? Optional.empty() : version, id == null ? Optional.empty() : id,
        statements, location);
  }

  /** A statement object or an array of them, with no Sid twice. */
  private List<Statement> statements(JsonToken value, PolicyKind kind) {
    if (value != START_ARRAY) {
      return List.of(statement(value, 0, kind));
    }
    int count = 0;
    Set<String> sids = null;
    for (JsonToken item = next(); item != END_ARRAY; item = next()) {
      Statement statement = statement(item, count, kind);
      if (statement.sid().isPresent()) {
        if (sids == null && count == SID_SCAN_LIMIT) {
          sids = new HashSet<>();
          for (int i = 0; i < count; i++) {
            statementBuffer[i].sid().ifPresent(sids::add);
          }
        }
        String sid = statement.sid().get();
        declineIf(sids != null ? !sids.add(sid) : hasSid(count, sid));
      }
      if (count == statementBuffer.length) {
        statementBuffer = Arrays.copyOf(statementBuffer, count * 2);
      }
      statementBuffer[count++] = statement;
    }
    return List.of(Arrays.copyOf(statementBuffer, count));
  }

  /** Whether one of the first {@code count} statements read has this Sid. */
  private boolean hasSid(int count, String sid) {
    for (int i = 0; i < count; i++) {
      if (statementBuffer[i].sid().isPresent() && statementBuffer[i].sid().get().equals(sid)) {
        return true;
      }
    }
    return false;
  }

  private Statement statement(JsonToken value, int index, PolicyKind kind) {
    expect(value, START_OBJECT);
    SourceLocation at = tokens.location(origin);
    String sid = null;
    Effect effect = null;
    ActionElement action = null;
    ResourceElement resource = null;
    PrincipalElement principal = null;
    List<Condition> conditions = null;
    for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
      switch (name) {
        case "Sid" -> {
          declineIf(sid != null);
          sid = string(next());
        }
        case "Effect" -> {
          declineIf(effect != null);
          expect(next(), VALUE_STRING);
          effect = tokens.textIs("Allow") ? Effect.ALLOW : tokens.textIs("Deny") ? Effect.DENY : null;
          declineIf(effect == null);
        }
        case "Action", "NotAction" -> {
          declineIf(action != null);
          SourceLocation location = tokens.location(origin);
          action = new ActionElement(strings(next(), PolicyParser::isActionValue), name.equals("NotAction"), location);
        }
        case "Resource", "NotResource" -> {
          declineIf(resource != null);
          SourceLocation location = tokens.location(origin);
          resource = new ResourceElement(strings(next(), PolicyParser::isResourceValue), name.equals("NotResource"), location);
        }
        case "Principal", "NotPrincipal" -> {
          declineIf(principal != null || !kind.principalRequired());
          principal = principal(name.equals("NotPrincipal"), tokens.location(origin));
        }
        case "Condition" -> {
          declineIf(conditions != null);
          conditions = conditions(next());
        }
        default -> throw decline();
      }
    }
    if (effect == null || action == null
        || resource == null && kind.resourceRequired()
        || principal == null && kind.principalRequired()) {
      throw decline();
    }
    // An empty Sid names nothing, as in PolicyParser.
    return new Statement(
        sid == null || sid.isEmpty() ? Optional.empty() : Optional.of(sid),
        effect,
        action,
        Optional.ofNullable(resource),
        Optional.ofNullable(principal),
        conditions == null ? List.of() : conditions,
        index,
        at,
        List.of());
  }

  /** {@code "*"} or an object of principal types, each a string or a list of strings. */
  private PrincipalElement principal(boolean negated, SourceLocation location) {
    JsonToken value = next();
    if (value == VALUE_STRING) {
      declineIf(!tokens.text().equals("*"));
      return new PrincipalElement(negated, true, Map.of(), location);
    }
    expect(value, START_OBJECT);
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (String type = tokens.nextName(); type != null; type = tokens.nextName()) {
      declineIf(!PrincipalElement.TYPES.contains(type) || byType.containsKey(type));
      byType.put(type, strings(next(), ANY));
    }
    return new PrincipalElement(negated, false, byType, location);
  }

  /**
   * Every key of every operator, in order; no operator without keys, no operator or key twice.
   * Every operator read has a condition, so the conditions read show the operators read.
   */
  private List<Condition> conditions(JsonToken value) {
    expect(value, START_OBJECT);
    int count = 0;
    for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
      ConditionOperator operator = ConditionOperator.parse(name).orElseThrow(StreamingCaseReader::decline);
      for (int i = 0; i < count; i++) {
        declineIf(conditionBuffer[i].operator().equals(operator));
      }
      expect(next(), START_OBJECT);
      int first = count;
      for (String key = tokens.nextName(); key != null; key = tokens.nextName()) {
        for (int i = first; i < count; i++) {
          declineIf(conditionBuffer[i].key().equals(key));
        }
        SourceLocation location = tokens.location(origin);
        if (count == conditionBuffer.length) {
          conditionBuffer = Arrays.copyOf(conditionBuffer, count * 2);
        }
        conditionBuffer[count++] = new Condition(operator, key, strings(next(), ANY), location);
      }
      declineIf(count == first);
    }
    return List.of(Arrays.copyOf(conditionBuffer, count));
  }

  /**
   * A string or an array of them; numbers and booleans as their text, as PolicyParser reads them.
   * A List.of list, which the model's records keep without copying.
   */
  private List<String> strings(JsonToken value, Predicate<String> valid) {
    if (value != START_ARRAY) {
      return List.of(scalar(value, valid));
    }
    int count = 0;
    for (JsonToken item = next(); item != END_ARRAY; item = next()) {
      if (count == valueBuffer.length) {
        valueBuffer = Arrays.copyOf(valueBuffer, count * 2);
      }
      valueBuffer[count++] = scalar(item, valid);
    }
    return switch (count) {
      case 0 -> List.of();
      case 1 -> List.of(valueBuffer[0]);
      default -> List.of(Arrays.copyOf(valueBuffer, count));
    };
  }

  /** A scalar's text, which must be {@code valid}: PolicyParser accepts it in the element read. */
  private String scalar(JsonToken value, Predicate<String> valid) {
    String text = switch (value) {
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> tokens.text();
      default -> throw decline();
    };
    declineIf(!valid.test(text));
    return text;
  }

  private String string(JsonToken value) {
    expect(value, VALUE_STRING);
    return tokens.text();
  }

  private static void expect(JsonToken value, JsonToken wanted) {
    if (value != wanted) {
      throw decline();
    }
  }

  /**
   * Skips a member the format does not know, as CaseFormat ignores it, after checking that its
   * name is not a duplicate; returns the keys of such members seen so far in the object.
   */
  private Keys skipOther(Keys others, String name, JsonToken value) {
    Keys keys = others == null ? new Keys() : others;
    keys.add(name);
    skip(value);
    return keys;
  }

  /** Skips a value, declining on a duplicate key anywhere in it. */
  private void skip(JsonToken value) {
    if (value == START_ARRAY) {
      for (JsonToken item = next(); item != END_ARRAY; item = next()) {
        skip(item);
      }
    } else if (value == START_OBJECT) {
      Keys keys = null;
      for (String name = tokens.nextName(); name != null; name = tokens.nextName()) {
        keys = skipOther(keys, name, next());
      }
    }
  }
}
