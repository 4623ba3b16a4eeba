package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.junit.ExpectedDecision;
import dev.iamunit.junit.IamRequest;
import java.util.ArrayList;
import java.util.List;
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

  /** Verifies the decision a table row expects, in every account. */
  public EveryAccountAssert isDecidedAs(ExpectedDecision decision) {
    isNotNull();
    int total = 0;
    List<Subject> offenders = new ArrayList<>();
    for (IamRequest request : actual.inEveryAccountOf(unit)) {
      for (Subject subject : IamRequestAssert.subjects(request)) {
        total++;
        if (!decision.matches(subject.decision().outcome()) || (decision != ExpectedDecision.ALLOWED
            && subject.decision().outsidePolicies().isPresent())) {
          offenders.add(subject);
        }
      }
    }
    if (!offenders.isEmpty()) {
      try {
        failWithMessage("%s", ShouldHoldInEveryAccount.shouldHoldInEveryAccount(actual.toString(), unit, decision.description(), total,
            offenders));
      } catch (AssertionError failure) {
        throw offenders.get(0).failure(failure);
      }
    }
    return myself;
  }
}
