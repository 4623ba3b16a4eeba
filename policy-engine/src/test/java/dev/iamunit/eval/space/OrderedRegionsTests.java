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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Numbers, dates and addresses split at the policies' constants: for random conditions of one
 * family on one key, every combination of answers a random request value gives, one of the
 * regions gives too, decided by the evaluator. The constants and values are where mistakes hide:
 * negatives and decimals written with different scales; dates in ISO 8601 with offsets and
 * fractions, as dates alone and in epoch seconds, at and next to each other; IPv4 and IPv6 blocks
 * of every width, IPv4-mapped IPv6 addresses, bare addresses.
 */
class OrderedRegionsTests {

  private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/bob";

  enum Family {
    NUMBERS(List.of(Type.NUMERIC_EQUALS, Type.NUMERIC_NOT_EQUALS, Type.NUMERIC_LESS_THAN, Type.NUMERIC_LESS_THAN_EQUALS,
        Type.NUMERIC_GREATER_THAN, Type.NUMERIC_GREATER_THAN_EQUALS), OrderedRegionsTests::number, OrderedRegionsTests::number),
    DATES(List.of(Type.DATE_EQUALS, Type.DATE_NOT_EQUALS, Type.DATE_LESS_THAN, Type.DATE_LESS_THAN_EQUALS, Type.DATE_GREATER_THAN,
        Type.DATE_GREATER_THAN_EQUALS), OrderedRegionsTests::date, OrderedRegionsTests::date),
    ADDRESSES(List.of(Type.IP_ADDRESS, Type.NOT_IP_ADDRESS), OrderedRegionsTests::block, OrderedRegionsTests::address);

    final List<Type> operators;
    final Function<Random, String> constant;
    final Function<Random, String> value;

    Family(List<Type> operators, Function<Random, String> constant, Function<Random, String> value) {
      this.operators = operators;
      this.constant = constant;
      this.value = value;
    }
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void everyCombinationOfAnswersAValueGivesHasARegion(Family family) {
    Random random = new Random(2603 + family.ordinal());
    for (int round = 0; round < 100; round++) {
      List<PolicySet> sets = new ArrayList<>();
      List<KeyRegions.Compared> conditions = new ArrayList<>();
      List<String> described = new ArrayList<>();
      for (int i = random.nextInt(2) + 2; i > 0; i--) {
        Type type = family.operators.get(random.nextInt(family.operators.size()));
        List<String> constants = new ArrayList<>();
        for (int j = random.nextInt(2) + 1; j > 0; j--) {
          constants.add("\"" + family.constant.apply(random) + "\"");
        }
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
            + " \"Condition\": {\"" + type.json() + "\": {\"s:k\": [" + String.join(", ", constants) + "]}}}]}";
        Policy policy = PolicyParser.parse(json, "t.json", PolicyKind.IDENTITY, "t");
        sets.add(PolicySet.ofIdentity(policy));
        conditions.add(new KeyRegions.Compared(policy.statements().get(0).conditions().get(0), true));
        described.add(type.json() + " " + constants);
      }
      KeyRegions.Result regions = KeyRegions.of("s:k", conditions, List.of(RequestContext.builder().build()), false, false, k -> false, 50_000, 6);
      Set<List<Boolean>> found = new HashSet<>();
      for (KeyValue value : regions.values()) {
        found.add(outcomes(sets, value.present() ? value.values().get(0) : null));
      }
      for (int n = 0; n < 300; n++) {
        String value = random.nextBoolean() ? family.constant.apply(random) : family.value.apply(random);
        if (family == Family.ADDRESSES && value.contains("/")) {
          value = value.substring(0, value.indexOf('/'));
        }
        assertThat(found).as("%s on %s", described, value).contains(outcomes(sets, value));
      }
    }
  }

