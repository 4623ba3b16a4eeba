package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates expressions the way Terraform does, except that what cannot be known statically stays
 * {@link Value.Unknown}: an unknown condition chooses no branch, an unknown collection yields no
 * elements, an unknown string part stays a placeholder.
 */
final class ExpressionEvaluator {

  private static final String SPLAT = "@splat";

  private final Scope scope;
  private final Map<String, Value> locals;
  private final String address;
  final LoadReportBuilder report;

  ExpressionEvaluator(Scope scope, String address, LoadReportBuilder report) {
    this(scope, Map.of(), address, report);
  }

  private ExpressionEvaluator(Scope scope, Map<String, Value> locals, String address, LoadReportBuilder report) {
    this.scope = scope;
    this.locals = locals;
    this.address = address;
    this.report = report;
  }

  ExpressionEvaluator with(String name, Value value) {
    Map<String, Value> more = new HashMap<>(locals);
    more.put(name, value);
    return new ExpressionEvaluator(scope, more, address, report);
  }

  /** An evaluator that sees only {@code variables}: a {@code templatefile()} template. */
  ExpressionEvaluator isolated(Map<String, Value> variables) {
    Scope none =
        new TemplateScope() {
          @Override
          public Value root(String name, Expr.Span span, ExpressionEvaluator evaluator) {
            throw new EvalError("the template refers to \"" + name + "\", which templatefile() was not given", span);
          }

          @Override
          public java.nio.file.Path workingDirectory() {
            return scope.workingDirectory();
          }

          @Override
          public java.nio.file.Path projectRoot() {
            return scope.projectRoot();
          }

          @Override
          public String displayName(java.nio.file.Path file) {
            return scope.displayName(file);
          }
        };
    return new ExpressionEvaluator(none, Map.copyOf(variables), address, report);
  }

  /** The scope of a {@code templatefile()} template, which Terraform does not let call templatefile() again. */
  private interface TemplateScope extends Scope {}

  /** Whether this evaluates a {@code templatefile()} template. */
  boolean insideTemplateFile() {
    return scope instanceof TemplateScope;
  }

  /** The same evaluator, naming another template address in locations. */
  ExpressionEvaluator relocated(String newAddress) {
    return new ExpressionEvaluator(scope, locals, newAddress, report);
  }

  Scope scope() {
    return scope;
  }

  String address() {
    return address;
  }

  SourceLocation location(Expr.Span span) {
    return span.location(address);
  }

  Value unknown(Expr.Span span, String reason) {
    return Value.unknown(span.text(), location(span), reason, report);
  }

  /** Evaluates {@code expr}; what Terraform would reject becomes an unresolved value here. */
  Value evaluateOrUnknown(Expr expr) {
    try {
      return evaluate(expr);
    } catch (EvalError e) {
      return unknown(expr.span(), "Terraform would reject this expression: " + e.getMessage() + " (at line " + e.span.line() + ")");
    }
  }

