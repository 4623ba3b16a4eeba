package dev.iamunit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iamunit.fuzzing.Mutations;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainJsonTokenizer} against Jackson, the parser {@link JsonDocuments} reads with: on text
 * it accepts, the same tokens with the same texts at the same places; on anything else, valid JSON
 * or not, {@link PlainJsonTokenizer.NotPlain}, and never a document Jackson rejects.
 */
class PlainJsonTokenizerTests {

  private static final JsonFactory JACKSON = new JsonFactory();
  private static final SourceLocation ORIGIN = SourceLocation.of("case.jsonl:3", 1, 1);

  /** A token as both name it: kind, text, and the column where it starts (names: their quote). */
  private record Token(JsonToken kind, String text, int line, int column) {}

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "\"\"", "0", "-0", "true", "null",
      "{\"a\":1}",
      "{ \"a\" : [ 1 , -0 , 0.5 , 10e5 , -1.5E-3 , 2e+7 , true , false , null , \"\" , \"x y\" ] }",
      "\t{\"nested\":[[[],{}],{\"k\":{\"l\":[\"m\"]}}]}\t",
      "{\"unicode\":\"é € 😀 \u007f / ${aws:username}\",\"Action\":[\"iam:*MFA*\",\"s3:Get?bject\"]}",
      "{\"a\":\"b\",\"a\":\"c\"}"})
  void readsPlainJsonAsJacksonDoes(String text) throws IOException {
    assertThat(plainTokens(text)).isNotNull().isEqualTo(jacksonTokens(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":\"say \\\"hi\\\"\"}", "{\"a\":\"\\u0041\"}", "{\n\"a\":1}", "{\"a\":1}\r\n"})
  void leavesValidJsonThatIsNotPlainToJackson(String text) throws IOException {
    assertThat(plainTokens(text)).isNull();
    assertThat(jacksonTokens(text)).isNotEmpty();
  }

  @Test
  void leavesNestingDeeperThanAnyCaseToJackson() throws IOException {
    String deep = "[".repeat(17) + "]".repeat(17);
    assertThat(plainTokens(deep)).isNull();
    assertThat(jacksonTokens(deep)).hasSize(34);
    String deepest = "[".repeat(16) + "]".repeat(16);
    assertThat(plainTokens(deepest)).isEqualTo(jacksonTokens(deepest));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "{\"a\":1,}", "[1,]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "[1 2]", "{\"a\":1 \"b\":2}",
      "01", "1.", ".5", "+1", "-", "1e", "1.5.2", "1-2", "truex", "nul", "True", "{\"a\":1}}", "{} {}", "{}x", "\"abc",
      "{'a':1}", "{a:1}", "/*c*/{}", "[NaN]", "{\"a\":\"\u0001\"}", "{\"a\":\"tab\tinside\"}", "[\"a\"]]"})
  void refusesWhatIsNotJson(String text) {
    assertThat(plainTokens(text)).isNull();
    assertThatThrownBy(() -> jacksonTokens(text)).isInstanceOf(IOException.class);
  }

  @Test
  void readsDamagedCasesOnlyWhereJacksonReadsThemTheSame() throws IOException {
    Path cases = Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance", "iam-simulate", "contract-cases.jsonl");
    List<String> lines = Files.readAllLines(cases);
    int accepted = 0;
    int mutants = 0;
    for (int i = 0; i < lines.size(); i += 4) {
      for (byte[] mutant : Mutations.of(lines.get(i).getBytes(StandardCharsets.UTF_8), 60)) {
        String text = new String(mutant, StandardCharsets.UTF_8);
        mutants++;
        List<Token> plain = plainTokens(text);
        if (plain != null) {
          accepted++;
          try {
            assertThat(plain).as(text).isEqualTo(jacksonTokens(text));
          } catch (IOException e) {
            fail("accepted what Jackson rejects (%s): %s", e.getMessage(), text);
          }
        }
      }
    }
    // Some damage leaves plain JSON (a letter of a string replaced, a slice of one repeated).
    assertThat(accepted).isPositive().isLessThan(mutants);
  }

  @Test
  void givesTheCurrentStringWithoutMakingOne() {
    PlainJsonTokenizer tokens = new PlainJsonTokenizer("{\"Effect\":\"Allow\"}");
    assertThat(tokens.next()).isEqualTo(JsonToken.START_OBJECT);
    assertThat(tokens.nextName()).isEqualTo("Effect");
    assertThat(tokens.next()).isEqualTo(JsonToken.VALUE_STRING);
    assertThat(tokens.textIs("Allow")).isTrue();
    assertThat(tokens.textIs("Allowed")).isFalse();
    assertThat(tokens.textIs("allow")).isFalse();
    assertThat(tokens.nextName()).isNull();
    assertThat(tokens.next()).isNull();
  }

  /** Our tokens, or null when the text is not plain. */
  private static List<Token> plainTokens(String text) {
    try {
      PlainJsonTokenizer tokens = new PlainJsonTokenizer(text);
      List<Token> read = new ArrayList<>();
      for (JsonToken kind = tokens.next(); kind != null; kind = tokens.next()) {
        SourceLocation at = tokens.location(ORIGIN);
        read.add(new Token(kind, kind.isStructStart() || kind.isStructEnd() ? null : tokens.text(), at.line(), at.column()));
      }
      return read;
    } catch (PlainJsonTokenizer.NotPlain e) {
      return null;
    }
  }

  /**
   * Jackson's tokens, located as JsonDocuments locates them; its exception for text that is not
   * JSON, and one for a second value after the first, which JsonDocuments rejects.
   */
  private static List<Token> jacksonTokens(String text) throws IOException {
    try (JsonParser parser = JACKSON.createParser(text)) {
      List<Token> read = new ArrayList<>();
      int depth = 0;
      for (JsonToken kind = parser.nextToken(); kind != null; kind = parser.nextToken()) {
        if (depth == 0 && !read.isEmpty()) {
          throw new IOException("content after the document");
        }
        depth += kind.isStructStart() ? 1 : kind.isStructEnd() ? -1 : 0;
        String value = kind == JsonToken.FIELD_NAME ? parser.currentName()
            : kind.isStructStart() || kind.isStructEnd() ? null : parser.getText();
        JsonLocation at = parser.currentTokenLocation();
        SourceLocation where = JsonDocuments.position(ORIGIN, at);
        read.add(new Token(kind, value, where.line(), where.column()));
      }
      if (read.isEmpty()) {
        throw new IOException("empty document");
      }
      return read;
    }
  }
}
