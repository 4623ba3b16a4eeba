package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.SpaceSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * Verifies that AWS denies every request of these actions, under every credential kind of the
   * scenario, proved over the complete request space ({@link IamRequests#allowedRequests()}): on
   * every region of resources and context values the policies tell apart, not only each action's
   * default resource. A failure names each allowed request with its context and the statement that
   * allows it; where part of the space could only be sampled, the assertion fails too, saying which
   * part. When the test named a resource or context keys, those requests are checked as named.
   */
  public IamRequestsAssert allAreDenied() {
    isNotNull();
    Optional<SpaceSearch> search = actual.allowedRequests();
    if (search.isEmpty()) {
      return check(s -> s.decision().outcome() == Outcome.ALLOWED,
          (total, offenders) -> ShouldAllBeDenied.shouldAllBeDenied(actual.description(), total, offenders));
    }
    List<Subject> offenders = search.get().allowed().stream().map(Subject::of).toList();
    if (!offenders.isEmpty()) {
      fail(ShouldAllBeDenied.shouldAllBeDeniedInSpace(actual.description(), search.get().actions(), search.get().requests(), offenders),
          Optional.of(offenders.get(0)));
    }
    if (!search.get().proved()) {
      fail(ShouldBeProved.shouldBeProved("every request of " + actual.description() + " is denied", search.get().sampled()), Optional.empty());
    }
    return myself;
  }

  /**
   * Verifies that AWS allows every request, under every credential kind of the scenario: the
   * requests of {@link IamRequests#requests()}, on each action's default resource or the one the
   * test named (allowed on every resource is rarely true: other accounts' resources are not).
   */
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
      fail(message.create(total, offenders), Optional.of(offenders.get(0)));
    }
    return myself;
  }

  /** Fails with {@code message}, about the statement of {@code subject} when there is one. */
  private void fail(String message, Optional<Subject> subject) {
    try {
      failWithMessage("%s", message);
    } catch (AssertionError failure) {
      throw Subject.about(subject, failure);
    }
  }

  private interface Message {
    String create(int total, List<Subject> offenders);
  }
}
