package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The region-based answer against exhaustive enumeration over tiny alphabets (issue 26): random
 * pairs of policies that compare only with a few constants, and EVERY request of an alphabet that
 * holds a member of each region those constants can make: two actions, the buckets over {a, b}
 * of one to three characters (the bucket patterns have at most two symbols, a and wildcards, so a
 * longer name answers as one of three characters does), the keys alice (the user's
 * {@code ${aws:username}}), k and z, an address of each range the CIDRs split (and none), an
 * instant of each interval the dates split, a number of each interval the limits split (and
 * none), each subset of {x, y} of a multivalued key (and none), each kind of credentials a user
 * signs with. The set of (action, credentials, change) the enumeration finds must be the set the
 * diff's findings name, both ways. A key no policy of the pair names is left at the caller's value.
 */
class ExhaustiveEnumerationTests {

  private static final int PAIRS = 80;
  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject");
  private static final List<CredentialKind> KINDS =
      List.of(CredentialKind.CONSOLE_WITH_MFA, CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS);

  private static final List<String> ACTION_PATTERNS = List.of("s3:GetObject", "s3:PutObject", "s3:*Object", "s3:Get*", "s3:*", "s3:?etObject");
  private static final List<String> BUCKET_PATTERNS = List.of("a", "?", "*", "a*", "*a", "a?", "?a", "aa");
  private static final List<String> KEY_PATTERNS = List.of("*", "${aws:username}", "k");

  /** Each condition key the policies compare, with the conditions they may say and a value of each region they make. */
  private record Key(String name, List<String> conditions, List<List<String>> values) {}

  private static final List<Key> KEYS = List.of(
      new Key("aws:SourceIp", List.of(
          "\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}",
          "\"IpAddress\": {\"aws:SourceIp\": [\"10.1.0.0/16\", \"2001:db8::/32\"]}",
          "\"NotIpAddress\": {\"aws:SourceIp\": \"10.1.2.3\"}",
          "\"IpAddressIfExists\": {\"aws:SourceIp\": \"10.0.0.0/7\"}",
          "\"NotIpAddressIfExists\": {\"aws:SourceIp\": \"10.1.0.0/16\"}",
          "\"Null\": {\"aws:SourceIp\": \"false\"}"),
          values(List.of("9.255.255.255"), List.of("10.0.0.0"), List.of("10.1.0.0"), List.of("10.1.2.3"), List.of("10.1.2.4"), List.of("10.2.0.0"),
              List.of("11.0.0.0"), List.of("11.255.255.255"), List.of("12.0.0.0"), List.of("2001:db8::1"), List.of("2001:db9::1"), null)),
      new Key("aws:CurrentTime", List.of(
          "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}",
          "\"DateLessThanEquals\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}",
          "\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}",
          "\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}",
          "\"DateEquals\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}",
          "\"DateNotEquals\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}"),
          values(List.of("2026-01-15T00:00:00Z"), List.of("2026-02-01T00:00:00Z"), List.of("2026-02-15T00:00:00Z"),
              List.of("2026-03-01T00:00:00Z"), List.of("2026-03-15T00:00:00Z"))),
      new Key("s3:max-keys", List.of(
          "\"NumericLessThan\": {\"s3:max-keys\": \"10\"}",
          "\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}",
          "\"NumericGreaterThan\": {\"s3:max-keys\": \"5\"}",
          "\"NumericEquals\": {\"s3:max-keys\": \"5\"}",
          "\"NumericNotEquals\": {\"s3:max-keys\": \"10\"}",
          "\"NumericGreaterThanEqualsIfExists\": {\"s3:max-keys\": \"5\"}"),
          values(List.of("4"), List.of("5"), List.of("7"), List.of("10"), List.of("11"), null)),
      new Key("aws:TagKeys", List.of(
          "\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"x\"}",
          "\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"x\"}",
          "\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"x*\"}",
          "\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": \"x\"}",
          "\"ForAnyValue:StringNotLike\": {\"aws:TagKeys\": \"x\"}",
          "\"Null\": {\"aws:TagKeys\": \"true\"}"),
          values(List.of(), List.of("x"), List.of("y"), List.of("x", "y"), null)),
      new Key("aws:MultiFactorAuthPresent", List.of(
          "\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}",
          "\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}"),
          // Set by the credentials, which the enumeration varies.
          values(List.<String>of())));

  /** Values, null for the key left out. */
  private static List<List<String>> values(List<?>... values) {
    List<List<String>> out = new ArrayList<>();
    for (List<?> value : values) {
      out.add(value == null ? null : value.stream().map(String::valueOf).toList());
    }
    return out;
  }

