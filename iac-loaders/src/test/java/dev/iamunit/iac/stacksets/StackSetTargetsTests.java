package dev.iamunit.iac.stacksets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.internal.StackSets;
import dev.iamunit.model.SourceLocation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which accounts a stack set deploys to: "INTERSECTION: ... Only accounts that are both specified
 * in the Accounts property and belong to the specified OUs", "DIFFERENCE: ... all accounts in the
 * selected OUs except for specific accounts listed in the Accounts property", "UNION: ... the
 * specified OUs plus additional individual accounts ... the default value if AccountFilterType is
 * not provided", "NONE: ... all accounts in the specified organizational units"; "CloudFormation
 * doesn't deploy stack instances to the organization management account" (CloudFormation API
 * Reference, DeploymentTargets). The organization: r-root holds ou-work (prod 111, dev 222, and
 * ou-nested with 444) and sandbox 333; 999 is the management account.
 */
class StackSetTargetsTests {

  private static final Map<String, Set<String>> UNDER = Map.of(
      "r-root", Set.of("111", "222", "333", "444", "999"),
      "ou-work", Set.of("111", "222", "444"),
      "ou-nested", Set.of("444"));

  @ParameterizedTest(name = "{0} OUs [{1}] accounts [{2}] {3}: {4}")
  @CsvSource(delimiter = '|', value = {
      "SERVICE_MANAGED | ou-work   |         |              | 111 222 444",
      "SERVICE_MANAGED | ou-work   | 333     |              | 111 222 333 444",  // UNION by default
      "SERVICE_MANAGED | ou-work   | 333     | UNION        | 111 222 333 444",
      "SERVICE_MANAGED | ou-work   | 333     | NONE         | 111 222 444",
      "SERVICE_MANAGED | ou-work   | 111 333 | INTERSECTION | 111",
      "SERVICE_MANAGED | ou-work   | 222     | DIFFERENCE   | 111 444",
      "SERVICE_MANAGED | ou-nested |         |              | 444",
      "SERVICE_MANAGED | r-root    |         |              | 111 222 333 444",  // not the management account
      "SELF_MANAGED    |           | 111 999 |              | 111 999",          // a self-managed one deploys where it says
  })
  void targetsAreTheOusAccountsRefinedByTheFilter(String model, String units, String accounts, String filter, String expected) {
    StackSets.DeploymentTargets group = new StackSets.DeploymentTargets(words(accounts), words(units), Optional.ofNullable(filter),
        SourceLocation.UNKNOWN);

    StackSets.Targets targets = StackSets.targets(model.equals("SERVICE_MANAGED"), List.of(group),
        id -> Optional.ofNullable(UNDER.get(id)), Optional.of("999"));

    assertThat(targets.accountIds()).containsExactlyInAnyOrderElementsOf(words(expected));
    assertThat(targets.unknown()).isEmpty();
  }

  @ParameterizedTest(name = "an OU not declared: {0}")
  @CsvSource({"ou-elsewhere"})
  void anOuTheSourcesDoNotDeclareIsReported(String unit) {
    StackSets.Targets targets = StackSets.targets(true, List.of(new StackSets.DeploymentTargets(List.of(), List.of("ou-work", unit),
        Optional.empty(), SourceLocation.UNKNOWN)), id -> Optional.ofNullable(UNDER.get(id)), Optional.empty());

    assertThat(targets.accountIds()).containsExactlyInAnyOrder("111", "222", "444");
    assertThat(targets.unknown()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("the stack set deploys to the accounts "
        + "of ou-elsewhere, which is neither the root nor an OU of an organization the loaded sources declare"));
  }

  private static List<String> words(String text) {
    return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }
}
