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
  /** The modes of policy values: the other ({@link Mode#ARN_PARTS}) is the evaluator's own. */
  private static final List<Mode> PATTERN_MODES = List.of(Mode.TEXT, Mode.TEXT_IGNORE_CASE, Mode.ARN, Mode.ARN_CONDITION);

  @Test
  void everyCombinationOfAnswersThatShortTextsGiveHasARepresentative() {
    Random random = new Random(26);
    for (int round = 0; round < 300; round++) {
      List<TextTest> tests = new ArrayList<>();
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        tests.add(TextTest.glob(randomText(random, PATTERN_CHARS, 5), PATTERN_MODES.get(random.nextInt(PATTERN_MODES.size()))));
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
  }

  /**
   * In a Resource value a * that ends a part may take colons ("If the * wildcard is the last
   * character of a resource ARN segment, it can expand to match beyond the colon boundaries",
   * IAM User Guide, "IAM JSON policy elements: Resource"); in an Arn operator's value each part is
   * checked separately ("Condition operators", "Amazon Resource Name (ARN) condition operators").
   */
  @Test
  void aStarEndingAPartReachesPastTheColonInAResourceOnly() {
    TextTest resource = TextTest.glob("arn:aws:s3:*::b", Mode.ARN);
    TextTest condition = TextTest.glob("arn:aws:s3:*::b", Mode.ARN_CONDITION);

    assertThat(TextRegions.answers(List.of(resource), "arn:aws:s3:x:y::b").get(0)).isTrue();
    assertThat(TextRegions.answers(List.of(condition), "arn:aws:s3:x:y::b").get(0)).isFalse();
    // A * inside a part, and a ?, stay inside it in both.
    assertThat(TextRegions.answers(List.of(TextTest.glob("arn:aws:s3:x*y::b", Mode.ARN)), "arn:aws:s3:x:y::b").get(0)).isFalse();
    assertThat(TextRegions.answers(List.of(TextTest.glob("arn:aws:s3:x?y::b", Mode.ARN)), "arn:aws:s3:x:y::b").get(0)).isFalse();
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
