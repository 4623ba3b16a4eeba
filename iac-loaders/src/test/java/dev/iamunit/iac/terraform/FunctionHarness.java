package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Evaluates one Terraform expression through the loader's own parser and evaluator, in a module
 * whose folder is {@code dir} (both the working directory and the project root). {@code var.NAME}
 * is unknown (a variable with no value); {@code local.NAME} is one of {@code locals}.
 */
final class FunctionHarness {

  private final Path dir;
  private final Map<String, Value> locals;
  final LoadReportBuilder report = new LoadReportBuilder();

  FunctionHarness(Path dir, Map<String, Value> locals) {
    this.dir = dir;
    this.locals = locals;
  }

  FunctionHarness(Path dir) {
    this(dir, Map.of());
  }

  Value evaluate(String expression) {
    Expr expr = HclParser.parseExpression("main.tf", expression, 1);
    return new ExpressionEvaluator(scope(), "output.test", report).evaluate(expr);
  }

  /** Checks that {@code expression} evaluates, wholly known, to the value of the literal {@code expected}. */
  void assertEvaluates(String expression, String expected) {
    Value actual = evaluate(expression);
    Value wanted = new ExpressionEvaluator(scope(), "output.expected", new LoadReportBuilder())
        .evaluate(HclParser.parseExpression("expected", expected, 1));
    assertThat(Value.unresolvedIn(actual)).as("unknown parts of %s", expression).isEmpty();
    assertThat(Operators.plain(actual)).as(expression).isEqualTo(Operators.plain(wanted));
    assertThat(Value.typeName(actual)).as("type of %s", expression).isEqualTo(Value.typeName(wanted));
  }

  /** Checks that {@code expression} is an error Terraform reports, worded with {@code words}. */
  AbstractThrowableAssert<?, ? extends Throwable> assertRejects(String expression, String words) {
    return assertThatThrownBy(() -> evaluate(expression)).isInstanceOf(EvalError.class).hasMessageContaining(words);
  }

  /** The unresolved values {@code expression} depends on; fails when it is wholly known. */
  List<Unresolved> unknownParts(String expression) {
    List<Unresolved> parts = Value.unresolvedIn(evaluate(expression));
    assertThat(parts).as("unknown parts of %s", expression).isNotEmpty();
    return parts;
  }

  private Scope scope() {
    return new Scope() {
      @Override
      public Value root(String name, Expr.Span span, ExpressionEvaluator ev) {
        return switch (name) {
          case "var" -> new Value.Instance("var", n -> ev.unknown(span.withText("var." + n), "the variable has no value"));
          case "local" -> new Value.Instance("local", n -> locals.get(n));
          case "path" -> FilesystemFunctions.pathObject("", ".", ev, span);
          default -> throw new EvalError("no \"" + name + "\" in this test", span);
        };
      }

      @Override
      public Path workingDirectory() {
        return dir;
      }

      @Override
      public Path projectRoot() {
        return dir;
      }

      @Override
      public String displayName(Path file) {
        return dir.relativize(file).toString();
      }
    };
  }
}
