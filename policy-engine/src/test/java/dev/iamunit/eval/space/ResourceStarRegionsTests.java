package dev.iamunit.eval.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Resource value's {@code *} that ends one of the first five parts may match colons ("If the *
 * wildcard is the last character of a resource ARN segment, it can expand to match beyond the
 * colon boundaries", IAM User Guide, "IAM JSON policy elements: Resource", "Using wildcards in
 * resource ARNs"): the request space must hold an ARN for each answer such a pattern gives, or
 * a proof over it misses the requests the pattern reaches past a colon. Here a Deny that AWS
 * applies only to ARNs with more colons than the pattern has.
 */
class ResourceStarRegionsTests {

  private static final String ACCOUNT = "123456789012";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private static Caller dev(String deniedPattern) {
    Policy identity = PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"},
          {"Effect":"Deny","Action":"sns:Publish","Resource":"%s"}]}""".formatted(deniedPattern), "dev.json", PolicyKind.IDENTITY, "dev");
    Account account = Account.builder().id(ACCOUNT)
        .user(new User("dev", "/", "arn:aws:iam::" + ACCOUNT + ":user/dev", Map.of(), List.of(), List.of(identity), List.of(), Optional.empty(),
            SourceLocation.UNKNOWN))
        .build();
    return Caller.user(account, "dev");
  }

  /**
   * {@code arn:aws:sns:*:alerts:*}: its region's * takes region and account, so it denies the
   * topic ARN whose resource part holds {@code alerts:}. {@code arn:*:s3:::b}: its partition's *
   * takes the partition and the service too, so an S3 pattern denies an SNS ARN that ends in
   * {@code :s3:::b}; the space may not drop it as a pattern of another service.
   */
  @ParameterizedTest(name = "Deny {0}")
  @CsvSource(textBlock = """
      arn:aws:sns:*:alerts:*
      arn:*:s3:::b
      """)
  void theSpaceHoldsAnArnThatADenyReachesPastAColon(String deniedPattern) {
    Caller dev = dev(deniedPattern);
    RequestRegions space = RequestRegions.of(dev.accounts().all(), PolicyStatement.of(dev.policies().policies()), AwsData.bundled());

    ActionRegions found = space.regions("sns:Publish", List.of(dev.context(CredentialKind.ACCESS_KEYS, NOW)), List.of());

    assertThat(found.complete()).as("%s", found.gaps()).isTrue();
    Set<Outcome> outcomes = new TreeSet<>();
    for (ActionRegions.Target target : found.resources()) {
      outcomes.add(Evaluator.standard().decide(dev.request(target.action(), target.resource(), CredentialKind.ACCESS_KEYS, NOW, Map.of())).outcome());
    }
    assertThat(outcomes).as("%s", found.resources()).contains(Outcome.ALLOWED, Outcome.EXPLICIT_DENY);
  }

  /** The service of a Resource value is literal unless a * that ends an earlier part may reach it. */
  @Test
  void aServiceIsLiteralOnlyWhereNoStarEndingAnEarlierPartCanReachIt() {
    assertThat(RequestRegions.literalPart(TextTest.glob("arn:aws:s3:::b/*", TextTest.Mode.ARN), 2)).isEqualTo("s3");
    assertThat(RequestRegions.literalPart(TextTest.glob("arn:aw?:s3:*:*:b", TextTest.Mode.ARN), 2)).isEqualTo("s3");
    assertThat(RequestRegions.literalPart(TextTest.glob("arn:*:s3:::b", TextTest.Mode.ARN), 2)).isNull();
    // An Arn operator's value keeps each part to itself.
    assertThat(RequestRegions.literalPart(TextTest.glob("arn:*:s3:::b", TextTest.Mode.ARN_CONDITION), 2)).isEqualTo("s3");
  }

  /** Roles alike to the tests: a literal before the resource part may meet a role's name when a * that ends a part reaches it. */
  @Test
  void literalsAStarEndingAPartCarriesIntoTheResourcePartSplitRoleNames() {
    assertThat(TrustGroups.resourceLiterals(List.of(TextTest.glob("arn:aws:iam::*:role/x", TextTest.Mode.ARN)))).contains('i', 'm');
    assertThat(TrustGroups.resourceLiterals(List.of(TextTest.glob("arn:aws:iam::*:role/x", TextTest.Mode.ARN_CONDITION)))).doesNotContain('i', 'm');
  }
}
