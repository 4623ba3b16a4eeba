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
public final class ValueTemplate {

  private sealed interface Part permits Text, Escaped, Variable {}

  private record Text(String text) implements Part {}

  private record Escaped(char character) implements Part {}

  private record Variable(String key, String defaultValue) implements Part {}

  private final String raw;
  private final List<Part> parts;
  private final Wildcard constant;

  private ValueTemplate(String raw, List<Part> parts) {
    this.raw = raw;
    this.parts = parts;
    this.constant = parts.stream().anyMatch(p -> p instanceof Variable) ? null : build(null, false);
  }

  /**
   * Parses {@code raw}; with {@code variables} false (Version 2008-10-17 or none) the text is
   * taken literally, as AWS does.
   */
  public static ValueTemplate parse(String raw, boolean variables) {
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

  public boolean hasVariables() {
    return constant == null;
  }

  /** The value with its variables replaced, as a pattern; null when a variable has no value. */
  public Wildcard resolve(RequestContext context) {
    return constant != null ? constant : build(context, false);
  }

  /**
   * The value with its variables replaced, a variable with no value standing for {@code *}: the
   * broadest thing it could be, for places where an unknown value must not widen a statement.
   */
  public Wildcard resolveBroadly(RequestContext context) {
    return constant != null ? constant : build(context, true);
  }

  private Wildcard build(RequestContext context, boolean missingAsStar) {
    StringBuilder chars = new StringBuilder();
    List<Boolean> wild = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Text text) {
        for (char c : text.text().toCharArray()) {
          chars.append(c);
          wild.add(c == '*' || c == '?');
        }
      } else if (part instanceof Escaped escaped) {
        chars.append(escaped.character());
        wild.add(false);
      } else if (part instanceof Variable variable) {
        RequestContext.Entry entry = context.lookup(variable.key());
        String value;
        if (entry != null && !entry.multivalued()) {
          value = entry.value();
        } else if (variable.defaultValue() != null) {
          value = variable.defaultValue();
        } else if (missingAsStar) {
          chars.append('*');
          wild.add(true);
          continue;
        } else {
          return null;
        }
        // Values from the request are literal: a user named "a*" does not match everything.
        for (char c : value.toCharArray()) {
          chars.append(c);
          wild.add(false);
        }
      }
    }
    boolean[] flags = new boolean[wild.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = wild.get(i);
    }
    return new Wildcard(chars.toString().toCharArray(), flags);
  }

  @Override
  public String toString() {
    return raw;
  }
}
