package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.IamRequest;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Assertions on a request of a scenario; create them with {@link IamAssertions#assertThat(IamRequest)}. */
@API(status = EXPERIMENTAL, since = "0.1")
public class IamRequestAssert extends AbstractDecisionAssert<IamRequestAssert, IamRequest> {

  public IamRequestAssert(IamRequest actual) {
    super(actual, IamRequestAssert.class);
  }

  /**
   * The same request made in each member account under organizational unit {@code unit} (by
   * name, such as {@code Workloads}, path, such as {@code Workloads/Prod}, or id), by the principal of the same name in each, or each
   * account's root user: {@code
   * assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isExplicitlyDenied()}.
   */
  public EveryAccountAssert inEveryAccountOf(String unit) {
    isNotNull();
    return new EveryAccountAssert(actual, unit);
  }

  @Override
  List<Subject> subjects() {
    return subjects(actual);
  }

  static List<Subject> subjects(IamRequest request) {
    return request.evaluations().stream().map(e -> subject(request, e)).toList();
  }

  private static Subject subject(IamRequest request, Evaluation evaluation) {
    return new Subject(evaluation.requestDescription(), Optional.of(evaluation.credentials()), evaluation.decision(),
        Optional.of(evaluation.request()), request.resourceDefaulted());
  }
}
