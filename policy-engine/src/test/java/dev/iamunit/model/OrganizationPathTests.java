package dev.iamunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a path is written: names split at each unescaped /, \/ and \\ inside a name; and how a path is printed back. */
class OrganizationPathTests {

  private static final SourceLocation AT = SourceLocation.of("org.tf", 1, 1);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "Workloads|[Workloads]",
      "Workloads/Prod|[Workloads, Prod]",
      "Root/Workloads|[Root, Workloads]",
      "Team A\\/B/C|[Team A/B, C]",
      "back\\\\/slash|[back\\, slash]",
      "a\\b|[a\\b]",
      "trailing/|[trailing, ]"})
  void stepsSplitAtEachUnescapedSlash(String text, String steps) {
    assertThat(OrganizationPath.steps(text)).hasToString(steps);
  }

  /** The path printed is one a user can write back: each name escaped, Root/ before a name directly under the root. */
  @Test
  void aPathPrintsAsItIsWrittenAndParsesBackToItself() {
    OrganizationTree tree = new OrganizationTree("r-1", Optional.empty(), OrganizationTree.ScpRule.AWS_DEFAULT, false,
        List.of(new OrganizationTree.Unit("ou-w", "Work/loads", "r-1", AT), new OrganizationTree.Unit("ou-p", "Prod\\", "ou-w", AT)),
        List.of(new OrganizationTree.Member("111111111111", "prod", "ou-p", AT), new OrganizationTree.Member("222222222222", "top", "r-1", AT),
            new OrganizationTree.Member("333333333333", "lost", "ou-gone", AT)),
        List.of(), AT);

    assertThat(OrganizationPath.of(tree, "ou-w")).map(Object::toString).contains("Root/Work\\/loads");
    assertThat(OrganizationPath.of(tree, "111111111111")).map(Object::toString).contains("Work\\/loads/Prod\\\\/prod");
    assertThat(OrganizationPath.of(tree, "222222222222")).map(Object::toString).contains("Root/top");
    assertThat(OrganizationPath.of(tree, "333333333333")).isEmpty();
    assertThat(OrganizationPath.of(tree, "r-1")).isEmpty();
    for (String id : List.of("ou-w", "ou-p")) {
      OrganizationPath path = OrganizationPath.of(tree, id).orElseThrow();
      assertThat(OrganizationPath.parse(path.toString(), tree).orElseThrow().units(tree)).extracting(OrganizationTree.Unit::id).containsExactly(id);
    }
    OrganizationPath prod = OrganizationPath.of(tree, "111111111111").orElseThrow();
    assertThat(OrganizationPath.parse(prod.toString(), tree).orElseThrow().accounts(tree)).extracting(OrganizationTree.Member::id)
        .containsExactly("111111111111");
  }

  @Test
  void aBareNameIsNoPath() {
    OrganizationTree tree = new OrganizationTree("r-1", Optional.empty(), OrganizationTree.ScpRule.AWS_DEFAULT, false, List.of(), List.of(),
        List.of(), AT);

    assertThat(OrganizationPath.parse("Workloads", tree)).isEmpty();
    assertThat(OrganizationPath.parse("Team A\\/B", tree)).isEmpty();
    assertThat(OrganizationPath.parse("Root/Workloads", tree)).map(OrganizationPath::names).contains(List.of("Workloads"));
  }
}