  Value evaluate(Expr expr) {
    final var sel3 = expr;
    if (sel3 instanceof Expr.Literal literal) {
      return heredoc(literal.span(), literal.value());
    }
    else if (sel3 instanceof Expr.Template template) {
      return heredoc(template.span(), template(template));
    }
    else if (sel3 instanceof Expr.TemplateIf directive) {
      return templateIf(directive);
    }
    else if (sel3 instanceof Expr.TemplateFor directive) {
      return templateFor(directive);
    }
    else if (sel3 instanceof Expr.Variable variable) {
      return variable(variable);
    }
    else if (sel3 instanceof Expr.SplatItem item) {
      return locals.get(SPLAT);
    }
    else if (sel3 instanceof Expr.GetAttr get) {
      return attribute(evaluate(get.object()), get.name(), get.span());
    }
    else if (sel3 instanceof Expr.Index index) {
      return index(evaluate(index.collection()), evaluate(index.key()), index.span());
    }
    else if (sel3 instanceof Expr.Splat splat) {
      return splat(splat);
    }
    else if (sel3 instanceof Expr.Call call) {
      return Functions.call(call, this);
    }
    else if (sel3 instanceof Expr.TupleCons tuple) {

        List<Value> items = new ArrayList<>();
        for (Expr item : tuple.items()) {
          items.add(evaluate(item));
        }
        return new Value.Tuple(items);
      
    }
    else if (sel3 instanceof Expr.ObjectCons object) {
      return object(object);
    }
    else if (sel3 instanceof Expr.Conditional conditional) {
      return conditional(conditional);
    }
    else if (sel3 instanceof Expr.Binary binary) {
      return Operators.binary(binary, evaluate(binary.left()), evaluate(binary.right()), this);
    }
    else if (sel3 instanceof Expr.Unary unary) {
      return Operators.unary(unary, evaluate(unary.operand()));
    }
    else if (sel3 instanceof Expr.For forExpr) {
      return forExpression(forExpr);
    }
    else {
      throw new IllegalStateException("unreachable");
    }

  }

  /** A heredoc holding JSON keeps its document, so statement lines are the heredoc's lines. */
  private Value heredoc(Expr.Span span, Value value) {
    if (value instanceof Value.Str s && s.document().isEmpty() && span.isHeredoc()) {
      return PolicyText.withDocument(s.text(), s.parts(), location(span).at(span.line(), 1));
    }
    return value;
  }

  private Value variable(Expr.Variable variable) {
    Value local = locals.get(variable.name());
    if (local != null) {
      return local;
    }
    return scope.root(variable.name(), variable.span(), this);
  }

  static Value attribute(Value object, String name, Expr.Span span) {
    final var sel4 = object;
    if (sel4 instanceof Value.Obj obj) {

        Value member = obj.members().get(name);
        if (member == null) {
          throw new EvalError("this object has no attribute \"" + name + "\"", span);
        }
        return member;
      
    }
    else if (sel4 instanceof Value.Instance instance) {
      return instance.attribute().apply(name);
    }
    else if (sel4 instanceof Value.Unknown unknown) {
      return unknown;
    }
    else if (sel4 instanceof Value.Null n) {
      throw new EvalError("cannot read attribute \"" + name + "\" of null", span);
    }
    else if (sel4 instanceof Value.Tuple t) {
      throw new EvalError(
          "cannot read attribute \"" + name + "\" of a list; use [*]." + name + " or an index", span);
    }
    else {
      throw new EvalError("cannot read attribute \"" + name + "\" of a " + Value.typeName(object), span);
    }

  }

  static Value index(Value collection, Value key, Expr.Span span) {
    if (key instanceof Value.Unknown unknown) {
      return unknown;
    }
    if (key instanceof Value.Str s && !s.known()) {
      return new Value.Unknown(s.parts().get(0));
    }
    final var sel5 = collection;
    if (sel5 instanceof Value.Tuple tuple) {

        int i = Operators.toInt(key, span);
        if (i < 0 || i >= tuple.items().size()) {
          throw new EvalError("index " + i + " is out of range for a list of " + tuple.items().size(), span);
        }
        return tuple.items().get(i);
      
    }
    else if (sel5 instanceof Value.Obj obj) {

        String name = Operators.toText(key, span);
        Value member = obj.members().get(name);
        if (member == null) {
          throw new EvalError("the map has no element \"" + name + "\"", span);
        }
        return member;
      
    }
    else if (sel5 instanceof Value.Instance instance) {
      return instance.attribute().apply(Operators.toText(key, span));
    }
    else if (sel5 instanceof Value.Unknown unknown) {
      return unknown;
    }
    else {
      throw new EvalError("cannot index a " + Value.typeName(collection), span);
    }

  }

