package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One decision a test made, as the decision log keeps it ({@link CoverageRecorder#withDecisionLog()}):
 * enough to compare what two runs of a suite decided, test by test, without their timing.
 *
 * @param testId the test that asked
 * @param request the credential kind, action, resource, principal and context of the request; the
 *     wall-clock keys ({@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:TokenIssueTime})
 *     are left out, since they differ between two runs of the same test
 * @param outcome what was decided
 * @param deciding the ids ({@link StatementKey#id()}) of the deciding statements, sorted
 */
@API(status = EXPERIMENTAL)
public record RecordedDecision(String testId, String request, Outcome outcome, List<String> deciding)
    implements Comparable<RecordedDecision> {

  private static final Set<String> WALL_CLOCK_KEYS = Set.of("aws:currenttime", "aws:epochtime", "aws:tokenissuetime");

  private static final Comparator<RecordedDecision> ORDER = Comparator.comparing(RecordedDecision::testId)
      .thenComparing(RecordedDecision::request)
      .thenComparing(RecordedDecision::outcome)
      .thenComparing(d -> String.join(" ", d.deciding()));

  public RecordedDecision {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    deciding = deciding.stream().sorted().toList();
  }

  /**
   * The log entry of a decision {@code testId} made for {@code request}: its outcome, and the keys
   * of its deciding statements as reports name them ({@link StatementKey#as}).
   */
  static RecordedDecision of(String testId, Request request, Outcome outcome, List<StatementKey> deciding) {
    return new RecordedDecision(testId, describe(request), outcome, deciding.stream().map(StatementKey::id).distinct().toList());
  }

  private static String describe(Request request) {
    String context = request.context().entries().stream()
        .filter(entry -> !WALL_CLOCK_KEYS.contains(RequestContext.normalize(entry.key())))
        .map(entry -> entry.key() + "=" + entry)
        .sorted()
        .collect(Collectors.joining(", ", "{", "}"));
    return request.credentials() + " " + request + request.resourceAccount().map(a -> " in " + a).orElse("") + " " + context;
  }

  /** Test, then request, then outcome: the order of a log, whatever order the threads recorded in. */
  @Override
  public int compareTo(RecordedDecision other) {
    return ORDER.compare(this, other);
  }
}
