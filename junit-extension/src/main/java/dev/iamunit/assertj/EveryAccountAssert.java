package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.explain.DecisionText;
import dev.iamunit.junit.ExpectedDecision;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one request made in every member account of an organizational unit ({@link
 * IamRequestAssert#inEveryAccountOf}): each must hold in every account, under every kind of
 * credentials; a failure lists the accounts where it does not, each with its decision.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class EveryAccountAssert extends AbstractAssert<EveryAccountAssert, IamRequest> {

  private final String unit;

  EveryAccountAssert(IamRequest actual, String unit) {
    super(actual, EveryAccountAssert.class);
    this.unit = unit;
  }

  /** Verifies that AWS allows the request in every account. */
  public EveryAccountAssert isAllowed() {
    return isDecidedAs(ExpectedDecision.ALLOWED);
  }

  /** Verifies that AWS denies the request in every account, explicitly or implicitly. */
  public EveryAccountAssert isDenied() {
    return isDecidedAs(ExpectedDecision.DENIED);
  }

  /** Verifies that a Deny statement applies to the request in every account. */
  public EveryAccountAssert isExplicitlyDenied() {
    return isDecidedAs(ExpectedDecision.EXPLICITLY_DENIED);
  }

  /** Verifies that in every account no Deny applies and nothing allows the request. */
  public EveryAccountAssert isImplicitlyDenied() {
    return isDecidedAs(ExpectedDecision.IMPLICITLY_DENIED);
  }

  /**
   * Verifies the decision a table row expects, in every account. An account where the principal
   * does not exist ({@link IamRequest#missingPrincipal}: a permission set not assigned to it, a
   * user or role it does not declare) is listed too: the claim cannot hold where no one can ask.
   */
  public EveryAccountAssert isDecidedAs(ExpectedDecision decision) {
    isNotNull();
    int total = 0;
    List<String> offenders = new ArrayList<>();
    Optional<Subject> first = Optional.empty();
    List<IamRequest> requests = actual.inEveryAccountOf(unit);
    for (IamRequest request : requests) {
      Optional<String> missing = request.missingPrincipal();
      if (missing.isPresent()) {
        total++;
        offenders.add(ShouldHoldInEveryAccount.cannotBeMade(DecisionText.request(request.action(), request.resource(),
            request.principal().map(IamPrincipal::toString)), missing.get()));
        continue;
      }
      for (Subject subject : IamRequestAssert.subjects(request)) {
        total++;
        if (!decision.matches(subject.decision().outcome()) || (decision != ExpectedDecision.ALLOWED
            && subject.decision().outsidePolicies().isPresent())) {
          offenders.add(RequestListing.line(subject));
          first = first.or(() -> Optional.of(subject));
        }
      }
    }
    if (!offenders.isEmpty()) {
      try {
        failWithMessage("%s", ShouldHoldInEveryAccount.shouldHoldInEveryAccount(asMadeInEach(requests), unit, decision.description(),
            total, offenders));
      } catch (AssertionError failure) {
        throw Subject.about(first, failure);
      }
    }
    return myself;
  }

  /**
   * The request as every account decided it: on its resource when that is the same in each (the
   * test named it, or the action's default names no account), else without one, since each
   * account's default resource is its own (the lines below name them). The principal as the test
   * named it, not the home account's: a permission set's session without the role of one account.
   */
  private String asMadeInEach(List<IamRequest> requests) {
    Optional<String> principal = actual.principal()
        .map(p -> p.permissionSet().map(set -> IamPrincipal.permissionSet(set, p.sessionName().orElseThrow())).orElse(p))
        .map(IamPrincipal::toString);
    Set<String> resources = new LinkedHashSet<>();
    requests.forEach(request -> resources.add(request.resource()));
    return resources.size() == 1 ? DecisionText.request(actual.action(), resources.iterator().next(), principal)
        : DecisionText.request(actual.action(), principal);
  }
}
