package dev.iamunit.eval.internal;

import dev.iamunit.eval.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A Resource or condition value with policy variables ("IAM policy elements: Variables and tags"):
 * {@code ${aws:username}}, {@code ${aws:PrincipalTag/team}}, a default {@code ${aws:username,
 * 'nobody'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for literal characters.
 * "If a policy variable references a context key that has no value or is not present ... the
 * value is effectively null": such a value matches nothing ({@link #resolve} returns null).
 */
final class ValueTemplate {

  private sealed interface Part permits Text, Escaped, Variable {}

  private record Text(String text) implements Part {}

  private record Escaped(char character) implements Part {}

  private record Variable(String key, String defaultValue) implements Part {}

  private final String raw;
  private final Part[] parts;
  private final Wildcard constant;
  /** The template's variable when it has exactly one, as most have ({@code ${aws:username}}). */
  private final Variable only;
  /**
   * The last pattern built for {@link #only}'s value: a test suite resolves the same template for
   * the same user again and again. Threads may overwrite it or see an older one; it is immutable,
   * so they only ever build a pattern again, never read a half-built one.
   */
  private Resolved last;

  private record Resolved(String value, Wildcard pattern) {}

  private ValueTemplate(String raw, List<Part> parts) {
    this.raw = raw;
    this.parts = parts.toArray(Part[]::new);
    List<Part> variables = parts.stream().filter(p -> p instanceof Variable).toList();
    this.constant = variables.isEmpty() ? build(null) : null;
    this.only = variables.size() == 1 ? (Variable) variables.get(0) : null;
  }

  /**
   * Parses {@code raw}; with {@code variables} false (Version 2008-10-17 or none) the text is
   * taken literally, as AWS does.
   */
  public static ValueTemplate parse(String raw, boolean variables) {
    return variables ? WITH_VARIABLES.get(raw) : LITERAL.get(raw);
  }

  /** Parsed templates, one cache per reading of {@code ${...}}; a template never changes. */
  private static final PatternCache<ValueTemplate> WITH_VARIABLES = new PatternCache<>(raw -> compile(raw, true));

  private static final PatternCache<ValueTemplate> LITERAL = new PatternCache<>(raw -> compile(raw, false));

  private static ValueTemplate compile(String raw, boolean variables) {
    List<Part> parts = new ArrayList<>();
    if (!variables || !raw.contains("${")) {
      parts.add(new Text(raw));
      return new ValueTemplate(raw, parts);
    }
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      int open = raw.indexOf("${", i);
      int close = open < 0 ? -1 : closingBrace(raw, open + 2);
      if (open < 0 || close < 0) {
        text.append(raw, i, raw.length());
        break;
      }
      text.append(raw, i, open);
      Part part = variable(raw.substring(open + 2, close));
      if (part == null) {
        text.append(raw, open, close + 1);
      } else {
        if (text.length() > 0) {
          parts.add(new Text(text.toString()));
          text.setLength(0);
        }
        parts.add(part);
      }
      i = close + 1;
    }
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return new ValueTemplate(raw, parts);
  }

  /** The closing brace, skipping a quoted default value in which {@code ''} is a quote. */
  private static int closingBrace(String raw, int from) {
    boolean quoted = false;
    for (int i = from; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static Part variable(String inside) {
    String body = inside.strip();
    if (body.equals("*") || body.equals("?") || body.equals("$")) {
      return new Escaped(body.charAt(0));
    }
    int comma = body.indexOf(',');
    if (comma < 0) {
      return body.isEmpty() || body.contains(" ") ? null : new Variable(RequestContext.normalize(body), null);
    }
    String key = body.substring(0, comma).strip();
    String fallback = body.substring(comma + 1).strip();
    if (key.isEmpty() || fallback.length() < 2 || fallback.charAt(0) != '\'' || fallback.charAt(fallback.length() - 1) != '\'') {
      return null;
    }
    return new Variable(RequestContext.normalize(key), fallback.substring(1, fallback.length() - 1).replace("''", "'"));
  }

  public String raw() {
    return raw;
  }

  /** The context keys this value's variables read, normalized: what a request space must hold fixed. */
  List<String> variableKeys() {
    List<String> keys = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Variable variable) {
        keys.add(variable.key());
      }
    }
    return keys;
  }

  /** Which characters of a resolved pattern are wildcards, for {@link PolicyValues}. */
  static boolean[] wildcards(Wildcard pattern) {
    return pattern.wildcards();
  }

  /** Whether this is {@code *} with no variable, which every value matches. */
  boolean isStar() {
    return constant != null && constant.isStar();
  }

  /** The value with its variables replaced, as a pattern; null when a variable has no value. */
  public Wildcard resolve(RequestContext context) {
    if (constant != null) {
      return constant;
    }
    if (only == null) {
      return build(context);
    }
    String value = value(only, context);
    if (value == null) {
      return null;
    }
    Resolved reused = last;
    if (reused != null && reused.value.equals(value)) {
      return reused.pattern;
    }
    Wildcard pattern = build(context);
    last = new Resolved(value, pattern);
    return pattern;
  }

  /**
   * Builds the pattern in two passes, sizing first, so that a template with variables costs one
   * pattern and its two arrays per request: it is resolved for every {@code ${aws:username}}
   * resource whose action matched.
   */
  private Wildcard build(RequestContext context) {
    int length = 0;
    for (Part part : parts) {
      if (part instanceof Text text) {
        length += text.text().length();
      } else if (part instanceof Escaped) {
        length++;
      } else if (part instanceof Variable variable) {
        String value = value(variable, context);
        if (value == null) {
          return null;
        }
        length += value.length();
      }
    }
    char[] chars = new char[length];
    boolean[] wild = new boolean[length];
    int at = 0;
    for (Part part : parts) {
      if (part instanceof Text text) {
        String value = text.text();
        value.getChars(0, value.length(), chars, at);
        for (int end = at + value.length(); at < end; at++) {
          wild[at] = chars[at] == '*' || chars[at] == '?';
        }
      } else if (part instanceof Escaped escaped) {
        chars[at++] = escaped.character();
      } else if (part instanceof Variable variable) {
        // Values from the request are literal: a user named "a*" does not match everything.
        String value = value(variable, context);
        value.getChars(0, value.length(), chars, at);
        at += value.length();
      }
    }
    return new Wildcard(chars, wild);
  }

  /** The variable's value in {@code context}, its default, or null: the key is absent or multivalued. */
  private static String value(Variable variable, RequestContext context) {
    RequestContext.Entry entry = context == null ? null : context.lookup(variable.key());
    if (entry != null && !entry.multivalued()) {
      return entry.value();
    }
    return variable.defaultValue();
  }

  @Override
  public String toString() {
    return raw;
  }
}
