package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Decision;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.IamScenario;
import org.apiguardian.api.API;

/**
 * The entry point of IAMUnit's assertions:
 * {@code assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("DenyEc2")}.
 * Import it statically next to AssertJ's {@code Assertions.assertThat}; the overloads do not clash.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IamAssertions {

  private IamAssertions() {}

  public static IamRequestAssert assertThat(IamRequest actual) {
    return new IamRequestAssert(actual);
  }

  public static IamRequestsAssert assertThat(IamRequests actual) {
    return new IamRequestsAssert(actual);
  }

  public static IamScenarioAssert assertThat(IamScenario actual) {
    return new IamScenarioAssert(actual);
  }

  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }
}
