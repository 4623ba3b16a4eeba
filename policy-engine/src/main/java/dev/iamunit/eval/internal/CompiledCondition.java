package dev.iamunit.eval.internal;

import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.ConditionOperator.Family;
import dev.iamunit.model.ConditionOperator.SetQualifier;
import dev.iamunit.model.ConditionOperator.Type;
import dev.iamunit.policy.InvalidPolicyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One condition key under one operator, with its policy values parsed once. Semantics from the IAM
 * User Guide, "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued
 * context keys".
 */
final class CompiledCondition {

  /** How one request value compares with the policy values. */
  private enum Comparison {
    MATCH,
    NO_MATCH,
    /** The request value is not of the operator's type: the condition cannot be true. */
    INVALID
  }

  private final Condition condition;
  private final ConditionOperator operator;
  private final Type positive;
  private final String key;
  private final ValueTemplate[] templates;
  private final BigDecimal[] numbers;
  private final Instant[] dates;
  private final IpAddresses.Block[] blocks;
  private final byte[][] binaries;

  CompiledCondition(Condition condition, boolean variables) {
    this.condition = condition;
    this.operator = condition.operator();
    this.positive = positiveOf(operator.type());
    this.key = RequestContext.normalize(condition.key());
    List<String> values = condition.values();
    Family family = operator.type().family();
    // Policy variables are supported in string, Boolean and ARN operators only.
    boolean substitute = variables && (family == Family.STRING || family == Family.ARN || family == Family.BOOL);
    this.templates = new ValueTemplate[values.size()];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = ValueTemplate.parse(values.get(i), substitute);
    }
    this.numbers = family == Family.NUMERIC ? values.stream().map(this::number).toArray(BigDecimal[]::new) : null;
    this.dates = family == Family.DATE ? values.stream().map(this::policyDate).toArray(Instant[]::new) : null;
    this.blocks = family == Family.IP_ADDRESS ? values.stream().map(this::block).toArray(IpAddresses.Block[]::new) : null;
    this.binaries = family == Family.BINARY ? values.stream().map(this::binary).toArray(byte[][]::new) : null;
    if (family == Family.BOOL || family == Family.NULL) {
      for (String value : values) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false") && !value.contains("${")) {
          throw invalid("\"" + value + "\" is not a boolean; " + operator.name() + " takes \"true\" or \"false\"");
        }
      }
    }
  }

  public Condition condition() {
    return condition;
  }

  /** Whether the condition holds for {@code context}. */
  public boolean test(RequestContext context) {
    RequestContext.Entry entry = context.lookup(key);
    if (positive == Type.NULL) {
      boolean absent = entry == null || entry.multivalued() && entry.values().isEmpty();
      for (ValueTemplate template : templates) {
        if (Boolean.parseBoolean(template.raw().strip()) == absent) {
          return true;
        }
      }
      return false;
    }
    if (entry == null) {
      // "If the key that you specify in a policy condition is not present in the request context,
      // the values do not match and the condition is false. If the policy condition requires that
      // the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not
      // present, the condition is true." IfExists: "If the condition key is not present in the
      // request context, the condition evaluates to true." ForAllValues "returns true if there are
      // no context keys in the request"; ForAnyValue returns false.
      //
      // ForAnyValue wins over IfExists: "ForAnyValue ... if the key is missing ... the condition
      // returns false" holds for ForAnyValue:StringEqualsIfExists too, as AWS answers requests
      // (re:Post, "ForAnyValue:StringEqualsIfExists behaving unexpectedly"; iam-simulate agrees).
      return switch (operator.qualifier()) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> operator.ifExists() || operator.type().negated();
      };
    }
    boolean negated = operator.type().negated();
    List<String> values = entry.values();
    if (operator.qualifier() == SetQualifier.NONE) {
      if (entry.multivalued()) {
        // A single-valued operator cannot compare a set; AWS advises set operators for multivalued
        // keys, and iam-simulate treats this case as false as well.
        return false;
      }
      Comparison comparison = compare(values.get(0), context);
      if (comparison == Comparison.INVALID) {
        return false;
      }
      return (comparison == Comparison.MATCH) != negated;
    }
    if (values.isEmpty()) {
      return operator.qualifier() == SetQualifier.FOR_ALL_VALUES;
    }
    if (operator.qualifier() == SetQualifier.FOR_ANY_VALUE) {
      for (String value : values) {
        Comparison comparison = compare(value, context);
        if (comparison != Comparison.INVALID && (comparison == Comparison.MATCH) != negated) {
          return true;
        }
      }
      return false;
    }
    for (String value : values) {
      Comparison comparison = compare(value, context);
      if (comparison == Comparison.INVALID || (comparison == Comparison.MATCH) == negated) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} matches at least one policy value under the positive operator. */
  private Comparison compare(String value, RequestContext context) {
    switch (positive.family()) {
      case STRING, ARN, BOOL -> {
        if (positive.family() == Family.ARN && !Arns.isArn(value)) {
          return Comparison.INVALID;
        }
        if (positive.family() == Family.BOOL && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          return Comparison.INVALID;
        }
        for (ValueTemplate template : templates) {
          // A variable with no value makes the policy value "effectively null", which no request
          // value equals or is like (IAM User Guide, "IAM policy elements: Variables and tags",
          // "Policy variables with no value"): it is a NO_MATCH, so that StringEquals and
          // StringLike fail and the inverted operators, StringNotEquals, StringNotLike,
          // ArnNotLike..., hold, "as the value of the condition key they are testing against is
          // not equal to or like the effectively null value". `${key, 'default'}` never gets here
          // with a null: ValueTemplate substitutes the default.
          Wildcard pattern = template.resolve(context);
          if (pattern != null && stringMatch(pattern, value)) {
            return Comparison.MATCH;
          }
        }
        return Comparison.NO_MATCH;
      }
      case NUMERIC -> {
        BigDecimal number = parseNumber(value);
        if (number == null) {
          return Comparison.INVALID;
        }
        for (BigDecimal policy : numbers) {
          if (ordered(number.compareTo(policy))) {
            return Comparison.MATCH;
          }
        }
        return Comparison.NO_MATCH;
      }
      case DATE -> {
        Instant date = parseDate(value);
        if (date == null) {
          return Comparison.INVALID;
        }
        for (Instant policy : dates) {
          if (ordered(date.compareTo(policy))) {
            return Comparison.MATCH;
          }
        }
        return Comparison.NO_MATCH;
      }
      case IP_ADDRESS -> {
        IpAddresses.Address address = IpAddresses.address(value.strip());
        if (address == null) {
          return Comparison.INVALID;
        }
        for (IpAddresses.Block block : blocks) {
          if (block.contains(address)) {
            return Comparison.MATCH;
          }
        }
        return Comparison.NO_MATCH;
      }
      case BINARY -> {
        byte[] bytes = decode(value);
        if (bytes == null) {
          return Comparison.INVALID;
        }
        for (byte[] policy : binaries) {
          if (Arrays.equals(policy, bytes)) {
            return Comparison.MATCH;
          }
        }
        return Comparison.NO_MATCH;
      }
      default -> throw new IllegalStateException("no comparison for " + positive);
    }
  }

  private boolean stringMatch(Wildcard pattern, String value) {
    return switch (positive) {
      case STRING_EQUALS -> pattern.equalsText(value, false);
      case STRING_EQUALS_IGNORE_CASE, BOOL -> pattern.equalsText(value, true);
      case STRING_LIKE -> pattern.matches(value, false);
      // "Each of the six colon-delimited components of the ARN is checked separately and each can
      // include multi-character match wildcards (*) or single-character match wildcards (?)": for
      // ArnEquals as for ArnLike.
      case ARN_EQUALS, ARN_LIKE -> ArnMatcher.matchesArnOperator(pattern, value);
      default -> throw new IllegalStateException("not a string operator: " + positive);
    };
  }

  private boolean ordered(int comparison) {
    return switch (positive) {
      case NUMERIC_EQUALS, DATE_EQUALS -> comparison == 0;
      case NUMERIC_LESS_THAN, DATE_LESS_THAN -> comparison < 0;
      case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> comparison <= 0;
      case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> comparison > 0;
      case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> comparison >= 0;
      default -> throw new IllegalStateException("not an ordering operator: " + positive);
    };
  }

  /** The operator a negated operator negates: StringNotEquals → StringEquals. */
  private static Type positiveOf(Type type) {
    return switch (type) {
      case STRING_NOT_EQUALS -> Type.STRING_EQUALS;
      case STRING_NOT_EQUALS_IGNORE_CASE -> Type.STRING_EQUALS_IGNORE_CASE;
      case STRING_NOT_LIKE -> Type.STRING_LIKE;
      case NUMERIC_NOT_EQUALS -> Type.NUMERIC_EQUALS;
      case DATE_NOT_EQUALS -> Type.DATE_EQUALS;
      case NOT_IP_ADDRESS -> Type.IP_ADDRESS;
      case ARN_NOT_EQUALS -> Type.ARN_EQUALS;
      case ARN_NOT_LIKE -> Type.ARN_LIKE;
      default -> type;
    };
  }

  private BigDecimal number(String value) {
    BigDecimal number = parseNumber(value);
    if (number == null) {
      throw invalid("\"" + value + "\" is not a number; " + operator.name() + " compares numbers");
    }
    return number;
  }

  private Instant policyDate(String value) {
    Instant date = parseDate(value);
    if (date == null) {
      throw invalid(
          "\"" + value + "\" is not a date; " + operator.name()
              + " takes ISO 8601 (2026-01-31T12:00:00Z) or seconds since the epoch");
    }
    return date;
  }

  private IpAddresses.Block block(String value) {
    IpAddresses.Block block = IpAddresses.block(value);
    if (block == null) {
      throw invalid("\"" + value + "\" is not an IP address or CIDR block, such as 203.0.113.0/24 or 2001:db8::/32");
    }
    return block;
  }

  private byte[] binary(String value) {
    byte[] bytes = decode(value);
    if (bytes == null) {
      throw invalid("\"" + value + "\" is not base-64; BinaryEquals compares base-64 encoded values");
    }
    return bytes;
  }

  private InvalidPolicyException invalid(String message) {
    return new InvalidPolicyException(
        "condition " + operator.name() + " on " + condition.key() + ": " + message, condition.location());
  }

  static BigDecimal parseNumber(String value) {
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** ISO 8601 date-times and dates, or seconds since the epoch ("Date condition operators"). */
  static Instant parseDate(String text) {
    String value = text.strip();
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(value));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        // Past a long, or past the last instant Java holds (year 1,000,000,000): no date.
        return null;
      }
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static byte[] decode(String value) {
    try {
      return Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return condition.toString();
  }
}