  private Value splat(Expr.Splat splat) {
    Value source = evaluate(splat.source());
    final var sel6 = source;
    if (sel6 instanceof Value.Unknown unknown) {
      return unknown;
    }
    else if (sel6 instanceof Value.Null n) {
      return new Value.Tuple(List.of());
    }
    else if (sel6 instanceof Value.Tuple tuple) {

        List<Value> items = new ArrayList<>();
        for (Value item : tuple.items()) {
          items.add(with(SPLAT, item).evaluate(splat.each()));
        }
        return new Value.Tuple(items);
      
    }
    else {
      return new Value.Tuple(List.of(with(SPLAT, source).evaluate(splat.each())));
    }

  }

  private Value object(Expr.ObjectCons object) {
    Map<String, Value> members = new LinkedHashMap<>();
    for (Expr.ObjectCons.Item item : object.items()) {
      Value key = evaluate(item.key());
      if (key instanceof Value.Unknown unknown) {
        return unknown;
      }
      if (key instanceof Value.Str s && !s.known()) {
        return new Value.Unknown(s.parts().get(0));
      }
      members.put(Operators.toText(key, item.key().span()), evaluate(item.value()));
    }
    return new Value.Obj(members, location(object.span()));
  }

  private Value conditional(Expr.Conditional conditional) {
    Value condition = evaluate(conditional.condition());
    Optional<Boolean> known = Operators.toBool(condition, conditional.condition().span());
    if (known.isEmpty()) {
      // hcl4j takes an unknown condition as true; the honest answer is that the result is unknown.
      return unknown(conditional.span(), "the condition " + conditional.condition().span().text() + " depends on "
          + describe(condition));
    }
    return evaluate(known.get() ? conditional.then() : conditional.otherwise());
  }

  static String describe(Value unknown) {
    List<Unresolved> parts = Value.unresolvedIn(unknown);
    return parts.isEmpty() ? "an unknown value" : parts.get(0).expression() + " (" + parts.get(0).reason() + ")";
  }

