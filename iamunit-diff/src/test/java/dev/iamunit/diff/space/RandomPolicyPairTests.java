package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proof that the proof is right: random policy pairs from the differential generator's families
 * (tools/differential/lib/generator.mjs: exact, service, verb, single-character and wildcard
 * action patterns; exact, trailing-star, single-character and ${aws:username} resources; string,
 * numeric, date, IP, Boolean and Null conditions, with IfExists and the set operators), each
 * diffed over the complete space and then
 * <ul>
 *   <li>against brute force: every difference thousands of random requests find, the diff has a
 *       finding of (same change, credentials and class of actions);
 *   <li>each finding, decided again directly, is a real difference.
 * </ul>
 */
class RandomPolicyPairTests {

  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:Get*", "s3:*", "s3:GetObjec?", "s3:ListBucket", "s3:PutObject");
  private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k?", "arn:aws:s3:::b/${aws:username}/*",
      "arn:aws:s3:::c*", "arn:aws:s3:::b");
  static final List<String> CONDITIONS = List.of(
      "\"StringLike\": {\"s3:prefix\": \"home/*\"}",
      "\"StringLikeIfExists\": {\"s3:prefix\": [\"a?\", \"home/*\"]}",
      "\"StringNotEquals\": {\"s3:prefix\": \"home/\"}",
      "\"StringEqualsIgnoreCase\": {\"s3:prefix\": \"Home/\"}",
      "\"NumericLessThan\": {\"s3:max-keys\": \"10\"}",
      "\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}",
      "\"NumericGreaterThanIfExists\": {\"s3:max-keys\": \"5\"}",
      "\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}",
      "\"IpAddress\": {\"aws:SourceIp\": \"10.1.0.0/16\"}",
      "\"NotIpAddress\": {\"aws:SourceIp\": [\"10.1.0.0/16\", \"2001:db8::/32\"]}",
      "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}",
      "\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}",
      "\"Bool\": {\"aws:SecureTransport\": \"true\"}",
      "\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}",
      "\"Null\": {\"s3:prefix\": \"true\"}",
      "\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"team\", \"env\"]}",
      "\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"t*\"}");

  private static final List<CredentialKind> KINDS =
      List.of(CredentialKind.CONSOLE_WITH_MFA, CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS);

  private final Evaluator evaluator = Evaluator.standard();

  @Test
  void theCompleteSpaceFindsEveryDifferenceRandomRequestsFindAndOnlyRealOnes() {
    Random random = new Random(2626);
    int differencesFound = 0;
    for (int pair = 0; pair < 12; pair++) {
      List<String> base = new ArrayList<>();
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        base.add(statement(random));
      }
      List<String> head = new ArrayList<>(base);
      head.set(random.nextInt(head.size()), statement(random));
      if (random.nextBoolean()) {
        head.add(statement(random));
      }
      Account baseAccount = Accounts.withUsers(String.join(",", base), "alice");
      Account headAccount = Accounts.withUsers(String.join(",", head), "alice");
      AccessDiff diff = AccessDiffer.standard().compare(baseAccount, headAccount, "base", "head");
      String described = "base " + base + "\nhead " + head;
      // A finding names one action of its class (ActionClasses, whose soundness ActionClassesTests
      // checks member by member): it stands for every action the policies of both versions treat alike.
      List<Policy> both = new ArrayList<>(Caller.user(baseAccount, "alice").policies().policies());
      both.addAll(Caller.user(headAccount, "alice").policies().policies());
      ActionClasses classes = ActionClasses.of(PolicyStatement.of(both), AwsData.bundled());
      assertThat(diff.space().proof().complete()).as(described).isTrue();

      for (DiffRow row : diff.rows()) {
        boolean b = allowed(baseAccount, row.action(), row.resource(), row.credentials(), parse(row.context()));
        boolean h = allowed(headAccount, row.action(), row.resource(), row.credentials(), parse(row.context()));
        if (row.change() == Change.NEWLY_ALLOWED) {
          assertThat(!b && h).as("finding %s is real\n%s", row, described).isTrue();
        } else if (row.change() == Change.NEWLY_DENIED) {
          assertThat(b && !h).as("finding %s is real\n%s", row, described).isTrue();
        }
      }
      for (int n = 0; n < 3_000; n++) {
        String action = random.nextBoolean() ? "s3:GetObject" : List.of("s3:ListBucket", "s3:PutObject", "s3:GetObjectAcl").get(random.nextInt(3));
        String resource = randomResource(random, action);
        CredentialKind kind = KINDS.get(random.nextInt(KINDS.size()));
        Map<String, List<String>> context = randomContext(random);
        boolean b = allowed(baseAccount, action, resource, kind, context);
        boolean h = allowed(headAccount, action, resource, kind, context);
        if (b == h) {
          continue;
        }
        differencesFound++;
        Change change = h ? Change.NEWLY_ALLOWED : Change.NEWLY_DENIED;
        assertThat(diff.rows(change)).as("a %s finding for %s on %s as %s with %s\n%s", change, action, resource, kind, context, described)
            .anyMatch(r -> r.credentials() == kind && alike(classes, r.action(), action));
      }
    }
    // The families make differences often enough that brute force is tested, not skipped.
    assertThat(differencesFound).isGreaterThan(100);
  }

  private static boolean alike(ActionClasses classes, String found, String action) {
    return classes.classes().stream().anyMatch(c -> c.members().contains(found) && c.members().contains(action));
  }

  private boolean allowed(Account account, String action, String resource, CredentialKind kind, Map<String, List<String>> context) {
    Caller caller = Caller.user(account, "alice");
    return evaluator.decide(caller.request(action, resource, kind, AccessDiffer.REQUEST_TIME, context)).isAllowed();
  }

  static String statement(Random random) {
    StringBuilder s = new StringBuilder("{\"Effect\": \"").append(random.nextInt(4) == 0 ? "Deny" : "Allow").append("\", ");
    s.append("\"Action\": \"").append(ACTIONS.get(random.nextInt(ACTIONS.size()))).append("\", ");
    s.append("\"Resource\": \"").append(RESOURCES.get(random.nextInt(RESOURCES.size()))).append('"');
    if (random.nextInt(3) > 0) {
      s.append(", \"Condition\": {").append(CONDITIONS.get(random.nextInt(CONDITIONS.size()))).append('}');
    }
    return s.append('}').toString();
  }

  private static String randomResource(Random random, String action) {
    String bucket = List.of("b", "c", "cc", "d").get(random.nextInt(4));
    if (action.equals("s3:ListBucket")) {
      return "arn:aws:s3:::" + bucket;
    }
    String key = List.of("k", "kx", "k1", "alice/x", "bob/y", "", "home/a").get(random.nextInt(7));
    return "arn:aws:s3:::" + bucket + "/" + key;
  }

  private static Map<String, List<String>> randomContext(Random random) {
    Map<String, List<String>> context = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      context.put("s3:prefix", List.of(List.of("home/", "home/x", "Home/", "a1", "ab", "", "other").get(random.nextInt(7))));
    }
    if (random.nextBoolean()) {
      context.put("s3:max-keys", List.of(String.valueOf(random.nextInt(16))));
    }
    if (random.nextBoolean()) {
      context.put("aws:SourceIp", List.of(List.of("10.1.2.3", "10.2.0.1", "192.168.0.1", "2001:db8::1", "2001:db9::1").get(random.nextInt(5))));
    }
    if (random.nextBoolean()) {
      context.put("aws:CurrentTime", List.of(List.of("2026-01-15T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-15T00:00:00Z",
          "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z").get(random.nextInt(5))));
    }
    if (random.nextInt(4) == 0) {
      context.put("aws:SecureTransport", List.of("false"));
    }
    if (random.nextBoolean()) {
      List<String> keys = new ArrayList<>();
      for (String key : List.of("team", "env", "cost", "tier")) {
        if (random.nextBoolean()) {
          keys.add(key);
        }
      }
      context.put("aws:TagKeys", keys);
    }
    return context;
  }

  /** A finding's context back as the request's: {@code [a, b]} is a set. */
  private static Map<String, List<String>> parse(Map<String, String> context) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    context.forEach((k, v) -> out.put(k, v.startsWith("[") && v.endsWith("]")
        ? (v.length() == 2 ? List.of() : Arrays.asList(v.substring(1, v.length() - 1).split(", ")))
        : List.of(v)));
    return out;
  }
}
