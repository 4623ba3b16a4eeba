package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Decision;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Assertions on a {@link Decision} computed outside a scenario; create them with
 * {@link IamAssertions#assertThat(Decision)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class DecisionAssert extends AbstractDecisionAssert<DecisionAssert, Decision> {

  public DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  @Override
  List<Subject> subjects() {
    return List.of(new Subject("the decision", Optional.empty(), actual, Optional.empty(), false));
  }
}
