package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.iac.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML as CloudFormation reads it: short-form tags, scalars as written, and the pitfalls. */
class ReadingTests {

  static DocNode value(String yaml) {
    DocObject root = (DocObject) YamlTemplates.read("V: " + yaml + "\n", "t.yaml");
    return root.member("V").orElseThrow().value();
  }

  @ParameterizedTest(name = "!{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Ref x                | {Ref: x}
      Sub a-${B}           | {Fn::Sub: a-${B}}
      GetAtt Role.Arn      | {Fn::GetAtt: [Role, Arn]}
      GetAtt [Role, Arn]   | {Fn::GetAtt: [Role, Arn]}
      Join [':', [a, b]]   | {Fn::Join: [:, [a, b]]}
      Select [0, [a]]      | {Fn::Select: [0, [a]]}
      Split [',', 'a,b']   | {Fn::Split: [,, a,b]}
      If [C, a, b]         | {Fn::If: [C, a, b]}
      Equals [a, b]        | {Fn::Equals: [a, b]}
      And [!Condition C]   | {Fn::And: [{Condition: C}]}
      Or [!Condition C]    | {Fn::Or: [{Condition: C}]}
      Not [!Condition C]   | {Fn::Not: [{Condition: C}]}
      Condition C          | {Condition: C}
      FindInMap [M, a, b]  | {Fn::FindInMap: [M, a, b]}
      ImportValue Shared   | {Fn::ImportValue: Shared}
      Base64 text          | {Fn::Base64: text}
      Cidr [10.0.0.0/16, 2, 8] | {Fn::Cidr: [10.0.0.0/16, 2, 8]}
      GetAZs ''            | {Fn::GetAZs: }
      Transform {Name: X}  | {Fn::Transform: {Name: X}}
      """)
  void readsEveryShortFormTagAsItsLongForm(String tagged, String longForm) {
    assertThat(Render.compact(value("!" + tagged))).isEqualTo(longForm);
  }

  @Test
  void keepsVersionDateAsString() {
    DocScalar version = (DocScalar) value("2012-10-17");
    assertThat(version.kind()).isEqualTo(DocScalar.Kind.STRING);
    assertThat(version.text()).isEqualTo("2012-10-17");
  }

  @Test
  void keepsAccountIdDigitsAsWritten() {
    assertThat(((DocScalar) value("012345678901")).text()).isEqualTo("012345678901");
    assertThat(((DocScalar) value("0777")).text()).isEqualTo("0777");
  }

  @ParameterizedTest
  @CsvSource({"yes,true", "No,false", "on,true", "OFF,false", "true,true", "False,false"})
  void readsYaml11BooleansAsBooleans(String written, String value) {
    DocScalar scalar = (DocScalar) value(written);
    assertThat(scalar.kind()).isEqualTo(DocScalar.Kind.BOOLEAN);
    assertThat(scalar.text()).isEqualTo(value);
  }

  @Test
  void quotedBooleansStayStrings() {
    assertThat(((DocScalar) value("'yes'")).kind()).isEqualTo(DocScalar.Kind.STRING);
  }

  @Test
  void rejectsDuplicateKeysWithBothLines() {
    assertThatThrownBy(() -> YamlTemplates.read("A: 1\nB: 2\nA: 3\n", "t.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("t.yaml:3:1: duplicate key \"A\" (first at line 1); CloudFormation rejects templates with duplicate keys: keep one");
  }

  @Test
  void resolvesAnchorsAndAliases() {
    DocObject root = (DocObject) YamlTemplates.read("A: &x {k: v}\nB: *x\nC:\n  <<: *x\n  j: w\n", "t.yaml");
    assertThat(Render.compact(root)).isEqualTo("{A: {k: v}, B: {k: v}, C: {k: v, j: w}}");
  }

  @Test
  void rejectsBillionLaughs() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append("]\n");
    }
    assertThatThrownBy(() -> YamlTemplates.read(yaml.toString(), "laughs.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("laughs.yaml:");
  }

  @Test
  void rejectsDeepNesting() {
    String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> YamlTemplates.read(yaml, "deep.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("deep.yaml:");
  }

  @Test
  void unknownTagsBecomeUnresolved() {
    DocNode node = value("!Rain::Embed file.txt");
    assertThat(node).isInstanceOfSatisfying(DocUnresolved.class, u -> {
      assertThat(u.value().expression()).isEqualTo("!Rain::Embed file.txt");
      assertThat(u.location().line()).isEqualTo(1);
    });
  }

  @Test
  void malformedYamlIsATemplateExceptionWithLine() {
    assertThatThrownBy(() -> Template.read("Resources:\n  A: [\n", "bad.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("bad.yaml:3:");
  }
}
