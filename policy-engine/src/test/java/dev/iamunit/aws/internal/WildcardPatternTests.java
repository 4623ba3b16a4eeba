package dev.iamunit.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTests {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "*,              anything,               true",
    "*,              '',                     true",
    "'',             '',                     true",
    "'',             a,                      false",
    "*MFA*,          CreateVirtualMFADevice, true",
    "*mfa*,          CreateVirtualMFADevice, true",
    "*MFA*,          ListUsers,              false",
    "Get*,           GetObject,              true",
    "Get*,           BatchGetItem,           false",
    "*Object,        GetObject,              true",
    "*Object,        GetObjectAcl,           false",
    "Get?bject,      GetObject,              true",
    "Get?bject,      GetObbject,             false",
    "?,              a,                      true",
    "?,              '',                     false",
    "a*b*c,          aXbYbZc,                true",
    "a*b*c,          aXbYbZ,                 false",
    "**,             x,                      true",
    "ec2:*,          ec2:RunInstances,       true",
    "ec2:*,          ec2x:RunInstances,      false",
    "*:Describe*,    ec2:DescribeInstances,  true"
  })
  void matchesLikeIamActionWildcards(String pattern, String text, boolean matches) {
    assertThat(WildcardPattern.matchesIgnoringCase(pattern, text)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({"ec2:*, true", "ec?, true", "ec2:RunInstances, false", "'', false"})
  void detectsWildcards(String pattern, boolean hasWildcard) {
    assertThat(WildcardPattern.hasWildcard(pattern)).isEqualTo(hasWildcard);
  }
}
