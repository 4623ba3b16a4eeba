package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.SpaceSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on everything a scenario's principal can do; create them with {@link
 * IamAssertions#assertThat(IamScenario)}: {@code
 * assertThat(scenario).asOfCatalog("src/test/iam/aws-actions.txt").mayOnly("iam:*MFA*", "iam:List*")}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class IamScenarioAssert extends AbstractAssert<IamScenarioAssert, IamScenario> {

  private Optional<Path> catalog = Optional.empty();

  public IamScenarioAssert(IamScenario actual) {
    super(actual, IamScenarioAssert.class);
  }

  /**
   * The list of AWS's actions the test was written against: a file in the project (relative to
   * {@link IamScenario#projectRoot()}, as the sources are), one action a line, which IAMUnit writes with the bundled catalog
   * when it does not exist; commit it. Then {@link #mayOnly} tells an allowed action that AWS added
   * to its catalog since ("catalog drift") from one the test missed. It changes the message only:
   * either fails the test.
   */
  public IamScenarioAssert asOfCatalog(String snapshotFile) {
    catalog = Optional.of(Path.of(snapshotFile));
    return myself;
  }

  /**
   * Verifies that the principal may use no action but those {@code actionPatterns} name ({@code
   * iam:CreateVirtualMFADevice}, {@code iam:List*}), proved over the complete request space
   * ({@link IamScenario#allowedRequestsExcept}): every action of the bundled catalog, every region
   * of resources and context values, each kind of credentials of the scenario. A failure names each
   * allowed request with its context and the statement that allows it; where part of the space
   * could only be sampled, the assertion fails too, saying which part: it never passes on a sample.
   */
  public IamScenarioAssert mayOnly(String... actionPatterns) {
    isNotNull();
    List<String> patterns = List.of(actionPatterns);
    SpaceSearch search = actual.allowedRequestsExcept(patterns);
    String who = actual.principal().map(Object::toString).orElse("the scenario's principal");
    Optional<CatalogSnapshot> snapshot = catalog.map(file -> CatalogSnapshot.at(actual.projectRoot().resolve(file), file));
    List<Subject> offenders = new ArrayList<>();
    List<ShouldOnlyBeAllowed.Drift> drift = new ArrayList<>();
    for (SpaceSearch.Allowed allowed : search.allowed()) {
      Subject subject = Subject.of(allowed);
      List<String> added = snapshot.map(s -> allowed.actions().stream().filter(a -> !s.knows(a)).toList()).orElse(List.of());
      // Drift only when every action of the request is new: otherwise the test was wrong when written.
      if (!added.isEmpty() && added.size() == allowed.actions().size()) {
        drift.add(new ShouldOnlyBeAllowed.Drift(added, subject));
      } else {
        offenders.add(subject);
      }
    }
    if (!offenders.isEmpty() || !drift.isEmpty()) {
      Subject first = offenders.isEmpty() ? drift.get(0).subject() : offenders.get(0);
      fail(ShouldOnlyBeAllowed.shouldOnlyBeAllowed(who, patterns, search.actions(), search.requests(), offenders, drift,
          snapshot.map(CatalogSnapshot::describe).orElse(""), snapshot.map(CatalogSnapshot::version).orElse("")), Optional.of(first));
    }
    if (!search.proved()) {
      fail(ShouldBeProved.shouldBeProved(who + " may only use " + String.join(", ", patterns), search.sampled()), Optional.empty());
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
}
