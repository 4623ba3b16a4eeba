package dev.iamunit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.TokenReader.Token;
import dev.iamunit.fuzzing.Mutations;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
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
 * The two sources of {@link TokenReader}: the scan of plain text ({@link JsonTextTokens}) against
 * Jackson, the parser {@link JsonDocuments} reads with, and against the replay of
 * {@link JsonDocuments}' tree ({@link DocTreeTokens}): on text it accepts, the same tokens with the
 * same texts at the same places; on anything else, valid JSON or not, no tokens (the text is then
 * read through the tree), and never a document Jackson rejects.
 */
class TokenReaderTests {

  private static final JsonFactory JACKSON = new JsonFactory();
  private static final SourceLocation ORIGIN = SourceLocation.of("case.jsonl:3", 1, 1);
  /** A document that starts mid-line in a template, as a heredoc does. */
  private static final SourceLocation INSIDE = SourceLocation.of("main.tf", 7, 20);

  /** A token as every source names it: kind, text, and where it starts (names: their quote). */
  private record Read(String kind, String text, int line, int column) {}

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "\"\"", "0", "-0", "true", "null",
      "{\"a\":1}",
      "{ \"a\" : [ 1 , -0 , 0.5 , 10e5 , -1.5E-3 , 2e+7 , true , false , null , \"\" , \"x y\" ] }",
      "\t{\"nested\":[[[],{}],{\"k\":{\"l\":[\"m\"]}}]}\t",
      "{\"unicode\":\"é € 😀 \u007f / ${aws:username}\",\"Action\":[\"iam:*MFA*\",\"s3:Get?bject\"]}",
      "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",\n\t\"Action\": \"s3:*\"}\n  ]\n}\n",
      "\n\n[1,\n2]"})
  void readsPlainJsonAsJacksonAndTheTreeDo(String text) throws IOException {
    for (SourceLocation origin : List.of(ORIGIN, INSIDE)) {
      List<Read> scanned = scanned(text, origin);
      assertThat(scanned).isNotNull().isEqualTo(jackson(text, origin));
      assertThat(scanned).isEqualTo(read(TokenSources.tree(text, origin)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":\"say \\\"hi\\\"\"}", "{\"a\":\"\\u0041\"}", "{\r\n\"a\":1}", "{\"a\":1}\r\n",
      "{\"a\":\"b\",\"a\":\"c\"}", "[{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k1\":0}]"})
  void leavesValidJsonThatIsNotPlainToJackson(String text) throws IOException {
    assertThat(scanned(text, ORIGIN)).isNull();
    assertThat(jackson(text, ORIGIN)).isNotEmpty();
  }

  /** Jackson does not read a byte order mark in a string; JsonDocuments drops it first. */
  @Test
  void leavesAByteOrderMarkToTheTree() {
    assertThat(scanned("\uFEFF{\"a\":1}", ORIGIN)).isNull();
    TokenReader tokens = TokenReader.of("\uFEFF{\"a\":1}", ORIGIN);
    assertThat(tokens.next()).isEqualTo(Token.BEGIN_OBJECT);
    assertThat(tokens.next()).isEqualTo(Token.NAME);
  }

  @Test
  void leavesTextWithAKeyTwiceToTheTreeWhichReportsIt() {
    assertThatThrownBy(() -> TokenReader.of("{\"a\":[{\"b\":1,\"b\":2}]}", "f.json"))
        .isInstanceOf(IamUnitException.class)
        .hasMessage("f.json:1:14: duplicate key \"b\" (first at line 1); AWS rejects documents with duplicate keys: keep one");
  }

  @Test
  void leavesNestingDeeperThanAnyCaseToJackson() throws IOException {
    String deep = "[".repeat(33) + "]".repeat(33);
    assertThat(scanned(deep, ORIGIN)).isNull();
    assertThat(jackson(deep, ORIGIN)).hasSize(66);
    String deepest = "[".repeat(32) + "]".repeat(32);
    assertThat(scanned(deepest, ORIGIN)).isEqualTo(jackson(deepest, ORIGIN));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "{\"a\":1,}", "[1,]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "[1 2]", "{\"a\":1 \"b\":2}",
      "01", "1.", ".5", "+1", "-", "1e", "1.5.2", "1-2", "truex", "nul", "True", "{\"a\":1}}", "{} {}", "{}x", "\"abc",
      "{'a':1}", "{a:1}", "/*c*/{}", "[NaN]", "{\"a\":\"\u0001\"}", "{\"a\":\"tab\tinside\"}", "[\"a\"]]"})
  void refusesWhatIsNotJson(String text) {
    assertThat(scanned(text, ORIGIN)).isNull();
    assertThatThrownBy(() -> jackson(text, ORIGIN)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TokenReader.of(text, ORIGIN)).isInstanceOf(IamUnitException.class);
  }

  @Test
  void scansDamagedCasesOnlyWhereJacksonReadsThemTheSame() throws IOException {
    Path cases = Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance", "iam-simulate", "contract-cases.jsonl");
    List<String> lines = Files.readAllLines(cases);
    int accepted = 0;
    int mutants = 0;
    for (int i = 0; i < lines.size(); i += 4) {
      for (byte[] mutant : Mutations.of(lines.get(i).getBytes(StandardCharsets.UTF_8), 60)) {
        String text = new String(mutant, StandardCharsets.UTF_8);
        mutants++;
        List<Read> scanned = scanned(text, ORIGIN);
        if (scanned != null) {
          accepted++;
          try {
            assertThat(scanned).as(text).isEqualTo(jackson(text, ORIGIN));
          } catch (IOException e) {
            fail("accepted what Jackson rejects (%s): %s", e.getMessage(), text);
          }
          assertThat(scanned).as(text).isEqualTo(read(TokenSources.tree(text, ORIGIN)));
        }
      }
    }
    // Some damage leaves plain JSON (a letter of a string replaced, a slice of one repeated).
    assertThat(accepted).isPositive().isLessThan(mutants);
  }

  @Test
  void skipsReturnsToAndSizesValues() {
    TokenReader tokens = TokenReader.of("{\"a\":[1,{\"b\":[]},\"c\"],\"d\":{}}", ORIGIN);
    assertThat(tokens.next()).isEqualTo(Token.BEGIN_OBJECT);
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.next()).isEqualTo(Token.NAME);
    assertThat(tokens.text()).isEqualTo("a");
    assertThat(tokens.next()).isEqualTo(Token.BEGIN_ARRAY);
    int array = tokens.position();
    assertThat(tokens.size()).isEqualTo(3);
    tokens.skipValue();
    assertThat(tokens.token()).isEqualTo(Token.END_ARRAY);
    assertThat(tokens.next()).isEqualTo(Token.NAME);
    assertThat(tokens.text()).isEqualTo("d");
    tokens.seek(array);
    assertThat(tokens.next()).isEqualTo(Token.NUMBER);
    assertThat(tokens.text()).isEqualTo("1");
    assertThat(tokens.describe()).isEqualTo("the number 1");
    assertThat(tokens.next()).isEqualTo(Token.BEGIN_OBJECT);
    assertThat(tokens.describe()).isEqualTo("an object");
    assertThat(tokens.location()).isEqualTo(ORIGIN.at(1, 9));
  }

  /** Asking a token for what it does not have is a bug of the grammar that asks, not a user's mistake. */
  @Test
  void refusesQuestionsATokenCannotAnswer() {
    TokenReader tokens = TokenReader.of("{\"a\":[]}", ORIGIN);
    assertThatThrownBy(tokens::token).isInstanceOf(IllegalStateException.class);
    tokens.next();
    assertThatThrownBy(tokens::text).isInstanceOf(IllegalStateException.class);
    tokens.next();
    assertThatThrownBy(tokens::skipValue).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(tokens::size).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tokens.seek(5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void replaysWhatALoaderCouldNotComputeWithItsLocation() {
    SourceLocation at = SourceLocation.of("main.tf", 4, 12);
    Unresolved bucket = Unresolved.of("var.bucket", at, "the variable has no default");
    DocNode document = new DocObject(List.of(
        new DocObject.Member("Resource", at, new DocUnresolved(bucket)),
        new DocObject.Member("Action", at, new DocScalar("s3:" + bucket.placeholder(), DocScalar.Kind.STRING, at, List.of(bucket)))),
        at);
    TokenReader tokens = TokenReader.of(document);
    tokens.next();
    tokens.next();
    assertThat(tokens.next()).isEqualTo(Token.UNRESOLVED);
    assertThat(tokens.text()).isEqualTo(bucket.placeholder());
    assertThat(tokens.unresolved()).containsExactly(bucket);
    assertThat(tokens.describe()).isEqualTo(bucket.display());
    assertThat(tokens.location()).isEqualTo(at);
    tokens.next();
    assertThat(tokens.next()).isEqualTo(Token.STRING);
    assertThat(tokens.unresolved()).containsExactly(bucket);
  }

  /** The scanned tokens, or null when the text is not plain. */
  private static List<Read> scanned(String text, SourceLocation origin) {
    TokenReader tokens = TokenSources.text(text, origin);
    return tokens == null ? null : read(tokens);
  }

  private static List<Read> read(TokenReader tokens) {
    List<Read> read = new ArrayList<>();
    for (Token kind = tokens.next(); kind != null; kind = tokens.next()) {
      boolean structural = kind == Token.BEGIN_OBJECT || kind == Token.END_OBJECT || kind == Token.BEGIN_ARRAY || kind == Token.END_ARRAY;
      read.add(located(name(kind), structural ? null : tokens.text(), tokens.location()));
    }
    return read;
  }

  /** A token read; where a container ends is no token's location (a tree keeps only where it starts). */
  private static Read located(String kind, String text, SourceLocation at) {
    return kind.startsWith("END") ? new Read(kind, null, 0, 0) : new Read(kind, text, at.line(), at.column());
  }

  private static String name(Token kind) {
    return kind.name();
  }

  /**
   * Jackson's tokens, located as JsonDocuments locates them; its exception for text that is not
   * JSON, and one for a second value after the first, which JsonDocuments rejects.
   */
  private static List<Read> jackson(String text, SourceLocation origin) throws IOException {
    try (JsonParser parser = JACKSON.createParser(text)) {
      List<Read> read = new ArrayList<>();
      int depth = 0;
      for (JsonToken kind = parser.nextToken(); kind != null; kind = parser.nextToken()) {
        if (depth == 0 && !read.isEmpty()) {
          throw new IOException("content after the document");
        }
        depth += kind.isStructStart() ? 1 : kind.isStructEnd() ? -1 : 0;
        String value = kind == JsonToken.FIELD_NAME ? parser.currentName()
            : kind.isStructStart() || kind.isStructEnd() ? null : parser.getText();
        JsonLocation at = parser.currentTokenLocation();
        SourceLocation where = JsonDocuments.position(origin, at);
        read.add(located(name(kind), value, where));
      }
      if (read.isEmpty()) {
        throw new IOException("empty document");
      }
      return read;
    }
  }

  private static String name(JsonToken kind) {
    return switch (kind) {
      case START_OBJECT -> "BEGIN_OBJECT";
      case START_ARRAY -> "BEGIN_ARRAY";
      case END_OBJECT -> "END_OBJECT";
      case END_ARRAY -> "END_ARRAY";
      case FIELD_NAME -> "NAME";
      case VALUE_STRING -> "STRING";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
      case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
      case VALUE_NULL -> "NULL";
      default -> kind.name();
    };
  }
}
