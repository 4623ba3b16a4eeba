package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Decision;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.IamScenario;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Collects every failed IAM assertion of a test and reports them together, as AssertJ's
 * {@code SoftAssertions} does: {@code IamSoftAssertions.assertSoftly(softly -> ...)}, or a field
 * with AssertJ's {@code SoftAssertionsExtension}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class IamSoftAssertions extends AbstractSoftAssertions {

  public IamRequestAssert assertThat(IamRequest actual) {
    return proxy(IamRequestAssert.class, IamRequest.class, actual);
  }

  public IamRequestsAssert assertThat(IamRequests actual) {
    return proxy(IamRequestsAssert.class, IamRequests.class, actual);
  }

  public IamScenarioAssert assertThat(IamScenario actual) {
    return proxy(IamScenarioAssert.class, IamScenario.class, actual);
  }

  public DecisionAssert assertThat(Decision actual) {
    return proxy(DecisionAssert.class, Decision.class, actual);
  }

  /** Runs {@code assertions} and fails with every failure they collected. */
  public static void assertSoftly(Consumer<IamSoftAssertions> assertions) {
    SoftAssertionsProvider.assertSoftly(IamSoftAssertions.class, assertions);
  }
}
