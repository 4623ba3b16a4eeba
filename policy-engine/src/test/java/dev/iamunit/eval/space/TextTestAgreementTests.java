package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.ConditionOperator.Type;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.InvalidPolicyException;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The regions are only as right as their automata: what the space reads of a text must answer it
 * as the evaluator's own matching does, decided on a request. Random patterns and texts over a
 * tiny alphabet that holds what the rules turn on: both cases of a letter, colons (ARN parts),
 * {@code *} and {@code ?} (wildcards in a pattern, plain characters in a text), ARNs with colons
 * in their resource part, and texts that are not ARNs.
 */
class TextTestAgreementTests {

  private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/bob";
  private static final RequestContext EMPTY = RequestContext.builder().build();
  private static final List<Type> TEXT_OPERATORS = List.of(Type.STRING_EQUALS, Type.STRING_NOT_EQUALS, Type.STRING_EQUALS_IGNORE_CASE,
      Type.STRING_LIKE, Type.STRING_NOT_LIKE, Type.ARN_EQUALS, Type.ARN_LIKE, Type.ARN_NOT_LIKE);

  /** A Resource pattern, as {@code RequestRegions} reads it (an ARN-mode test), answers as the evaluator decides. */
  @Test
  void aResourcePatternsTestAnswersAsTheEvaluatorDecides() {
    Random random = new Random(2601);
    for (int round = 0; round < 300; round++) {
      String pattern = random.nextInt(4) == 0 ? flat(random, "aA:*?b/", 6) : arn(random, "aA*?", true);
      PolicySet policies = policies("\"Resource\": \"" + pattern + "\"");
      if (policies == null) {
        continue;
      }
      PolicyValues.Glob glob = PolicyValues.resolve(pattern, true, EMPTY);
      TextTest test = new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN);
      for (int n = 0; n < 200; n++) {
        String text = random.nextInt(4) == 0 ? flat(random, "aA:*?b", 6) : arn(random, "aAb*?", false);
        boolean decided = Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", text, EMPTY), policies).isAllowed();
        assertThat(TextRegions.answers(List.of(test), text).get(0)).as("Resource %s on \"%s\"", pattern, text).isEqualTo(decided);
      }
    }
  }

  /**
   * Patterns whose parts end in {@code *} (which a Resource value lets take colons, an Arn
   * operator's not) against ARNs with more colons than the pattern: the space's reading of a
   * Resource value ({@code ARN}) and of an ArnLike value ({@code ARN_CONDITION}) answers as the
   * evaluator decides each.
   */
  @Test
  void aStarEndingAPartAnswersAsTheEvaluatorDecidesInResourceAndInArnLike() {
    Random random = new Random(2603);
    for (int round = 0; round < 300; round++) {
      String pattern = partEndingStars(random);
      PolicySet resource = policies("\"Resource\": \"" + pattern + "\"");
      PolicySet arnLike = policies("\"Resource\": \"*\", \"Condition\": {\"ArnLike\": {\"s:k\": \"" + pattern + "\"}}");
      PolicyValues.Glob glob = PolicyValues.resolve(pattern, true, EMPTY);
      TextTest asResource = new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN);
      TextTest asCondition = new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN_CONDITION);
      for (int n = 0; n < 100; n++) {
        String text = manyColons(random);
        if (resource != null) {
          boolean decided = Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", text, EMPTY), resource).isAllowed();
          assertThat(TextRegions.answers(List.of(asResource), text).get(0)).as("Resource %s on \"%s\"", pattern, text).isEqualTo(decided);
        }
        RequestContext context = RequestContext.builder().put("s:k", text).build();
        boolean holds = Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "arn:aws:s3:::b/k", context), arnLike).isAllowed();
        assertThat(TextRegions.answers(List.of(asCondition), text).get(0)).as("ArnLike %s on \"%s\"", pattern, text).isEqualTo(holds);
      }
    }
  }

  /** {@code arn:} and two to five more parts, most ending in {@code *}, the last now and then with a colon. */
  private static String partEndingStars(Random random) {
    StringBuilder text = new StringBuilder("arn");
    int parts = random.nextInt(4) + 2;
    for (int i = 0; i < parts; i++) {
      text.append(':').append(flat(random, "aA?", 2).substring(random.nextInt(2)));
      if (random.nextInt(3) > 0) {
        text.append('*');
      }
    }
    if (parts == 5 && random.nextBoolean()) {
      text.append(':').append(flat(random, "a*", 2));
    }
    return text.toString();
  }

  /** {@code arn:} and five to eight more parts of one or two characters, some empty. */
  private static String manyColons(Random random) {
    StringBuilder text = new StringBuilder("arn");
    for (int i = random.nextInt(4) + 5; i > 0; i--) {
      text.append(':').append(flat(random, "aAb", 2).substring(random.nextInt(2)));
    }
    return text.toString();
  }

  /**
   * Two conditions of text operators on one key: every pair of answers a value can give them, the
   * regions of {@link KeyRegions} give too. An ARN operator finds no match in a value that is not
   * an ARN, which its pattern alone does not say.
   */
  @Test
  void everyPairOfConditionAnswersAValueGivesHasARegion() {
    Random random = new Random(2602);
    for (int round = 0; round < 300; round++) {
      List<PolicySet> sets = new ArrayList<>();
      List<KeyRegions.Compared> conditions = new ArrayList<>();
      List<String> described = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Type type = TEXT_OPERATORS.get(random.nextInt(TEXT_OPERATORS.size()));
        String pattern = random.nextInt(3) == 0 ? flat(random, "aA:*?b", 5) : arn(random, "aA*?", true);
        String json = "\"Resource\": \"*\", \"Condition\": {\"" + type.json() + "\": {\"s:k\": \"" + pattern + "\"}}";
        Policy policy = PolicyParser.parse(document(json), "t.json", PolicyKind.IDENTITY, "t");
        sets.add(PolicySet.ofIdentity(policy));
        conditions.add(new KeyRegions.Compared(policy.statements().get(0).conditions().get(0), true));
        described.add(type.json() + " " + pattern);
      }
      KeyRegions.Result regions = KeyRegions.of("s:k", conditions, List.of(EMPTY), false, false, k -> false, 50_000, 6);
      assertThat(regions.gap()).isEmpty();
      Set<List<Boolean>> found = new HashSet<>();
      for (KeyValue value : regions.values()) {
        found.add(outcomes(sets, value.present() ? value.values().get(0) : null));
      }
      for (int n = 0; n < 300; n++) {
        String text = random.nextInt(3) == 0 ? flat(random, "aA:*?b", 6) : arn(random, "aAb*?", false);
        assertThat(found).as("%s on \"%s\"", described, text).contains(outcomes(sets, text));
      }
    }
  }

  /** Each condition's answer for the request whose key has {@code value} (null: absent). */
  private static List<Boolean> outcomes(List<PolicySet> sets, String value) {
    RequestContext context = value == null ? EMPTY : RequestContext.builder().put("s:k", value).build();
    List<Boolean> out = new ArrayList<>();
    for (PolicySet set : sets) {
      out.add(Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "arn:aws:s3:::b/k", context), set).isAllowed());
    }
    return out;
  }

  /** The policy of one Allow statement, or null where AWS would reject it (a Resource that is not an ARN). */
  private static PolicySet policies(String rest) {
    try {
      return PolicySet.ofIdentity(PolicyParser.parse(document(rest), "t.json", PolicyKind.IDENTITY, "t"));
    } catch (InvalidPolicyException e) {
      return null;
    }
  }

  private static String document(String rest) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", " + rest + "}]}";
  }

  /** {@code arn:} and five parts of {@code chars}, the last with colons; now and then a part missing or in upper case. */
  private static String arn(Random random, String chars, boolean pattern) {
    StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "ARN:" : "arn:");
    int parts = random.nextInt(6) == 0 ? 4 : 5;
    for (int i = 0; i < parts; i++) {
      text.append(flat(random, chars, 2).substring(random.nextInt(2))).append(':');
    }
    text.append(flat(random, chars + ":/", pattern ? 4 : 5));
    return text.toString();
  }

  private static String flat(Random random, String chars, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max) + 1; i > 0; i--) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }
}
