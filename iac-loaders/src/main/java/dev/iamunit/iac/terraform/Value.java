package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.document.DocNode;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Terraform value as our evaluator computes it. A value that cannot be computed is {@link
 * Unknown}, never a guess; a string assembled from known and unknown parts keeps the unknown parts'
 * placeholders and lists them.
 */
sealed interface Value {

  /**
   * A string. {@code document} is the rendered {@code aws_iam_policy_document} this JSON came from,
   * so a policy keeps the statement blocks' locations.
   */
  record Str(String text, List<Unresolved> parts, Optional<DocNode> document) implements Value {
    public Str {
      parts = List.copyOf(parts);
    }

    Str(String text) {
      this(text, List.of(), Optional.empty());
    }

    boolean known() {
      return parts.isEmpty();
    }
  }

  record Num(BigDecimal value) implements Value {
    @Override
    public String toString() {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  record Bool(boolean value) implements Value {}

  record Null() implements Value {}

  /** A list, set or tuple. */
  record Tuple(List<Value> items) implements Value {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** An object or map; {@code location} is where it was written, for statement locations. */
  record Obj(Map<String, Value> members, SourceLocation location) implements Value {
    public Obj {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
  }

  /** A value that could not be computed. */
  record Unknown(Unresolved unresolved) implements Value {}

  /**
   * A resource or data source instance: its attributes are computed only when read, so that a
   * reference to {@code aws_iam_role.r.arn} never evaluates (or reports) the role's other attributes.
   */
  record Instance(String address, Function<String, Value> attribute) implements Value {}

  Null NULL = new Null();

  static Value of(String text) {
    return new Str(text);
  }

  static Value of(boolean b) {
    return new Bool(b);
  }

  static Value of(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  static Value list(List<? extends Value> items) {
    return new Tuple(new ArrayList<>(items));
  }

  static Value unknown(String expression, SourceLocation location, String reason, LoadReportBuilder report) {
    return new Unknown(report.add(Unresolved.of(expression, location, reason)));
  }

  /** Every unresolved value inside {@code value}, deeply. */
  static List<Unresolved> unresolvedIn(Value value) {
    List<Unresolved> found = new ArrayList<>();
    collect(value, found);
    return found;
  }

  private static void collect(Value value, List<Unresolved> into) {
    {
      final var sel23 = value;
      if (sel23 instanceof Str s) {
        into.addAll(s.parts());
      }
      else if (sel23 instanceof Unknown u) {
        into.add(u.unresolved());
      }
      else if (sel23 instanceof Tuple t) {
        t.items().forEach(v -> collect(v, into));
      }
      else if (sel23 instanceof Obj o) {
        o.members().values().forEach(v -> collect(v, into));
      }
      else {

      }
    }
  }

  static String typeName(Value value) {
    final var sel24 = value;
    if (sel24 instanceof Str s) {
      return "string";
    }
    else if (sel24 instanceof Num n) {
      return "number";
    }
    else if (sel24 instanceof Bool b) {
      return "bool";
    }
    else if (sel24 instanceof Null n) {
      return "null";
    }
    else if (sel24 instanceof Tuple t) {
      return "list";
    }
    else if (sel24 instanceof Obj o) {
      return "object";
    }
    else if (sel24 instanceof Unknown u) {
      return "unknown value";
    }
    else if (sel24 instanceof Instance i) {
      return "resource " + i.address();
    }
    else {
      throw new IllegalStateException("unreachable");
    }

  }
}