  private Value forExpression(Expr.For forExpr) {
    Value collection = evaluate(forExpr.collection());
    List<Map.Entry<Value, Value>> elements = elements(collection);
    if (elements == null) {
      return unknown(forExpr.span(), "iterates over " + describe(collection));
    }
    List<Value> items = new ArrayList<>();
    Map<String, Value> members = new LinkedHashMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> element : elements) {
      ExpressionEvaluator inner = with(forExpr.valueVar(), element.getValue());
      if (forExpr.keyVar().isPresent()) {
        inner = inner.with(forExpr.keyVar().get(), element.getKey());
      }
      if (forExpr.condition().isPresent()) {
        Value keep = inner.evaluate(forExpr.condition().get());
        Optional<Boolean> known = Operators.toBool(keep, forExpr.condition().get().span());
        if (known.isEmpty()) {
          return unknown(forExpr.span(), "its filter depends on " + describe(keep));
        }
        if (!known.get()) {
          continue;
        }
      }
      Value value = inner.evaluate(forExpr.valueExpr());
      if (forExpr.keyExpr().isEmpty()) {
        items.add(value);
        continue;
      }
      Value key = inner.evaluate(forExpr.keyExpr().get());
      if (key instanceof Value.Unknown || key instanceof Value.Str s && !s.known()) {
        return unknown(forExpr.span(), "a key depends on " + describe(key));
      }
      String name = Operators.toText(key, forExpr.keyExpr().get().span());
      if (forExpr.grouping()) {
        groups.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        if (members.containsKey(name)) {
          throw new EvalError("duplicate key \"" + name + "\" in the for expression; add \"...\" to group values", forExpr.span());
        }
        members.put(name, value);
      }
    }
    if (forExpr.keyExpr().isEmpty()) {
      return new Value.Tuple(items);
    }
    if (forExpr.grouping()) {
      groups.forEach((k, v) -> members.put(k, new Value.Tuple(v)));
    }
    return new Value.Obj(members, location(forExpr.span()));
  }

  /** Key/value pairs of a list (index, item) or map (key, value, by key); null when unknown. */
  static List<Map.Entry<Value, Value>> elements(Value collection) {
    List<Map.Entry<Value, Value>> elements = new ArrayList<>();
    {
      final var sel7 = collection;
      if (sel7 instanceof Value.Tuple tuple) {

        for (int i = 0; i < tuple.items().size(); i++) {
          elements.add(Map.entry(Value.of(i), tuple.items().get(i)));
        }
      
      }
      else if (sel7 instanceof Value.Obj obj) {
        // Terraform iterates a map or object in lexical order of its keys, not as written: the
        // order keys() returns ("The keys are returned in lexicographical order", Terraform
        // language, keys function), for for expressions, dynamic blocks and for_each alike.
        new TreeMap<>(obj.members()).forEach((k, v) -> elements.add(Map.entry(Value.of(k), v)));
      }
      else if (sel7 instanceof Value.Null n) {

      }
      else {

        return null;
      
      }
    }
    return elements;
  }

  private Value template(Expr.Template template) {
    if (template.parts().size() == 1 && !(template.parts().get(0) instanceof Expr.Literal)) {
      // "${expr}" alone is the value of expr, unconverted (Terraform's template rule).
      Expr only = template.parts().get(0);
      if (!(only instanceof Expr.TemplateIf) && !(only instanceof Expr.TemplateFor)) {
        return evaluate(only);
      }
    }
    StringBuilder text = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>();
    for (Expr part : template.parts()) {
      Value value = evaluate(part);
      if (!append(value, text, parts)) {
        return unknown(part.span(), "a string template cannot hold " + Value.typeName(value));
      }
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  /** Appends a value's string form; false when it has none (a list, an object, null). */
  static boolean append(Value value, StringBuilder text, List<Unresolved> parts) {
    {
      final var sel8 = value;
      if (sel8 instanceof Value.Str s) {

        text.append(s.text());
        parts.addAll(s.parts());
      
      }
      else if (sel8 instanceof Value.Num n) {
        text.append(n);
      }
      else if (sel8 instanceof Value.Bool b) {
        text.append(b.value());
      }
      else if (sel8 instanceof Value.Unknown u) {

        text.append(u.unresolved().placeholder());
        parts.add(u.unresolved());
      
      }
      else {

        return false;
      
      }
    }
    return true;
  }

  private Value templateIf(Expr.TemplateIf directive) {
    Value condition = evaluate(directive.condition());
    Optional<Boolean> known = Operators.toBool(condition, directive.span());
    if (known.isEmpty()) {
      return unknown(directive.span(), "the %{if} condition depends on " + describe(condition));
    }
    return template(known.get() ? directive.then() : directive.otherwise());
  }

  private Value templateFor(Expr.TemplateFor directive) {
    Value collection = evaluate(directive.collection());
    List<Map.Entry<Value, Value>> elements = elements(collection);
    if (elements == null) {
      return unknown(directive.span(), "the %{for} iterates over " + describe(collection));
    }
    StringBuilder text = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>();
    for (Map.Entry<Value, Value> element : elements) {
      ExpressionEvaluator inner = with(directive.value(), element.getValue());
      if (directive.key().isPresent()) {
        inner = inner.with(directive.key().get(), element.getKey());
      }
      Value body = inner.templateAsString(directive.body());
      append(body, text, parts);
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  private Value templateAsString(Expr.Template template) {
    StringBuilder text = new StringBuilder();
    List<Unresolved> parts = new ArrayList<>();
    for (Expr part : template.parts()) {
      Value value = evaluate(part);
      if (!append(value, text, parts)) {
        return unknown(part.span(), "a string template cannot hold " + Value.typeName(value));
      }
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  static BigDecimal number(long n) {
    return BigDecimal.valueOf(n);
  }
}
