package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.StatementResult;
import dev.iamunit.junit.ExpectedDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the decision of one request, which may have been evaluated under several kinds of
 * credentials ({@code @WithoutMFA}): each assertion must hold under every one of them.
 *
 * @param <SELF> the concrete assertion type, for chaining
 * @param <ACTUAL> the type asserted on
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AbstractDecisionAssert<SELF extends AbstractDecisionAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  private String expected = "decided";

  protected AbstractDecisionAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The decision under each kind of credentials. */
  abstract List<Subject> subjects();

  /** Verifies that AWS allows the request. */
  public SELF isAllowed() {
    return isDecidedAs(ExpectedDecision.ALLOWED);
  }

  /** Verifies that AWS denies the request, explicitly or implicitly. */
  public SELF isDenied() {
    return isDecidedAs(ExpectedDecision.DENIED);
  }

  /** Verifies that a Deny statement applies to the request. */
  public SELF isExplicitlyDenied() {
    return isDecidedAs(ExpectedDecision.EXPLICITLY_DENIED);
  }

  /** Verifies that no Deny applies and that nothing allows the request. */
  public SELF isImplicitlyDenied() {
    return isDecidedAs(ExpectedDecision.IMPLICITLY_DENIED);
  }

  /** Verifies the decision a table row expects, as with {@code @PolicyCases}. */
  public SELF isDecidedAs(ExpectedDecision decision) {
    isNotNull();
    expected = decision.description();
    List<Subject> subjects = subjects();
    if (decision != ExpectedDecision.ALLOWED) {
      for (Subject subject : subjects) {
        if (subject.decision().outsidePolicies().isPresent()) {
          fail(subject, ShouldNotBeOutsidePolicies.shouldNotBeOutsidePolicies(subject, expected));
        }
      }
    }
    List<Subject> failing = subjects.stream().filter(s -> !decision.matches(s.decision().outcome())).toList();
    if (failing.isEmpty()) {
      return myself;
    }
    if (failing.size() < subjects.size()) {
      fail(failing.get(0), ShouldNotDependOnCredentials.shouldNotDependOnCredentials(subjects, expected));
    }
    Subject subject = failing.get(0);
    fail(subject, switch (decision) {
      case ALLOWED -> ShouldBeAllowed.shouldBeAllowed(subject);
      case DENIED -> ShouldBeDenied.shouldBeDenied(subject);
      case EXPLICITLY_DENIED -> ShouldBeExplicitlyDenied.shouldBeExplicitlyDenied(subject);
      case IMPLICITLY_DENIED -> ShouldBeImplicitlyDenied.shouldBeImplicitlyDenied(subject);
    });
    return myself;
  }

  /** Verifies that the statement with this Sid is among those that decided. */
  public SELF by(String sid) {
    return decidedBy("statement " + sid, r -> r.statement().sid().filter(sid::equals).isPresent());
  }

  /**
   * Verifies that the statement written at {@code fileAndLine} ({@code terraform/iam.tf:12}, or
   * its end such as {@code iam.tf:12}) is among those that decided.
   */
  public SELF byStatementAt(String fileAndLine) {
    return decidedBy("the statement at " + fileAndLine, r -> isAt(r, fileAndLine));
  }

  /** Verifies that the statement with this Sid is not among those that decided. */
  public SELF notBy(String sid) {
    isNotNull();
    for (Subject subject : subjects()) {
      if (subject.decision().deciding().stream().anyMatch(r -> r.statement().sid().filter(sid::equals).isPresent())) {
        fail(subject, ShouldNotBeDecidedBy.shouldNotBeDecidedBy(subject, "statement " + sid));
      }
    }
    return myself;
  }

  /** Verifies that each statement, by Sid (or by name for one without Sid), applied. */
  public SELF hasMatchedStatements(String... sids) {
    isNotNull();
    for (Subject subject : subjects()) {
      List<String> applied = subject.decision().explanation().applied().stream()
          .map(r -> r.statement().displayName()).distinct().toList();
      List<String> missing = new ArrayList<>(Arrays.asList(sids));
      missing.removeAll(applied);
      if (!missing.isEmpty()) {
        fail(subject, ShouldHaveMatchedStatements.shouldHaveMatchedStatements(
            subject, List.of(sids), missing, applied));
      }
    }
    return myself;
  }

  private SELF decidedBy(String statement, Predicate<StatementResult> matches) {
    isNotNull();
    for (Subject subject : subjects()) {
      if (subject.decision().deciding().stream().noneMatch(matches)) {
        fail(subject, ShouldBeDecidedBy.shouldBeDecidedBy(subject, expected, statement));
      }
    }
    return myself;
  }

  /** Fails as AssertJ does (description, stack trace), naming the statement the failure is about. */
  private void fail(Subject subject, String message) {
    try {
      failWithMessage("%s", message);
    } catch (AssertionError failure) {
      throw subject.failure(failure);
    }
  }

  private static boolean isAt(StatementResult result, String fileAndLine) {
    String actual = result.statement().location().fileAndLine().replace('\\', '/');
    String wanted = fileAndLine.replace('\\', '/');
    return actual.equals(wanted) || actual.endsWith("/" + wanted);
  }
}
