package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.space.TextTest.Mode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The regions of text comparisons against exhaustive enumeration over tiny alphabets: every
 * combination of answers some short text gives, the search finds a representative of.
 */
class TextRegionsTests {

  private static final String PATTERN_CHARS = "ab:*?A";
  private static final String TEXT_CHARS = "abAB:x";

  @Test
  void everyCombinationOfAnswersThatShortTextsGiveHasARepresentative() {
    Random random = new Random(26);
    for (int round = 0; round < 300; round++) {
      List<TextTest> tests = new ArrayList<>();
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        tests.add(TextTest.glob(randomText(random, PATTERN_CHARS, 5), Mode.values()[random.nextInt(3)]));
      }
      TextRegions.Result result = TextRegions.of(tests, List.of(), a -> true, 100_000);
      Set<BitSet> represented = new HashSet<>();
      for (String representative : result.representatives()) {
        assertThat(represented.add(TextRegions.answers(tests, representative)))
            .as("one representative per region, %s", tests).isTrue();
      }
      for (String text : allTexts(TEXT_CHARS, 5)) {
        assertThat(represented).as("the region of \"%s\" under %s", text, tests).contains(TextRegions.answers(tests, text));
      }
      assertThat(result.complete()).isTrue();
    }
  }

  @Test
  void arnPatternsAreComparedPartByPartAndIgnoreTheCaseOfTheServiceOnly() {
    List<TextTest> tests = List.of(TextTest.glob("arn:aws:s3:::b/*", Mode.ARN));

    assertThat(TextRegions.answers(tests, "arn:aws:S3:::b/key").get(0)).isTrue();
    assertThat(TextRegions.answers(tests, "arn:aws:s3:::B/key").get(0)).isFalse();
    // "*" stays inside its part, except in the last: a region wildcard never reaches the account.
    assertThat(TextRegions.answers(List.of(TextTest.glob("arn:aws:s3:*::b", Mode.ARN)), "arn:aws:s3:x:y::b").get(0)).isFalse();
  }

  @Test
  void aQuestionMarkSplitsOneCharacterFromNoneAndFromSeveral() {
    List<TextTest> tests = List.of(TextTest.glob("day-?", Mode.TEXT), TextTest.glob("day-*", Mode.TEXT));

    List<String> representatives = TextRegions.of(tests, List.of("day-1"), a -> true, 10_000).representatives();

    assertThat(representatives).contains("day-1").hasSize(3);
    assertThat(representatives.stream().map(r -> TextRegions.answers(tests, r)).distinct()).hasSize(3);
  }

  @Test
  void ignoringCaseTheKelvinSignIsTheLetterK() {
    List<TextTest> tests = List.of(TextTest.exact("k", true), TextTest.exact("k", false));

    List<String> representatives = TextRegions.of(tests, List.of(), a -> true, 10_000).representatives();

    // Character.toLowerCase('\u212A') is 'k': the evaluator's ignore-case comparison treats it as k.
    assertThat(representatives.stream().map(r -> TextRegions.answers(tests, r)).distinct()).hasSize(3);
    assertThat(TextRegions.answers(tests, "\u212A").get(0)).isTrue();
  }

  private static String randomText(Random random, String chars, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max) + 1; i > 0; i--) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }

  private static List<String> allTexts(String chars, int max) {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int length = 1; length <= max; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : last) {
        for (char c : chars.toCharArray()) {
          next.add(prefix + c);
        }
      }
      all.addAll(next);
      last = next;
    }
    return all;
  }
}
