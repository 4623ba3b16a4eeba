package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on every request of an action pattern; create them with
 * {@link IamAssertions#assertThat(IamRequests)}. A failure lists the requests that broke the rule.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class IamRequestsAssert extends AbstractAssert<IamRequestsAssert, IamRequests> {

  public IamRequestsAssert(IamRequests actual) {
    super(actual, IamRequestsAssert.class);
  }

  /** Verifies that AWS denies every request, under every credential kind of the scenario. */
  public IamRequestsAssert allAreDenied() {
    return check(s -> s.decision().outcome() == Outcome.ALLOWED,
        (total, offenders) -> ShouldAllBeDenied.shouldAllBeDenied(actual.description(), total, offenders));
  }

  /** Verifies that AWS allows every request, under every credential kind of the scenario. */
  public IamRequestsAssert allAreAllowed() {
    return check(s -> s.decision().outcome() != Outcome.ALLOWED,
        (total, offenders) -> ShouldAllBeAllowed.shouldAllBeAllowed(actual.description(), total, offenders));
  }

  private IamRequestsAssert check(Predicate<Subject> offends, Message message) {
    isNotNull();
    int total = 0;
    List<Subject> offenders = new ArrayList<>();
    for (IamRequest request : actual.requests()) {
      for (Subject subject : IamRequestAssert.subjects(request)) {
        total++;
        if (offends.test(subject)) {
          offenders.add(subject);
        }
      }
    }
    if (!offenders.isEmpty()) {
      try {
        failWithMessage("%s", message.create(total, offenders));
      } catch (AssertionError failure) {
        throw offenders.get(0).failure(failure);
      }
    }
    return myself;
  }

  private interface Message {
    String create(int total, List<Subject> offenders);
  }
}
