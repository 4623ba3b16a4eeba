package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.TemplateException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The header {@code for k, v in collection} reads the same in the three places HCL allows it: a
 * tuple for expression, an object for expression and a {@code %{for}} template directive
 * (developer.hashicorp.com/terraform/language/expressions/for and .../expressions/strings#directives).
 */
class ForHeaderTests {

  private record Header(Optional<String> key, String value, String collection) {}

  private static Header header(String source) {
    Expr expr = source.startsWith("%") ? HclParser.parseTemplate("main.tf", source, 1) : HclParser.parseExpression("main.tf", source, 1);
    if (expr instanceof Expr.Template template) {
      expr = template.parts().get(0);
    }
    if (expr instanceof Expr.For f) {
      return new Header(f.keyVar(), f.valueVar(), f.collection().span().text());
    }
    Expr.TemplateFor t = (Expr.TemplateFor) expr;
    return new Header(t.key(), t.value(), t.collection().span().text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [for s in var.list : upper(s)]                  |   | s | var.list
      [for i, s in var.list : "${i}=${s}"]            | i | s | var.list
      {for k, v in var.map : v => k}                  | k | v | var.map
      {for s in local.names : s => upper(s)...}       |   | s | local.names
      [ for  k ,  v  in  { a = 1 } : v ]              | k | v | { a = 1 }
      %{ for addr in ip_addrs }${addr}%{ endfor }     |   | addr | ip_addrs
      %{for k, v in local.m~}${k}%{endfor}            | k | v | local.m
      """)
  void readsTheHeaderAlikeInEveryForm(String source, String key, String value, String collection) {
    assertThat(header(source)).isEqualTo(new Header(Optional.ofNullable(key), value, collection));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [for s of var.list : s]                  | expected "in" in the for expression
      {for 1 in var.map : 1 => 1}              | a for expression variable
      %{ for a of xs }${a}%{ endfor }          | expected "in" in the %{for} directive
      %{ for , in xs }x%{ endfor }             | a %{for} directive variable
      """)
  void namesTheFormInItsErrors(String source, String message) {
    assertThatThrownBy(() -> header(source)).isInstanceOf(TemplateException.class).hasMessageContaining(message);
  }
}
