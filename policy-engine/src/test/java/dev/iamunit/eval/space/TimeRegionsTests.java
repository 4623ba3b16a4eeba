package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.ConditionOperator.Type;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request's time as one dimension ({@link TimeRegions}): every point is a request someone can
 * make, and every request someone can make answers the policies as one of the points does.
 * "aws:CurrentTime ... the date and time of the request"; "aws:EpochTime ... the date and time of
 * the request in epoch or Unix time ... Works with date operators or numeric operators" (IAM User
 * Guide, AWS global condition context keys): one instant, its whole seconds. A session's token is
 * issued before the request, and its MFA sign-in is as old as the token ({@code Caller}).
 */
class TimeRegionsTests {

  private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/bob";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");
  private static final List<Type> NUMERIC = List.of(Type.NUMERIC_EQUALS, Type.NUMERIC_NOT_EQUALS, Type.NUMERIC_LESS_THAN,
      Type.NUMERIC_LESS_THAN_EQUALS, Type.NUMERIC_GREATER_THAN, Type.NUMERIC_GREATER_THAN_EQUALS);
  private static final List<Type> DATE = List.of(Type.DATE_EQUALS, Type.DATE_NOT_EQUALS, Type.DATE_LESS_THAN,
      Type.DATE_LESS_THAN_EQUALS, Type.DATE_GREATER_THAN, Type.DATE_GREATER_THAN_EQUALS);

  /** The context {@code Caller} gives a session signed in with MFA {@code age} seconds before {@code t}. */
  private static RequestContext session(Instant t, long age, boolean mfa) {
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:CurrentTime", t.toString())
        .put("aws:EpochTime", Long.toString(t.getEpochSecond()))
        .put("aws:TokenIssueTime", t.minusSeconds(age).toString());
    if (mfa) {
      context.put("aws:MultiFactorAuthAge", Long.toString(age));
    }
    return context.build();
  }

  /**
   * Random conditions on the four keys (a date operator on each, a numeric one on aws:EpochTime
   * and aws:MultiFactorAuthAge, where AWS documents them, and on aws:CurrentTime, where no value
   * is a number), constants within seconds or days of one instant: every combination of answers a
   * random session gives, with its instant's fraction of a second and its age, one point gives.
   */
  @ParameterizedTest(name = "MFA: {0}, the instant fixed: {1}")
  @CsvSource({"true, false", "false, false", "true, true", "false, true"})
  void everyCombinationOfAnswersARequestGivesHasAPoint(boolean mfa, boolean instantFixed) {
    Random random = new Random(2626 + (mfa ? 1 : 0) + (instantFixed ? 2 : 0));
    List<String> keys = new ArrayList<>(List.of("aws:CurrentTime", "aws:EpochTime", "aws:TokenIssueTime"));
    if (mfa) {
      keys.add("aws:MultiFactorAuthAge");
    }
    for (int round = 0; round < 60; round++) {
      List<PolicySet> sets = new ArrayList<>();
      Map<String, List<KeyRegions.Compared>> conditions = new java.util.TreeMap<>();
      List<String> described = new ArrayList<>();
      for (int i = random.nextInt(3) + 2; i > 0; i--) {
        String key = keys.get(random.nextInt(keys.size()));
        boolean numeric = !key.equals("aws:TokenIssueTime") && random.nextInt(3) == 0;
        Type type = (numeric ? NUMERIC : DATE).get(random.nextInt(6));
        String constant = key.equals("aws:MultiFactorAuthAge") ? Long.toString(random.nextInt(6) * 30L + random.nextInt(2))
            : numeric ? seconds(random) : date(random);
        Policy policy = policy(type, key, constant);
        sets.add(PolicySet.ofIdentity(policy));
        conditions.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(new KeyRegions.Compared(policy.statements().get(0).conditions().get(0), true));
        described.add(type.json() + " " + key + " " + constant);
      }
      // With the instant fixed (a test's own time), the caller's is BASE, near the constants.
      TimeRegions.Result regions = TimeRegions.of(conditions, session(instantFixed ? BASE : NOW, 300, mfa), instantFixed);
      assertThat(regions.gap()).isEmpty();
      Set<List<Boolean>> found = new HashSet<>();
      for (Map<String, KeyValue> point : regions.values()) {
        RequestContext context = context(point);
        assertRealRequest(context, mfa);
        if (instantFixed) {
          assertThat(context.get("aws:CurrentTime").orElseThrow().value()).isEqualTo(BASE.toString());
        }
        found.add(outcomes(sets, context));
      }
      for (int n = 0; n < 300; n++) {
        Instant t = instantFixed ? BASE : BASE.plusSeconds(random.nextInt(7) - 3).plusMillis(random.nextInt(2) == 0 ? random.nextInt(1000) : 0)
            .plusSeconds(random.nextInt(4) == 0 ? 86_400L * (random.nextInt(3) - 1) : 0);
        long age = random.nextInt(3) == 0 ? random.nextInt(200) : random.nextInt(4) * 30L + random.nextInt(3) - 1;
        RequestContext request = session(t, Math.max(0, age), mfa);
        assertThat(found).as("%s at %s", described, request).contains(outcomes(sets, request));
      }
    }
  }

  /**
   * The points are requests: aws:EpochTime is the whole seconds of aws:CurrentTime, no token is
   * issued after the request, and an MFA sign-in is as old as its token.
   */
  private static void assertRealRequest(RequestContext context, boolean mfa) {
    Instant t = Instant.parse(context.get("aws:CurrentTime").orElseThrow().value());
    assertThat(context.get("aws:EpochTime").orElseThrow().value()).isEqualTo(Long.toString(t.getEpochSecond()));
    assertThat(t).isAfterOrEqualTo(Instant.EPOCH);
    Instant issued = Instant.parse(context.get("aws:TokenIssueTime").orElseThrow().value());
    assertThat(issued).isBeforeOrEqualTo(t);
    if (mfa) {
      assertThat(Duration.between(issued, t).toSeconds()).hasToString(context.get("aws:MultiFactorAuthAge").orElseThrow().value());
      assertThat(Duration.between(issued, t).toNanosPart()).isZero();
    }
  }

  /** A window on aws:CurrentTime and aws:EpochTime alone leaves the session's age as the caller's: 300 s. */
  @Test
  void aWindowOnTheInstantKeepsTheCallersAge() {
    Policy from = policy(Type.DATE_GREATER_THAN, "aws:CurrentTime", "2026-02-01T00:00:00Z");
    Policy to = policy(Type.NUMERIC_LESS_THAN, "aws:EpochTime", "1772323200");
    TimeRegions.Result regions = TimeRegions.of(Map.of(
        "aws:currenttime", List.of(new KeyRegions.Compared(from.statements().get(0).conditions().get(0), true)),
        "aws:epochtime", List.of(new KeyRegions.Compared(to.statements().get(0).conditions().get(0), true))), session(NOW, 300, true), false);

    assertThat(regions.values()).allSatisfy(point -> assertThat(point.get("aws:MultiFactorAuthAge").label()).isEqualTo("300"));
    assertThat(regions.values()).extracting(point -> point.get("aws:CurrentTime").label())
        .contains("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z");
  }

  /** A string operator on aws:CurrentTime reads its text, which the dimension does not split: the space says so. */
  @Test
  void aStringOperatorOnTheTimeIsAStatedGap() {
    Policy like = policy(Type.STRING_LIKE, "aws:CurrentTime", "2026-*");
    TimeRegions.Result regions = TimeRegions.of(Map.of(
        "aws:currenttime", List.of(new KeyRegions.Compared(like.statements().get(0).conditions().get(0), true))), session(NOW, 300, false), false);

    assertThat(regions.values()).isEmpty();
    assertThat(regions.gap()).isEqualTo("aws:CurrentTime is compared as string, which the regions of the request's time do not read");
  }

  private static Policy policy(Type type, String key, String constant) {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
        + " \"Condition\": {\"" + type.json() + "\": {\"" + key + "\": \"" + constant + "\"}}}]}";
    return PolicyParser.parse(json, "t.json", PolicyKind.IDENTITY, "t");
  }

  private static RequestContext context(Map<String, KeyValue> point) {
    RequestContext.Builder context = RequestContext.builder();
    Map<String, List<String>> values = new LinkedHashMap<>(KeyValue.values(point));
    values.forEach((key, v) -> context.put(key, v.get(0)));
    return context.build();
  }

  private static List<Boolean> outcomes(List<PolicySet> sets, RequestContext context) {
    List<Boolean> out = new ArrayList<>();
    for (PolicySet set : sets) {
      out.add(Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "arn:aws:s3:::b/k", context), set).isAllowed());
    }
    return out;
  }

  /** Seconds since the epoch within a few seconds or a day of BASE, whole or with a fraction. */
  private static String seconds(Random random) {
    long s = BASE.getEpochSecond() + random.nextInt(5) - 2 + (random.nextInt(4) == 0 ? 86_400L * (random.nextInt(3) - 1) : 0);
    return random.nextInt(3) == 0 ? s + "." + (random.nextInt(9) + 1) : Long.toString(s);
  }

  /** An instant within a few seconds or a day of BASE, in ISO 8601 (with a fraction at times) or in epoch seconds. */
  private static String date(Random random) {
    Instant t = BASE.plusSeconds(random.nextInt(5) - 2).plusMillis(random.nextInt(3) == 0 ? random.nextInt(1000) : 0)
        .plusSeconds(random.nextInt(4) == 0 ? 86_400L * (random.nextInt(3) - 1) : 0);
    return random.nextInt(3) == 0 ? Long.toString(t.getEpochSecond()) : t.toString();
  }
}
