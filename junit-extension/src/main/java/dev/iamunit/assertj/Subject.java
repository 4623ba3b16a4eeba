package dev.iamunit.assertj;

import dev.iamunit.assertj.internal.PolicyAssertionError;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.SpaceSearch;
import java.util.Optional;

/**
 * What one assertion looks at: a decision, and when known the request it answers.
 *
 * @param request {@code ec2:RunInstances on * as MFAUser}, or {@code the decision}
 * @param credentials the credentials of the request, when known
 * @param decision the decision
 * @param context the request with its full context, when known
 * @param resourceDefaulted whether the test named no resource and the action's default stood in
 */
record Subject(
    String request, Optional<CredentialKind> credentials, Decision decision, Optional<Request> context, boolean resourceDefaulted) {

  /** An allowed request a search of the complete request space found. */
  static Subject of(SpaceSearch.Allowed allowed) {
    Evaluation evaluation = allowed.evaluation();
    // One request stands for the actions the policies treat alike: say how many, so none goes unsaid.
    int more = allowed.alike().size();
    String alike = more == 0 ? "" : " (and " + more + (more == 1 ? " more action" : " more actions") + " the policies treat alike)";
    return new Subject(allowed.requestDescription() + alike, Optional.of(evaluation.credentials()), evaluation.decision(),
        Optional.of(evaluation.request()), false);
  }

  /** The request's context, when the request is known: the explanation shows the values its conditions test. */
  Optional<RequestContext> requestContext() {
    return context.map(Request::context);
  }

  /** {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}. */
  String describe() {
    return credentials.map(c -> DecisionText.request(request, c)).orElse(request);
  }

  /** {@code failure} about {@code subject} when there is one ({@link #failure}), else as it is. */
  static AssertionError about(Optional<Subject> subject, AssertionError failure) {
    return subject.<AssertionError>map(s -> s.failure(failure)).orElse(failure);
  }

  /**
   * AssertJ's {@code failure} about this subject, naming the statement it is about (the one that
   * decided, else the one that came closest), so that the extension can put it on the policy line.
   */
  PolicyAssertionError failure(AssertionError failure) {
    return new PolicyAssertionError(failure, decision.deciding().stream().findFirst()
        .or(() -> decision.explanation().nearMisses().stream().findFirst())
        .map(result -> result.statement().location()));
  }
}
