package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A value a loader could not compute: a remote module output, an import from another stack, a
 * function it does not know. It is never replaced by a guess. Inside policy text the value stands
 * as {@link #placeholder()}, a token no real policy contains, so that the evaluator can tell which
 * parts of a string are known; a decision that depends on it fails with {@link #location()}.
 *
 * @param expression the expression as written ({@code var.bucket_arn}, {@code !ImportValue Shared})
 * @param location where it is written
 * @param reason why it could not be resolved, and what would resolve it
 * @param placeholder the token that stands for it inside strings
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Unresolved(String expression, SourceLocation location, String reason, String placeholder) {

  /** Private-use characters: they cannot come from a real template by accident. */
  static final char OPEN = '\uE000';

  static final char CLOSE = '\uE001';

  private static final AtomicLong NEXT = new AtomicLong();

  public Unresolved {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(placeholder, "placeholder");
  }

  /** A new unresolved value with a placeholder unique in this JVM. */
  public static Unresolved of(String expression, SourceLocation location, String reason) {
    return new Unresolved(expression, location, reason, OPEN + Long.toString(NEXT.incrementAndGet()) + CLOSE);
  }

  /** Whether a string holds a placeholder of some unresolved value. */
  public static boolean isIn(String text) {
    return text.indexOf(OPEN) >= 0;
  }

  /**
   * {@code text} with every placeholder replaced by {@code replacement}: {@code "*"} to match as
   * broadly as the unknown value could, or a readable form for messages.
   */
  public static String replacePlaceholders(String text, String replacement) {
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf(OPEN, i);
      int close = open < 0 ? -1 : text.indexOf(CLOSE, open);
      if (close < 0) {
        result.append(text, i, text.length());
        break;
      }
      result.append(text, i, open).append(replacement);
      i = close + 1;
    }
    return result.toString();
  }

  /**
   * {@code text} as people read it: each placeholder of one of {@code values} as its
   * {@link #display()}, any other as {@code <unresolved>}. Every printer uses this, so that no
   * output shows a placeholder.
   */
  public static String readable(String text, Collection<Unresolved> values) {
    if (!isIn(text)) {
      return text;
    }
    String readable = text;
    for (Unresolved value : values) {
      readable = readable.replace(value.placeholder(), value.display());
    }
    return replacePlaceholders(readable, "<unresolved>");
  }

  /**
   * How it reads in messages: {@code <unresolved: var.bucket_arn>}. An expression of several lines
   * (a remote {@code module} block whose outputs are all unknown) reads as its first line and
   * where it is, <code>&lt;unresolved: module "buckets" &#123; … at main.tf:1&gt;</code>, so that a value derived
   * from it does not print the whole block each time it is used.
   */
  public String display() {
    int newline = expression.indexOf('\n');
    if (newline < 0) {
      return "<unresolved: " + expression + ">";
    }
    return "<unresolved: " + expression.substring(0, newline).strip() + " … at " + location.fileAndLine() + ">";
  }

  @Override
  public String toString() {
    return display() + " at " + location + ": " + reason;
  }
}
