package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.SourceText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Terraform functions IAM code uses. A function we do not implement, or one given an unknown
 * argument where the result would depend on it, returns an unknown value, never a guess.
 */
final class Functions {

  private Functions() {}

  static Value call(Expr.Call call, ExpressionEvaluator ev) {
    String name = call.name().startsWith("provider::") ? call.name() : call.name();
    Expr.Span span = call.span();
    // try() and can() see the errors of their arguments, so they evaluate them themselves.
    if (name.equals("try")) {
      for (Expr arg : call.args()) {
        try {
          Value value = ev.evaluate(arg);
          return value;
        } catch (EvalError e) {
          // Terraform moves on to the next argument.
        }
      }
      throw new EvalError("no argument of try() could be evaluated", span);
    }
    if (name.equals("can")) {
      try {
        Value value = ev.evaluate(call.args().get(0));
        return Operators.isKnown(value) ? Value.of(true) : value;
      } catch (EvalError e) {
        return Value.of(false);
      }
    }
    List<Value> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(ev.evaluate(arg));
    }
    if (call.expandLast() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (!(last instanceof Value.Tuple tuple)) {
        return ev.unknown(span, "the expanded argument is " + ExpressionEvaluator.describe(last));
      }
      args.addAll(tuple.items());
    }
    return apply(name, args, call, ev);
  }

  private static Value apply(String name, List<Value> a, Expr.Call call, ExpressionEvaluator ev) {
    Expr.Span span = call.span();
    switch (name) {
      case "jsonencode":
        return JsonValues.encode(arg(a, 0, span), ev.location(span));
      case "format":
      case "join":
      case "lower":
      case "upper":
      case "trimspace":
      case "tostring":
      case "coalesce":
        return stringFunction(name, a, call, ev);
      default:
        break;
    }
    // The remaining functions need their arguments known.
    for (Value value : a) {
      if (!Operators.isKnown(value) && !(name.equals("concat") || name.equals("tolist") || name.equals("toset")
          || name.equals("merge") || name.equals("flatten") || name.equals("compact") || name.equals("length")
          || name.equals("element") || name.equals("lookup") || name.equals("distinct") || name.equals("keys")
          || name.equals("values") || name.equals("one") || name.equals("contains") || name.equals("coalescelist"))) {
        return ev.unknown(span, name + "() is given " + ExpressionEvaluator.describe(value));
      }
    }
    switch (name) {
      case "jsondecode": {
        Value.Str s = str(arg(a, 0, span), span);
        try {
          JsonNode node = JsonValues.MAPPER.readTree(s.text());
          return JsonValues.fromJson(node, s.parts(), ev.location(span));
        } catch (JsonProcessingException e) {
          throw new EvalError("jsondecode() was given text that is not JSON: " + e.getOriginalMessage(), span);
        }
      }
      case "file":
        return file(arg(a, 0, span), call, ev);
      case "templatefile":
        return templatefile(a, call, ev);
      case "formatlist": {
        Value pattern = arg(a, 0, span);
        int length = -1;
        for (Value value : a.subList(1, a.size())) {
          if (value instanceof Value.Unknown) {
            return value;
          }
          if (value instanceof Value.Tuple t) {
            length = t.items().size();
          }
        }
        if (length < 0) {
          return ev.unknown(span, "formatlist() needs at least one list argument");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
          List<Value> row = new ArrayList<>(List.of(pattern));
          for (Value value : a.subList(1, a.size())) {
            row.add(value instanceof Value.Tuple t ? t.items().get(i) : value);
          }
          out.add(format(row, span));
        }
        return new Value.Tuple(out);
      }
      case "split": {
        String sep = text(arg(a, 0, span), span);
        String s = text(arg(a, 1, span), span);
        List<Value> out = new ArrayList<>();
        if (!s.isEmpty()) {
          for (String piece : s.split(java.util.regex.Pattern.quote(sep), -1)) {
            out.add(Value.of(piece));
          }
        }
        return new Value.Tuple(out);
      }
      case "concat": {
        List<Value> out = new ArrayList<>();
        for (Value value : a) {
          if (!(value instanceof Value.Tuple t)) {
            return unknownOr(value, ev, span, "concat() takes lists");
          }
          out.addAll(t.items());
        }
        return new Value.Tuple(out);
      }
      case "merge": {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value value : a) {
          if (value instanceof Value.Null) {
            continue;
          }
          if (!(value instanceof Value.Obj o)) {
            return unknownOr(value, ev, span, "merge() takes maps or objects");
          }
          out.putAll(o.members());
        }
        return new Value.Obj(out, ev.location(span));
      }
      case "flatten": {
        Value value = arg(a, 0, span);
        if (!(value instanceof Value.Tuple)) {
          return unknownOr(value, ev, span, "flatten() takes a list");
        }
        List<Value> out = new ArrayList<>();
        Optional<Value> unknown = flatten(value, out);
        return unknown.orElse(new Value.Tuple(out));
      }
      case "distinct":
      case "toset": {
        Value value = arg(a, 0, span);
        if (!(value instanceof Value.Tuple t)) {
          return unknownOr(value, ev, span, name + "() takes a list");
        }
        List<Value> out = new ArrayList<>();
        Set<Object> seen = new LinkedHashSet<>();
        for (Value item : t.items()) {
          if (!Operators.isWhollyKnown(item)) {
            // Whether it duplicates another element is unknown; keeping it never drops a value.
            out.add(item);
          } else if (seen.add(Operators.plain(item))) {
            out.add(item);
          }
        }
        if (name.equals("toset")) {
          // Terraform orders sets of strings lexically.
          boolean allStrings = out.stream().allMatch(v -> v instanceof Value.Str s && s.known());
          if (allStrings) {
            out.sort((x, y) -> ((Value.Str) x).text().compareTo(((Value.Str) y).text()));
          }
        }
        return new Value.Tuple(out);
      }
      case "tolist":
      case "tomap":
      case "tonumber":
      case "tobool":
        return arg(a, 0, span) instanceof Value.Str s && name.equals("tonumber")
            ? new Value.Num(Operators.toNumber(s, span))
            : arg(a, 0, span) instanceof Value.Str s2 && name.equals("tobool")
                ? Value.of(Operators.toBool(s2, span).orElseThrow())
                : arg(a, 0, span);
      case "lookup": {
        Value map = arg(a, 0, span);
        Value key = arg(a, 1, span);
        if (!Operators.isKnown(key) || map instanceof Value.Unknown) {
          return unknownOr(Operators.isKnown(key) ? map : key, ev, span, "");
        }
        if (!(map instanceof Value.Obj o)) {
          throw new EvalError("lookup() takes a map", span);
        }
        Value found = o.members().get(text(key, span));
        if (found != null) {
          return found;
        }
        if (a.size() > 2) {
          return a.get(2);
        }
        throw new EvalError("lookup() found no key \"" + text(key, span) + "\" and has no default", span);
      }
      case "length": {
        Value value = arg(a, 0, span);
        final var sel9 = value;
        if (sel9 instanceof Value.Tuple t) {
          return Value.of(t.items().size());
        }
        else if (sel9 instanceof Value.Obj o) {
          return Value.of(o.members().size());
        }
        else if (sel9 instanceof Value.Str s && (s.known())) {
          return Value.of(s.text().codePointCount(0, s.text().length()));
        }
        else {
          return unknownOr(value, ev, span, "length() takes a list, map or string");
        }

      }
      case "replace": {
        String s = text(arg(a, 0, span), span);
        String search = text(arg(a, 1, span), span);
        String replacement = text(arg(a, 2, span), span);
        if (search.length() > 2 && search.startsWith("/") && search.endsWith("/")) {
          String regex = search.substring(1, search.length() - 1);
          return Value.of(s.replaceAll(regex, replacement.replaceAll("\\$\\{(\\d+)}", "\\$$1")));
        }
        return Value.of(s.replace(search, replacement));
      }
      case "trim":
        return Value.of(strip(text(arg(a, 0, span), span), text(arg(a, 1, span), span)));
      case "trimprefix": {
        String s = text(arg(a, 0, span), span);
        String p = text(arg(a, 1, span), span);
        return Value.of(s.startsWith(p) ? s.substring(p.length()) : s);
      }
      case "trimsuffix": {
        String s = text(arg(a, 0, span), span);
        String p = text(arg(a, 1, span), span);
        return Value.of(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
      }
      case "chomp":
        return Value.of(text(arg(a, 0, span), span).replaceAll("[\\r\\n]+$", ""));
      case "startswith":
        return Value.of(text(arg(a, 0, span), span).startsWith(text(arg(a, 1, span), span)));
      case "endswith":
        return Value.of(text(arg(a, 0, span), span).endsWith(text(arg(a, 1, span), span)));
      case "substr": {
        String s = text(arg(a, 0, span), span);
        int offset = Operators.toInt(arg(a, 1, span), span);
        int length = Operators.toInt(arg(a, 2, span), span);
        // A negative offset counts from the end, as in Terraform.
        int from = offset < 0 ? Math.max(0, s.length() + offset) : Math.min(offset, s.length());
        int end = length < 0 ? s.length() : (int) Math.min(s.length(), (long) from + length);
        return Value.of(s.substring(from, end));
      }
      case "compact": {
        Value value = arg(a, 0, span);
        if (!(value instanceof Value.Tuple t)) {
          return unknownOr(value, ev, span, "compact() takes a list");
        }
        List<Value> out = new ArrayList<>();
        for (Value item : t.items()) {
          if (item instanceof Value.Null || item instanceof Value.Str s && s.known() && s.text().isEmpty()) {
            continue;
          }
          out.add(item);
        }
        return new Value.Tuple(out);
      }
      case "element": {
        Value list = arg(a, 0, span);
        Value index = arg(a, 1, span);
        if (!(list instanceof Value.Tuple t) || !Operators.isKnown(index)) {
          return unknownOr(list instanceof Value.Tuple ? index : list, ev, span, "element() takes a list");
        }
        if (t.items().isEmpty()) {
          throw new EvalError("element() of an empty list", span);
        }
        int i = Operators.toInt(index, span);
        return t.items().get(Math.floorMod(i, t.items().size()));
      }
      case "keys":
      case "values": {
        Value value = arg(a, 0, span);
        if (!(value instanceof Value.Obj o)) {
          return unknownOr(value, ev, span, name + "() takes a map");
        }
        List<String> sorted = new ArrayList<>(o.members().keySet());
        java.util.Collections.sort(sorted);
        List<Value> out = new ArrayList<>();
        for (String key : sorted) {
          out.add(name.equals("keys") ? Value.of(key) : o.members().get(key));
        }
        return new Value.Tuple(out);
      }
      case "zipmap": {
        Value keys = arg(a, 0, span);
        Value values = arg(a, 1, span);
        if (!(keys instanceof Value.Tuple k) || !(values instanceof Value.Tuple v)) {
          return unknownOr(keys instanceof Value.Tuple ? values : keys, ev, span, "zipmap() takes two lists");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < k.items().size(); i++) {
          Value key = k.items().get(i);
          if (!Operators.isKnown(key)) {
            return unknownOr(key, ev, span, "");
          }
          out.put(text(key, span), v.items().get(i));
        }
        return new Value.Obj(out, ev.location(span));
      }
      case "contains": {
        Value list = arg(a, 0, span);
        if (!(list instanceof Value.Tuple t)) {
          return unknownOr(list, ev, span, "contains() takes a list");
        }
        for (Value item : t.items()) {
          Optional<Boolean> equal = Operators.equal(item, arg(a, 1, span));
          if (equal.isEmpty()) {
            return ev.unknown(span, "contains() compares unknown values");
          }
          if (equal.get()) {
            return Value.of(true);
          }
        }
        return Value.of(false);
      }
      case "one": {
        Value list = arg(a, 0, span);
        if (!(list instanceof Value.Tuple t)) {
          return unknownOr(list, ev, span, "one() takes a list");
        }
        if (t.items().size() > 1) {
          throw new EvalError("one() was given more than one element", span);
        }
        return t.items().isEmpty() ? Value.NULL : t.items().get(0);
      }
      case "coalescelist": {
        for (Value value : a) {
          if (!(value instanceof Value.Tuple t)) {
            return unknownOr(value, ev, span, "coalescelist() takes lists");
          }
          if (!t.items().isEmpty()) {
            return t;
          }
        }
        return new Value.Tuple(List.of());
      }
      case "reverse": {
        Value list = arg(a, 0, span);
        if (!(list instanceof Value.Tuple t)) {
          throw new EvalError("reverse() takes a list", span);
        }
        List<Value> out = new ArrayList<>(t.items());
        java.util.Collections.reverse(out);
        return new Value.Tuple(out);
      }
      case "sort": {
        Value list = arg(a, 0, span);
        if (!(list instanceof Value.Tuple t)) {
          throw new EvalError("sort() takes a list", span);
        }
        List<Value> out = new ArrayList<>(t.items());
        out.sort((x, y) -> text(x, span).compareTo(text(y, span)));
        return new Value.Tuple(out);
      }
      case "range": {
        int start = a.size() > 1 ? Operators.toInt(a.get(0), span) : 0;
        int end = Operators.toInt(arg(a, a.size() > 1 ? 1 : 0, span), span);
        List<Value> out = new ArrayList<>();
        for (long i = start; i < end; i++) {
          if (out.size() == 1024) {
            // Terraform's own limit: "more than 1024 values were generated".
            throw new EvalError("range() would make more than 1024 values, which Terraform refuses", span);
          }
          out.add(Value.of(i));
        }
        return new Value.Tuple(out);
      }
      case "min":
      case "max": {
        java.math.BigDecimal best = null;
        for (Value value : a) {
          java.math.BigDecimal n = Operators.toNumber(value, span);
          if (best == null || (name.equals("min") ? n.compareTo(best) < 0 : n.compareTo(best) > 0)) {
            best = n;
          }
        }
        return new Value.Num(best);
      }
      case "abs":
        return new Value.Num(Operators.toNumber(arg(a, 0, span), span).abs());
      case "title": {
        String s = text(arg(a, 0, span), span);
        return Value.of(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1));
      }
      default:
        return ev.unknown(span, "IAMUnit does not evaluate the function " + name + "()");
    }
  }

  /** Functions that keep unknown string parts as placeholders: the result's shape is known. */
  private static Value stringFunction(String name, List<Value> a, Expr.Call call, ExpressionEvaluator ev) {
    Expr.Span span = call.span();
    switch (name) {
      case "format":
        return format(a, span);
      case "join": {
        Value sep = arg(a, 0, span);
        List<Value> items = new ArrayList<>();
        for (Value list : a.subList(1, a.size())) {
          if (!(list instanceof Value.Tuple t)) {
            return unknownOr(list, ev, span, "join() takes lists");
          }
          items.addAll(t.items());
        }
        StringBuilder text = new StringBuilder();
        List<Unresolved> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (i > 0 && !ExpressionEvaluator.append(sep, text, parts)) {
            throw new EvalError("join() takes a string separator", span);
          }
          if (!ExpressionEvaluator.append(items.get(i), text, parts)) {
            throw new EvalError("join() takes a list of strings", span);
          }
        }
        return new Value.Str(text.toString(), parts, Optional.empty());
      }
      case "lower":
      case "upper":
      case "trimspace": {
        Value.Str s = Operators.toStr(arg(a, 0, span));
        if (s == null) {
          throw new EvalError(name + "() takes a string", span);
        }
        // Placeholders hold only digits and private-use characters, which these leave alone.
        String text =
            name.equals("lower") ? s.text().toLowerCase(java.util.Locale.ROOT)
                : name.equals("upper") ? s.text().toUpperCase(java.util.Locale.ROOT) : s.text().strip();
        return new Value.Str(text, s.parts(), Optional.empty());
      }
      case "tostring": {
        Value value = arg(a, 0, span);
        if (value instanceof Value.Null || value instanceof Value.Unknown) {
          return value;
        }
        Value.Str s = Operators.toStr(value);
        if (s == null) {
          throw new EvalError("tostring() takes a primitive value", span);
        }
        return s;
      }
      default: {
        // coalesce: the first argument that is not null or "": unknown if an unknown comes first.
        for (Value value : a) {
          if (value instanceof Value.Null || value instanceof Value.Str s && s.known() && s.text().isEmpty()) {
            continue;
          }
          if (!Operators.isKnown(value) && !(value instanceof Value.Str)) {
            return value;
          }
          if (value instanceof Value.Str s && !s.known() && s.text().equals(s.parts().get(0).placeholder())) {
            // Whether it is "" is unknown, so which argument wins is unknown.
            return ev.unknown(span, "coalesce() is given " + ExpressionEvaluator.describe(value));
          }
          return value;
        }
        throw new EvalError("coalesce() found no non-empty argument", span);
      }
    }
  }

  private static Value format(List<Value> a, Expr.Span span) {
    String pattern = text(a.get(0), span);
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

  private static Optional<Value> flatten(Value value, List<Value> out) {
    if (value instanceof Value.Tuple t) {
      for (Value item : t.items()) {
        Optional<Value> unknown = flatten(item, out);
        if (unknown.isPresent()) {
          return unknown;
        }
      }
      return Optional.empty();
    }
    if (value instanceof Value.Unknown) {
      // An unknown element may itself be a list: the flattened length is unknown.
      return Optional.of(value);
    }
    out.add(value);
    return Optional.empty();
  }

  private static Value file(Value path, Expr.Call call, ExpressionEvaluator ev) {
    Path resolved = resolve(path, call, ev);
    if (!Files.isRegularFile(resolved)) {
      return ev.unknown(call.span(), "the file " + ev.scope().displayName(resolved) + " does not exist in the loaded sources");
    }
    return readJsonAware(resolved, ev);
  }

  private static Value readJsonAware(Path resolved, ExpressionEvaluator ev) {
    String text = SourceText.read(resolved, ev.scope().displayName(resolved), "Terraform", TerraformLoader.MAX_FILE_BYTES);
    return PolicyText.withDocument(text, List.of(), dev.iamunit.model.SourceLocation.of(ev.scope().displayName(resolved), 1, 1)
        .withAddress(ev.address()));
  }

  private static Value templatefile(List<Value> a, Expr.Call call, ExpressionEvaluator ev) {
    if (ev.insideTemplateFile()) {
      // Terraform refuses this too; a template naming itself would otherwise recurse forever.
      throw new EvalError("templatefile() cannot be called from inside a template that templatefile() reads", call.span());
    }
    Path resolved = resolve(arg(a, 0, call.span()), call, ev);
    if (!Files.isRegularFile(resolved)) {
      return ev.unknown(call.span(), "the template " + ev.scope().displayName(resolved) + " does not exist in the loaded sources");
    }
    Value vars = a.size() > 1 ? a.get(1) : new Value.Obj(Map.of(), ev.location(call.span()));
    if (!(vars instanceof Value.Obj o)) {
      return unknownOr(vars, ev, call.span(), "templatefile() takes a map of variables");
    }
    String display = ev.scope().displayName(resolved);
    String text = SourceText.read(resolved, display, "Terraform", TerraformLoader.MAX_FILE_BYTES);
    Expr template = HclParser.parseTemplate(display, text, 1);
    Value result = ev.isolated(o.members()).evaluate(template);
    if (result instanceof Value.Str s) {
      return PolicyText.withDocument(s.text(), s.parts(), dev.iamunit.model.SourceLocation.of(display, 1, 1).withAddress(ev.address()));
    }
    return result;
  }

  private static Path resolve(Value path, Expr.Call call, ExpressionEvaluator ev) {
    String name = text(path, call.span());
    Path resolved = ProjectPaths.resolve(ev.scope().workingDirectory(), name).orElseThrow(() -> new TemplateException(
        call.name() + "(\"" + printable(name) + "\"): not a valid file path", ev.location(call.span())));
    Path root = ev.scope().projectRoot().toAbsolutePath().normalize();
    if (!ProjectPaths.isInside(resolved, root)) {
      throw new TemplateException(
          call.name() + "(\"" + printable(name) + "\") reads outside the project root " + root
              + (resolved.startsWith(root) ? " through a symbolic link" : "")
              + "; keep policy files inside the project, or set the root with LoadOptions.withProjectRoot",
          ev.location(call.span()));
    }
    return resolved;
  }

  /** A path as a message shows it, with control characters escaped. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(200).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
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

  private static Value unknownOr(Value value, ExpressionEvaluator ev, Expr.Span span, String message) {
    if (value instanceof Value.Unknown) {
      return value;
    }
    if (!Operators.isKnown(value)) {
      return ev.unknown(span, "depends on " + ExpressionEvaluator.describe(value));
    }
    throw new EvalError(message + ", not " + Value.typeName(value), span);
  }

  private static Value arg(List<Value> a, int i, Expr.Span span) {
    if (i >= a.size()) {
      throw new EvalError("missing argument " + (i + 1), span);
    }
    return a.get(i);
  }

  private static Value.Str str(Value value, Expr.Span span) {
    Value.Str s = Operators.toStr(value);
    if (s == null) {
      throw new EvalError("expected a string, found " + Value.typeName(value), span);
    }
    return s;
  }

  private static String text(Value value, Expr.Span span) {
    return Operators.toText(value, span);
  }
}
