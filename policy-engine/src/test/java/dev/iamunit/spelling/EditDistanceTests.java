package dev.iamunit.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTests {

  @ParameterizedTest(name = "{0} to {1} within {2}: {3}")
  @CsvSource({
    "RunInstances,  RunInstances,  3, 0",
    "runinstances,  RunInstances,  3, 0",
    "RunInstance,   RunInstances,  3, 1",
    "RunIsntances,  RunInstances,  3, 1",
    "RunInstancez,  RunInstances,  3, 1",
    "lamda,         lambda,        3, 1",
    "ec2,           s3,            3, 3",
    "'',            abc,           3, 3",
    "abc,           '',            3, 3",
    // beyond the limit the answer is limit + 1
    "abcdef,        uvwxyz,        2, 3",
    "a,             abcdefgh,      2, 3"
  })
  void countsEditsIgnoringCaseUpToALimit(String a, String b, int limit, int distance) {
    assertThat(EditDistance.atMost(a, b, limit)).isEqualTo(distance);
    assertThat(EditDistance.atMost(b, a, limit)).isEqualTo(distance);
  }

  @org.junit.jupiter.api.Test
  void findsTheClosestCandidateWithinTheLimit() {
    java.util.List<String> names = java.util.List.of("MFAUser", "OtherUser", "ec2webuser");
    assertThat(EditDistance.closest("MFAUsr", names, 2)).hasValue("MFAUser");
    assertThat(EditDistance.closest("mfauser", names, 2)).hasValue("MFAUser");
    assertThat(EditDistance.closest("somebody", names, 2)).isEmpty();
  }
}
