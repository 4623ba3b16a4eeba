package dev.iamunit.maven;

import dev.iamunit.coverage.Counter;
import dev.iamunit.coverage.CounterKind;
import dev.iamunit.coverage.CoverageRule;
import dev.iamunit.coverage.ElementKind;
import dev.iamunit.coverage.Limit;
import dev.iamunit.coverage.RuleWords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/** The POM's {@code <rules>} as coverage rules; a mistake names the rule and the allowed words. */
final class Rules {

  private Rules() {}

  static List<CoverageRule> from(List<RuleConfiguration> configured) throws MojoExecutionException {
    List<CoverageRule> rules = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      RuleConfiguration rule = configured.get(i);
      String where = "<rule> " + (i + 1) + " of <rules>";
      List<Limit> limits = new ArrayList<>();
      for (LimitConfiguration limit : rule.limits()) {
        if (limit.minimum() == null && limit.maximum() == null) {
          throw new MojoExecutionException(where + ": a <limit> needs a <minimum> or a <maximum>");
        }
        limits.add(new Limit(word(CounterKind.class, limit.counter(), where, "counter"),
            word(Counter.Value.class, limit.value(), where, "value"), number(limit.minimum(), where),
            number(limit.maximum(), where)));
      }
      rules.add(new CoverageRule(word(ElementKind.class, rule.element(), where, "element"), rule.includes(), rule.excludes(),
          limits));
    }
    return rules;
  }

  private static <E extends Enum<E>> E word(Class<E> type, String text, String where, String name)
      throws MojoExecutionException {
    try {
      return RuleWords.parse(type, text, "<" + name + ">" + text + "</" + name + ">");
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(where + ": " + e.getMessage());
    }
  }

  private static Optional<BigDecimal> number(String text, String where) throws MojoExecutionException {
    try {
      return text == null ? Optional.empty() : Optional.of(Limit.parse(text));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(where + ": " + e.getMessage());
    }
  }
}
