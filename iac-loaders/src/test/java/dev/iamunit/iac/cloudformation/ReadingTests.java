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
        .hasMessageStartingWith("deep.yaml:1:1129: the template nests deeper than 100 levels");
  }

  @Test
  void rejectsTooManyAliasesToCollections() {
    String yaml = "a: &a [x]\nb: [" + "*a, ".repeat(150) + "*a]\n";
    assertThatThrownBy(() -> YamlTemplates.read(yaml, "aliases.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("aliases.yaml:2:408: the template uses aliases (*name) to collections more than 100 times");
  }

  @Test
  void rejectsTemplatesOverTheCodePointLimit() {
    String yaml = "a: " + "x ".repeat(YamlTemplates.MAX_CODE_POINTS / 2 + 1) + "\n";
    assertThatThrownBy(() -> YamlTemplates.read(yaml, "big.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("the template is longer than " + YamlTemplates.MAX_CODE_POINTS + " characters");
  }

  @Test
  void tabIndentationIsMalformedYamlWithLine() {
    assertThatThrownBy(() -> YamlTemplates.read("a:\n\tb: 1\n", "tab.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("tab.yaml:2:1: malformed YAML")
        .hasMessageContaining("TAB");
  }

  @Test
  void keepsNumbersAndNullsAsWritten() {
    assertThat(((DocScalar) value("1.50")).text()).isEqualTo("1.50");
    assertThat(((DocScalar) value("0x1F")).text()).isEqualTo("0x1F");
    assertThat(((DocScalar) value("1e3")).text()).isEqualTo("1e3");
    assertThat(((DocScalar) value("'2012-10-17'")).text()).isEqualTo("2012-10-17");
    assertThat(((DocScalar) value("~")).kind()).isEqualTo(DocScalar.Kind.NULL);
  }

  @Test
  void shortFormTagsInsideFlowAndBlockCollections() {
    assertThat(Render.compact(value("[!Ref A, !GetAtt B.Arn]"))).isEqualTo("[{Ref: A}, {Fn::GetAtt: [B, Arn]}]");
    assertThat(Render.compact(value("!Join\n  - ''\n  - - !Ref A\n    - x"))).isEqualTo("{Fn::Join: [, [{Ref: A}, x]]}");
    assertThat(Render.compact(value("!If\n  - C\n  - !Sub a${B}\n  - !Ref AWS::NoValue")))
        .isEqualTo("{Fn::If: [C, {Fn::Sub: a${B}}, {Ref: AWS::NoValue}]}");
  }

  @Test
  void locatesEveryNodeAtItsLineAndColumn() {
    DocObject root = (DocObject) YamlTemplates.read("A:\n  - x\n  - !Ref B\n", "t.yaml");
    dev.iamunit.document.DocArray items = (dev.iamunit.document.DocArray) root.member("A").orElseThrow().value();
    assertThat(root.member("A").orElseThrow().keyLocation().toString()).isEqualTo("t.yaml:1:1");
    assertThat(items.items().get(0).location().toString()).isEqualTo("t.yaml:2:5");
    assertThat(items.items().get(1).location().toString()).isEqualTo("t.yaml:3:5");
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
