package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.spelling.EditDistance;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A condition operator as AWS documents it in "IAM JSON policy elements: Condition operators": a
 * base operator, optionally {@code ...IfExists}, optionally qualified by {@code ForAnyValue:} or
 * {@code ForAllValues:}.
 *
 * @param name as written
 * @param type the base operator
 * @param qualifier the set operator, or {@link SetQualifier#NONE}
 * @param ifExists whether {@code IfExists} is appended
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConditionOperator(String name, Type type, SetQualifier qualifier, boolean ifExists) {

  /** {@code ForAnyValue:} and {@code ForAllValues:} ("Set operators for multivalued context keys"). */
  public enum SetQualifier {
    NONE(""),
    FOR_ANY_VALUE("ForAnyValue:"),
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** The operator families of the IAM User Guide. */
  public enum Family {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
  }

  /** Every base operator, with its family and whether it is a negated ("Not...") operator. */
  public enum Type {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    private final String json;
    private final Family family;
    private final boolean negated;

    Type(String json, Family family, boolean negated) {
      this.json = json;
      this.family = family;
      this.negated = negated;
    }

    public String json() {
      return json;
    }

    public Family family() {
      return family;
    }

    /** A "Not" operator: it matches when no value matches, and so also on an absent key. */
    public boolean negated() {
      return negated;
    }
  }

  public ConditionOperator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(qualifier, "qualifier");
  }

  /**
   * Every operator name written the usual way (a qualifier or none, a base operator, IfExists or
   * not), parsed once by {@link #parseName}: every condition of every policy read looks its
   * operator up here instead of taking the name apart again. Names not here take the long way,
   * so that what is accepted is decided by {@link #parseName} alone.
   */
  private static final Map<String, Optional<ConditionOperator>> USUAL = usualOperators();

  private static Map<String, Optional<ConditionOperator>> usualOperators() {
    Map<String, Optional<ConditionOperator>> operators = new HashMap<>();
    for (SetQualifier qualifier : SetQualifier.values()) {
      for (Type type : Type.values()) {
        for (String suffix : new String[] {"", "IfExists"}) {
          String name = qualifier.prefix() + type.json + suffix;
          operators.put(name, parseName(name));
        }
      }
    }
    return Map.copyOf(operators);
  }

  /**
   * Parses an operator name. Operator names are case-sensitive in AWS; a near miss is not an
   * operator, so that a typo never silently changes a decision.
   */
  public static Optional<ConditionOperator> parse(String name) {
    Optional<ConditionOperator> usual = USUAL.get(name);
    return usual != null ? usual : parseName(name);
  }

  private static Optional<ConditionOperator> parseName(String name) {
    String rest = name;
    SetQualifier qualifier = SetQualifier.NONE;
    for (SetQualifier q : SetQualifier.values()) {
      if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
        qualifier = q;
        rest = rest.substring(q.prefix().length());
      }
    }
    boolean ifExists = false;
    if (rest.endsWith("IfExists")) {
      ifExists = true;
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    for (Type type : Type.values()) {
      if (type.json.equals(rest)) {
        // "You can't use IfExists with the Null condition operator" (IAM User Guide).
        if (ifExists && type == Type.NULL) {
          return Optional.empty();
        }
        return Optional.of(new ConditionOperator(name, type, qualifier, ifExists));
      }
    }
    return Optional.empty();
  }

  /** The known operator spelled most like {@code name}, for "did you mean" messages. */
  public static String closestTo(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    for (SetQualifier qualifier : SetQualifier.values()) {
      for (Type type : Type.values()) {
        for (String suffix : type == Type.NULL ? new String[] {""} : new String[] {"", "IfExists"}) {
          String candidate = qualifier.prefix() + type.json + suffix;
          int d = EditDistance.atMost(candidate, wanted, Integer.MAX_VALUE - 1);
          if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }
}
