package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.any;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.list;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.map;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.number;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Terraform's string functions (developer.hashicorp.com/terraform/language/functions, "String Functions"). */
final class StringFunctions {

  private StringFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.variadic("format", c -> format(c.rest(0), c.span()), any("args").orUnknown().orNull(),
          string("format").orUnknown()),
      FunctionSpec.variadic("formatlist", StringFunctions::formatlist, any("args"), string("format")),
      FunctionSpec.variadic("join", StringFunctions::join, list("lists").orUnknown(), string("separator").orUnknown(),
          list("lists").orUnknown()),
      // Placeholders hold only digits and private-use characters, which these three leave alone.
      FunctionSpec.of("lower", c -> mapped(c, s -> s.toLowerCase(Locale.ROOT)), string("str").orUnknown()),
      FunctionSpec.of("upper", c -> mapped(c, s -> s.toUpperCase(Locale.ROOT)), string("str").orUnknown()),
      FunctionSpec.of("trimspace", c -> mapped(c, String::strip), string("str").orUnknown()),
      FunctionSpec.of("title", c -> Value.of(title(c.text(0))), string("str")),
      FunctionSpec.of("split", StringFunctions::split, string("separator"), string("str")),
      FunctionSpec.of("replace", StringFunctions::replace, string("str"), string("substr"), string("replace")),
      FunctionSpec.of("trim", c -> Value.of(strip(c.text(0), c.text(1))), string("str"), string("cutset")),
      FunctionSpec.of("trimprefix", c -> {
        String s = c.text(0);
        String prefix = c.text(1);
        return Value.of(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
      }, string("str"), string("prefix")),
      FunctionSpec.of("trimsuffix", c -> {
        String s = c.text(0);
        String suffix = c.text(1);
        return Value.of(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
      }, string("str"), string("suffix")),
      FunctionSpec.of("chomp", c -> Value.of(c.text(0).replaceAll("[\\r\\n]+$", "")), string("str")),
      FunctionSpec.of("startswith", c -> Value.of(c.text(0).startsWith(c.text(1))), string("str"), string("prefix")),
      FunctionSpec.of("endswith", c -> Value.of(c.text(0).endsWith(c.text(1))), string("str"), string("suffix")),
      FunctionSpec.of("substr", StringFunctions::substr, string("str"), number("offset"), number("length")),
      FunctionSpec.of("templatestring", StringFunctions::templatestring, string("template"), map("vars")));

  private static Value mapped(FunctionCall c, UnaryOperator<String> change) {
    Value.Str s = c.str(0);
    return FunctionCall.string(change.apply(s.text()), s);
  }

  /** {@code format}: each verb takes the next argument; unknown arguments stay placeholders. */
  static Value format(List<Value> a, Expr.Span span) {
    String pattern = Operators.toText(a.get(0), span);
    StringBuilder text = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>(Value.unresolvedIn(a.get(0)));
    int next = 1;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '%') {
        text.append('%');
        i++;
        continue;
      }
      int j = i + 1;
      while (j < pattern.length() && !Character.isLetter(pattern.charAt(j))) {
        j++;
      }
      if (j >= pattern.length() || next >= a.size()) {
        throw new EvalError("format() has more verbs than arguments", span);
      }
      char verb = pattern.charAt(j);
      Value value = a.get(next++);
      if (verb == 'q') {
        text.append('"');
      }
      if (!ExpressionEvaluator.append(value, text, parts)) {
        text.append(JsonValues.encode(value, dev.iamunit.model.SourceLocation.UNKNOWN) instanceof Value.Str s ? s.text() : "");
        parts.addAll(Value.unresolvedIn(value));
      }
      if (verb == 'q') {
        text.append('"');
      }
      i = j;
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  /**
   * {@code formatlist}: "If any of the values is a list then the result is a list of the same
   * length"; lists of different lengths are an error, and with no list the result has one element
   * (as Terraform 1.11 computes it).
   */
  private static Value formatlist(FunctionCall c) {
    int length = -1;
    for (Value value : c.rest(1)) {
      if (value instanceof Value.Tuple t) {
        if (length >= 0 && t.items().size() != length) {
          throw c.error("takes lists of one length; one has " + t.items().size() + " elements, another " + length);
        }
        length = t.items().size();
      }
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < (length < 0 ? 1 : length); i++) {
      List<Value> row = new ArrayList<>(List.of(c.arg(0)));
      for (Value value : c.rest(1)) {
        row.add(value instanceof Value.Tuple t ? t.items().get(i) : value);
      }
      out.add(format(row, c.span()));
    }
    return new Value.Tuple(out);
  }

  private static Value join(FunctionCall c) {
    Value sep = c.arg(0);
    List<Value> items = new ArrayList<>();
    for (Value list : c.rest(1)) {
      if (!(list instanceof Value.Tuple t)) {
        return c.unknownFrom(list);
      }
      items.addAll(t.items());
    }
    StringBuilder text = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0 && !ExpressionEvaluator.append(sep, text, parts)) {
        throw c.error("takes a string separator");
      }
      if (!ExpressionEvaluator.append(items.get(i), text, parts)) {
        throw c.error("takes lists of strings");
      }
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  /** {@code split}: "split(",", "")" is a list of one empty string, as Terraform gives it. */
  private static Value split(FunctionCall c) {
    List<Value> out = new ArrayList<>();
    for (String piece : c.text(1).split(java.util.regex.Pattern.quote(c.text(0)), -1)) {
      out.add(Value.of(piece));
    }
    return new Value.Tuple(out);
  }

  /** {@code replace}: a substring "wrapped in forward slashes" is a regular expression. */
  private static Value replace(FunctionCall c) {
    String s = c.text(0);
    String search = c.text(1);
    String replacement = c.text(2);
    if (search.length() > 2 && search.startsWith("/") && search.endsWith("/")) {
      String regex = search.substring(1, search.length() - 1);
      return Value.of(s.replaceAll(regex, replacement.replaceAll("\\$\\{(\\d+)}", "\\$$1")));
    }
    return Value.of(s.replace(search, replacement));
  }

  /**
   * {@code substr(string, offset, length)}: "The offset and length are both counted in unicode
   * characters"; a negative offset counts from the end, a length of -1 takes the rest. IAMUnit
   * counts code points, where Terraform counts grapheme clusters (an emoji with a modifier is one
   * character to Terraform, two here).
   */
  private static Value substr(FunctionCall c) {
    int[] s = c.text(0).codePoints().toArray();
    int offset = c.integer(1);
    int length = c.integer(2);
    int from = offset < 0 ? Math.max(0, s.length + offset) : Math.min(offset, s.length);
    int end = length < 0 ? s.length : (int) Math.min(s.length, (long) from + length);
    return Value.of(new String(s, from, end - from));
  }

  /**
   * {@code title}: Terraform uses Go's {@code strings.Title}: a letter that begins a word, after a
   * separator (a space, or any ASCII character but a letter, digit or underscore), becomes upper case.
   */
  static String title(String s) {
    StringBuilder out = new StringBuilder();
    int previous = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(isWordSeparator(previous) ? Character.toTitleCase(c) : c);
      previous = c;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static boolean isWordSeparator(int c) {
    if (c <= 0x7F) {
      return !(Character.isLetterOrDigit(c) || c == '_');
    }
    return !Character.isLetterOrDigit(c) && Character.isWhitespace(c);
  }

  /**
   * {@code templatestring(template, vars)}: renders a template string held elsewhere with only the
   * given variables, as {@code templatefile} does a file. Terraform refuses a template written in
   * the call itself: "the first argument must be a reference to a string, not a literal template".
   */
  private static Value templatestring(FunctionCall c) {
    Expr written = c.call().args().get(0);
    if (written instanceof Expr.Literal || written instanceof Expr.Template) {
      throw c.error("takes a reference to a template string, not a template written in the call;"
          + " use a string template expression instead");
    }
    Expr template = HclParser.parseTemplate(c.span().file(), c.text(0), c.span().line());
    Value result = c.ev().isolated(c.members(1)).evaluate(template);
    return result instanceof Value.Str s ? PolicyText.withDocument(s.text(), s.parts(), c.location()) : result;
  }

  private static String strip(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }
}