  /**
   * A key compared by numeric and date operators both, as aws:EpochTime "Works with date operators
   * or numeric operators" (IAM User Guide, AWS global condition context keys): numbers as seconds
   * since the epoch near one instant (whole, with a fraction, negative), dates in ISO 8601 and in
   * epoch seconds; the request's value a run of digits (both read it), another number (numeric
   * operators only), an ISO date (date operators only) or other text (neither). Every combination
   * of answers a value gives, one region gives.
   */
  @org.junit.jupiter.api.Test
  void everyCombinationOfAnswersHasARegionWhenNumbersAndDatesCompareOneKey() {
    Random random = new Random(2626);
    List<Type> operators = new ArrayList<>(Family.NUMBERS.operators);
    operators.addAll(Family.DATES.operators);
    for (int round = 0; round < 150; round++) {
      List<PolicySet> sets = new ArrayList<>();
      List<KeyRegions.Compared> conditions = new ArrayList<>();
      List<String> described = new ArrayList<>();
      for (int i = random.nextInt(3) + 2; i > 0; i--) {
        // Both families each round: the first condition numeric, the second a date.
        Type type = i == 1 ? Family.DATES.operators.get(random.nextInt(6)) : conditions.isEmpty()
            ? Family.NUMBERS.operators.get(random.nextInt(6)) : operators.get(random.nextInt(operators.size()));
        boolean numeric = Family.NUMBERS.operators.contains(type);
        String constant = numeric ? seconds(random) : date(random);
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
            + " \"Condition\": {\"" + type.json() + "\": {\"s:k\": \"" + constant + "\"}}}]}";
        Policy policy = PolicyParser.parse(json, "t.json", PolicyKind.IDENTITY, "t");
        sets.add(PolicySet.ofIdentity(policy));
        conditions.add(new KeyRegions.Compared(policy.statements().get(0).conditions().get(0), true));
        described.add(type.json() + " " + constant);
      }
      KeyRegions.Result regions = KeyRegions.of("s:k", conditions, List.of(RequestContext.builder().build()), false, false, k -> false, 50_000, 6);
      assertThat(regions.gap()).isEmpty();
      Set<List<Boolean>> found = new HashSet<>();
      for (KeyValue value : regions.values()) {
        found.add(outcomes(sets, value.present() ? value.values().get(0) : null));
      }
      for (int n = 0; n < 300; n++) {
        String value = switch (random.nextInt(4)) {
          case 0 -> seconds(random);
          case 1 -> date(random);
          case 2 -> random.nextBoolean() ? "-" + seconds(random) : seconds(random) + ".0";
          default -> random.nextBoolean() ? "soon" : "";
        };
        assertThat(found).as("%s on %s", described, value).contains(outcomes(sets, value));
      }
    }
  }

  /** Seconds since the epoch within a few seconds or a day of BASE, whole or with a fraction. */
  private static String seconds(Random random) {
    long s = BASE.getEpochSecond() + random.nextInt(5) - 2 + (random.nextInt(4) == 0 ? 86_400L * (random.nextInt(3) - 1) : 0);
    return random.nextInt(3) == 0 ? s + "." + (random.nextInt(9) + 1) : Long.toString(s);
  }

  private static List<Boolean> outcomes(List<PolicySet> sets, String value) {
    RequestContext.Builder context = RequestContext.builder();
    if (value != null) {
      context.put("s:k", value);
    }
    List<Boolean> out = new ArrayList<>();
    for (PolicySet set : sets) {
      out.add(Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "arn:aws:s3:::b/k", context.build()), set).isAllowed());
    }
    return out;
  }

  /** A small number: an integer or a decimal, negative or not, at one of a few scales. */
  private static String number(Random random) {
    int whole = random.nextInt(7) - 3;
    return switch (random.nextInt(5)) {
      case 0 -> Integer.toString(whole);
      case 1 -> whole + ".0";
      case 2 -> whole + "." + random.nextInt(10);
      case 3 -> whole + "." + random.nextInt(10) + "0";
      default -> (whole < 0 ? "" : "-") + Math.abs(whole) + ".5";
    };
  }

  private static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");

  /** An instant within a few seconds or a day of one, written one of the ways AWS reads a date. */
  private static String date(Random random) {
    Instant t = BASE.plusSeconds(random.nextInt(5) - 2).plusMillis(random.nextInt(3) == 0 ? random.nextInt(3) : 0)
        .plusSeconds(random.nextInt(4) == 0 ? 86_400L * (random.nextInt(3) - 1) : 0);
    return switch (random.nextInt(4)) {
      case 0 -> t.toString();
      case 1 -> Long.toString(t.getEpochSecond());
      case 2 -> t.atOffset(java.time.ZoneOffset.ofHours(random.nextInt(5) - 2)).toString();
      default -> t.toString().substring(0, 10);
    };
  }

  /** An IPv4 or IPv6 block of any width near a few networks, or a bare address. */
  private static String block(Random random) {
    String address = address(random);
    if (random.nextInt(4) == 0) {
      return address;
    }
    int bits = address.contains(":") ? 128 : 32;
    return address + "/" + (bits - random.nextInt(bits == 32 ? 17 : 40));
  }

  private static String address(Random random) {
    int a = random.nextInt(3);
    int b = random.nextInt(4);
    int c = random.nextInt(3) == 0 ? 255 : random.nextInt(3);
    return switch (random.nextInt(4)) {
      case 0, 1 -> "10." + a + "." + b + "." + c;
      case 2 -> "::ffff:10." + a + "." + b + "." + c;
      default -> "2001:db8:" + Integer.toHexString(a) + "::" + Integer.toHexString(c);
    };
  }
}
