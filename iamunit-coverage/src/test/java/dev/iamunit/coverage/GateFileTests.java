package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI's rules file: jacoco-maven-plugin's {@code <rules>} as numbered properties. */
class GateFileTests {

  @TempDir
  Path dir;

  @Test
  void readsRulesInTheOrderOfTheirNumbersWithJacocosDefaults() throws Exception {
    GateFile gate = GateFile.read(Files.writeString(dir.resolve("gate.properties"), """
        # the gate
        rule.2.element = template
        rule.2.includes = terraform/*, cloudformation/*
        rule.2.excludes = terraform/legacy/*
        rule.2.limit.1.counter = CONDITION
        rule.2.limit.1.value = MISSEDCOUNT
        rule.2.limit.1.maximum = 3
        rule.1.limit.1.minimum = 80%
        requiredSids = A, B
        baseline = ../iamunit-baseline.txt
        """));

    assertThat(gate.rules()).containsExactly(
        new CoverageRule(ElementKind.BUNDLE, List.of(), List.of(),
            List.of(Limit.minimum(CounterKind.STATEMENT, Counter.Value.COVEREDRATIO, "0.80"))),
        new CoverageRule(ElementKind.TEMPLATE, List.of("terraform/*", "cloudformation/*"), List.of("terraform/legacy/*"),
            List.of(new Limit(CounterKind.CONDITION, Counter.Value.MISSEDCOUNT, Optional.empty(),
                Optional.of(new BigDecimal("3"))))));
    assertThat(gate.requiredSids()).containsExactly("A", "B");
    assertThat(gate.baseline()).contains(dir.toAbsolutePath().getParent().resolve("iamunit-baseline.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      rule.1.element = CLASS                | 2 | rule.1.element = CLASS is not one of [BUNDLE, TEMPLATE, POLICY, PRINCIPAL]
      rule.1.limit.1.counter = LINE         | 2 | rule.1.limit.1.counter = LINE is not one of [STATEMENT, ALLOW, DENY, CONDITION]
      rule.1.limit.1.value = PERCENT        | 2 | rule.1.limit.1.value = PERCENT is not one of [TOTALCOUNT, COVEREDCOUNT, MISSEDCOUNT, COVEREDRATIO, MISSEDRATIO]
      rule.1.limit.1.counter = ALLOW        | 2 | rule.1.limit.1 needs a minimum or a maximum
      rule.1.limit.1.minimum = lots         | 2 | rule.1.limit.1.minimum: 'lots' is not a limit: write a ratio (0.80), a percentage (80%) or a count
      rule.1.limt.1.minimum = 0.8           | 2 | unknown key rule.1.limt.1.minimum: the keys are rule.N.element, rule.N.includes, rule.N.excludes, rule.N.limit.M.counter, rule.N.limit.M.value, rule.N.limit.M.minimum, rule.N.limit.M.maximum, requiredSids, baseline
      rule.1.element                        | 2 | 'rule.1.element' is not key = value
      requiredSids = A                      | 3 | requiredSids is set twice (first on line 2)
      """)
  void aMistakeNamesFileLineAndWhatIsAllowed(String line, int at, String message) throws Exception {
    String text = "# gate\n" + line + "\n" + (line.startsWith("requiredSids") ? line + "\n" : "");
    Path file = Files.writeString(dir.resolve("gate.properties"), text);
    assertThatThrownBy(() -> GateFile.read(file)).isInstanceOf(GateConfigurationException.class)
        .hasMessage(file + ":" + at + ": " + message);
  }

  @Test
  void aMissingFileSaysSo() {
    assertThatThrownBy(() -> GateFile.read(dir.resolve("none.properties"))).isInstanceOf(GateConfigurationException.class)
        .hasMessage("rules file " + dir.resolve("none.properties") + " does not exist");
  }
}
