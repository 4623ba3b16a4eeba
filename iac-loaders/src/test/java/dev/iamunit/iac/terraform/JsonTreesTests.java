package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonTrees} reads and writes Jackson trees without an {@code ObjectMapper} (whose start-up
 * cost every cold test run paid); the loaders' behaviour rests on its trees being the ones {@code
 * ObjectMapper.readTree} builds, so it is held to the mapper's own results here.
 */
class JsonTreesTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":\"*\"}]}",
      "[1, -2147483648, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808, 123456789012345678901234567890]",
      "[1.0, 1.10, -0.5e3, 1E2, 0.1, 12345678901234567890.5, 1e308, 1e999, -1e999, 4.9e-324, 1e-400]",
      "{\"a\":1,\"b\":2,\"a\":3}",
      "{\"a\":{\"b\":[true,false,null,\"\",\"\\u00e9\\n\\t\\\"\\\\/\"]},\"c\":{}}",
      "\"just a string\"",
      "42",
      "null",
      "{} trailing",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      "{\"unicode\":\"\\ud83d\\ude00 ü <>&'\"}",
  })
  void readsTheTreesAndWritesTheTextsOfAnObjectMapper(String text) throws IOException {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode read = JsonTrees.read(text);

    assertThat(read).isEqualTo(expected);
    assertThat(classes(read)).isEqualTo(classes(expected));
    assertThat(JsonTrees.compact(read)).isEqualTo(MAPPER.writeValueAsString(expected));
    assertThat(JsonTrees.pretty(read)).isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
    try (JsonParser parser = JsonTrees.FACTORY.createParser(text)) {
      assertThat(JsonTrees.read(parser)).isEqualTo(MAPPER.readTree(MAPPER.createParser(text)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void textWithoutAValueIsAMissingNodeAndAParserWithoutOneGivesNull(String text) throws IOException {
    JsonNode read = JsonTrees.read(text);
    assertThat(read).isEqualTo(MAPPER.readTree(text));
    assertThat(read.isMissingNode()).isTrue();
    try (JsonParser parser = JsonTrees.FACTORY.createParser(text)) {
      assertThat(JsonTrees.read(parser)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":", "[1,]", "{a:1}", "[1 2]", "tru"})
  void malformedJsonFailsWithTheParserMessageTheMapperGives(String text) {
    String expected = messageOf(() -> MAPPER.readTree(text));

    assertThatThrownBy(() -> JsonTrees.read(text)).isInstanceOf(JsonProcessingException.class).hasMessage(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {JsonTrees.MAX_NESTING, JsonTrees.MAX_NESTING + 1})
  void nestingIsLimited(int depth) throws IOException {
    String text = "[".repeat(depth) + "]".repeat(depth);
    if (depth <= JsonTrees.MAX_NESTING) {
      assertThat(JsonTrees.read(text).isArray()).isTrue();
    } else {
      assertThatThrownBy(() -> JsonTrees.read(text)).isInstanceOf(StreamConstraintsException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 40, 200, 10_000})
  void theStartOfALargeTreeIsThePrefixOfItsWholeText(int limit) throws IOException {
    JsonNode tree = JsonTrees.read("{\"items\":[" + "{\"k\":\"v\",\"n\":[1,2,3]},".repeat(500) + "{}],\"last\":true}");
    String whole = JsonTrees.compact(tree);

    assertThat(JsonTrees.compactStart(tree, limit)).isEqualTo(whole.substring(0, Math.min(whole.length(), limit + 1)));
  }

  private static List<Class<?>> classes(JsonNode node) {
    List<Class<?>> classes = new ArrayList<>();
    classes.add(node.getClass());
    node.forEach(child -> classes.addAll(classes(child)));
    return classes;
  }

  private interface Failing {
    void run() throws Exception;
  }

  private static String messageOf(Failing failing) {
    try {
      failing.run();
    } catch (Exception e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a failure");
  }
}
