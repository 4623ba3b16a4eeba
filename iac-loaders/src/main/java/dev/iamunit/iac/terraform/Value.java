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
import java.util.Objects;
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
   * so a policy keeps the statement blocks' locations. A rendered document's text is written only
   * when read ({@link #rendered}): a policy built from it reads the document, not the JSON.
   */
  final class Str implements Value {
    private final List<Unresolved> parts;
    private final Optional<DocNode> document;
    private final Function<DocNode, String> writer;
    /** The text, once written; written again by a thread that races another, to the same text. */
    private volatile String text;

    Str(String text, List<Unresolved> parts, Optional<DocNode> document) {
      this(Objects.requireNonNull(text, "text"), parts, document, null);
    }

    Str(String text) {
      this(text, List.of(), Optional.empty());
    }

    private Str(String text, List<Unresolved> parts, Optional<DocNode> document, Function<DocNode, String> writer) {
      this.text = text;
      this.parts = List.copyOf(parts);
      this.document = Objects.requireNonNull(document, "document");
      this.writer = writer;
    }

    /** The JSON text {@code writer} writes of {@code document}, written when first read. */
    static Str rendered(DocNode document, List<Unresolved> parts, Function<DocNode, String> writer) {
      return new Str(null, parts, Optional.of(document), Objects.requireNonNull(writer, "writer"));
    }

    String text() {
      String written = text;
      if (written == null) {
        written = writer.apply(document.orElseThrow());
        text = written;
      }
      return written;
    }

    List<Unresolved> parts() {
      return parts;
    }

    Optional<DocNode> document() {
      return document;
    }

    /** This string with {@code more} parts listed, its text written as this one's is. */
    Str withParts(List<Unresolved> more) {
      return text == null ? new Str(null, more, document, writer) : new Str(text, more, document, null);
    }

    boolean known() {
      return parts.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Str s && text().equals(s.text()) && parts.equals(s.parts) && document.equals(s.document);
    }

    @Override
    public int hashCode() {
      return Objects.hash(text(), parts, document);
    }

    @Override
    public String toString() {
      return "Str[text=" + text() + ", parts=" + parts + ", document=" + document + "]";
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