  @Test
  void everyRequestOfTinyAlphabetsChangesExactlyWhereTheDiffSays() {
    List<String> buckets = new ArrayList<>();
    for (int length = 1; length <= 3; length++) {
      words("", length, buckets);
    }
    long requests = 0;
    int changedPairs = 0;
    List<String> failures = new ArrayList<>();
    for (long seed = 2_600; seed < 2_600 + PAIRS; seed++) {
      Random random = new Random(seed);
      List<String> base = new ArrayList<>();
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        base.add(statement(random));
      }
      List<String> head = new ArrayList<>(base);
      if (random.nextInt(4) == 0 && head.size() > 1) {
        head.remove(random.nextInt(head.size()));
      } else if (random.nextInt(3) == 0) {
        head.add(statement(random));
      } else {
        head.set(random.nextInt(head.size()), statement(random));
      }
      String described = "seed " + seed + "\nbase " + base + "\nhead " + head;
      Account baseAccount = Accounts.withUsers(String.join(",", base), PolicyPairs.USER);
      Account headAccount = Accounts.withUsers(String.join(",", head), PolicyPairs.USER);
      AccessDiff diff = AccessDiffer.standard().compare(baseAccount, headAccount, "base", "head");
      assertThat(diff.space().proof().complete()).as(described).isTrue();
      DirectDecisions direct = new DirectDecisions(baseAccount, headAccount, List.of(PolicyPairs.USER), List.of());

      Set<String> enumerated = new TreeSet<>();
      List<Map<String, List<String>>> contexts = contexts(String.join(",", base) + String.join(",", head));
      for (String action : ACTIONS) {
        for (CredentialKind kind : KINDS) {
          for (String bucket : buckets) {
            for (String key : List.of(PolicyPairs.USER, "k", "z")) {
              String resource = "arn:aws:s3:::" + bucket + "/" + key;
              for (Map<String, List<String>> context : contexts) {
                requests++;
                Change change = direct.change(new DirectDecisions.Request("user " + PolicyPairs.USER, action, resource, kind, context, Set.of()));
                if (change != null) {
                  enumerated.add(action + " " + kind + " " + change);
                }
              }
            }
          }
        }
      }
      Set<String> found = found(diff, baseAccount, headAccount);
      changedPairs += enumerated.isEmpty() ? 0 : 1;
      if (!found.equals(enumerated)) {
        failures.add("enumerated " + enumerated + "\nthe diff " + found + "\n" + described);
      }
    }
    assertThat(failures).as("%d of %d pairs, %,d requests", failures.size(), PAIRS, requests).isEmpty();
    assertThat(changedPairs).as("pairs with a change the enumeration finds").isGreaterThan(PAIRS / 3);
  }

  /** The (action, credentials, change) the diff's findings name for the enumerated actions: by name, alike, or class. */
  private static Set<String> found(AccessDiff diff, Account base, Account head) {
    List<Policy> both = new ArrayList<>(Caller.user(base, PolicyPairs.USER).policies().policies());
    both.addAll(Caller.user(head, PolicyPairs.USER).policies().policies());
    ActionClasses classes = ActionClasses.of(PolicyStatement.of(both), AwsData.bundled());
    Set<String> found = new TreeSet<>();
    for (DiffRow row : diff.rows()) {
      if (row.change() == Change.CHANGED_REASON) {
        continue;
      }
      for (String action : ACTIONS) {
        if (row.action().equals(action) || row.alike().contains(action)
            || classes.classes().stream().anyMatch(c -> c.members().contains(row.action()) && c.members().contains(action))) {
          found.add(action + " " + row.credentials() + " " + row.change());
        }
      }
    }
    return found;
  }

  /** Every context of the keys {@code policies} name: the product of each key's values. */
  private static List<Map<String, List<String>>> contexts(String policies) {
    List<Map<String, List<String>>> contexts = new ArrayList<>();
    contexts.add(Map.of());
    for (Key key : KEYS) {
      if (!policies.contains("\"" + key.name() + "\"")) {
        continue;
      }
      List<Map<String, List<String>>> more = new ArrayList<>();
      for (Map<String, List<String>> context : contexts) {
        for (List<String> value : key.values()) {
          Map<String, List<String>> next = new LinkedHashMap<>(context);
          if (value != null && !key.name().equals("aws:MultiFactorAuthPresent")) {
            next.put(key.name(), value);
          }
          more.add(next);
        }
      }
      contexts = more;
    }
    return contexts;
  }

  private static String statement(Random random) {
    StringBuilder s = new StringBuilder("{\"Effect\": \"").append(random.nextInt(4) == 0 ? "Deny" : "Allow").append("\", \"Action\": ");
    String first = one(random, ACTION_PATTERNS);
    String second = one(random, ACTION_PATTERNS);
    s.append(random.nextBoolean() || first.equals(second) ? "\"" + first + "\"" : "[\"" + first + "\", \"" + second + "\"]");
    String resource = random.nextInt(6) == 0 ? "*" : "arn:aws:s3:::" + one(random, BUCKET_PATTERNS) + "/" + one(random, KEY_PATTERNS);
    s.append(!resource.equals("*") && random.nextInt(8) == 0 ? ", \"NotResource\": \"" : ", \"Resource\": \"").append(resource).append('"');
    if (random.nextBoolean()) {
      Key key = KEYS.get(random.nextInt(KEYS.size()));
      s.append(", \"Condition\": {").append(one(random, key.conditions())).append('}');
    }
    return s.append('}').toString();
  }

  private static String one(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void words(String prefix, int length, List<String> out) {
    if (length == 0) {
      out.add(prefix);
      return;
    }
    for (char c : new char[] {'a', 'b'}) {
      words(prefix + c, length - 1, out);
    }
  }
}
