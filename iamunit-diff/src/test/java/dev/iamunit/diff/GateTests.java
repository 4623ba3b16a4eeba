package dev.iamunit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.report.ReportFormat;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Gate#NEW_ACCESS} fails only on what is new in the head: an unresolved value the base
 * holds too (the same expression, wherever it is written) grants nothing new, and each value
 * is listed once, saying which versions hold it (issue 26 audit: example-repo's organization
 * diffed against itself failed, each Identity Center group listed twice).
 */
class GateTests {

  private static final String REASON = "data source aws_identitystore_group is read when Terraform plans";

  private static Unresolved group(String name, String file, int line) {
    return Unresolved.of("data.aws_identitystore_group." + name + ".group_id", SourceLocation.of(file, line, 3), REASON);
  }

  private static LoadGaps gaps(Unresolved... values) {
    return new LoadGaps(List.of(values), List.of(), java.util.Arrays.stream(values).map(LoadGaps.Gap::of).toList());
  }

  private static AccessDiff diff(LoadGaps base, LoadGaps head) {
    RequestSpace proved = new RequestSpace(1, 1, 1, 1, 1, 1, List.of(), new RequestSpace.Proof(1, List.of()), Scope.everyPrincipal(1));
    return new AccessDiff("base", "head", proved, List.of(), Duration.ZERO, base, head);
  }

  @Test
  void anUnresolvedValueTheBaseHoldsTooDoesNotFailTheGateWhereverItIsWritten() {
    // The head holds the base's value twice (a for_each over two accounts), moved to another file.
    AccessDiff diff = diff(gaps(group("developers", "main.tf", 204)),
        gaps(group("developers", "identity.tf", 12), group("developers", "identity.tf", 12)));

    assertThat(diff.newCouldGrant()).isEmpty();
    assertThat(diff.mayHaveUnseenAccess()).isFalse();
    assertThat(Gate.NEW_ACCESS.failures(diff, false)).isEmpty();
    assertThat(ReportFormat.TEXT.render(diff)).doesNotContain("Not \"no new access\"")
        .contains("Not evaluated in base base: 1 unresolved value, 0 problems\n"
            + "Not evaluated in head head: 1 unresolved value, 0 problems\n"
            + "  unresolved <unresolved: data.aws_identitystore_group.developers.group_id> at main.tf:204: " + REASON
            + " (base and head)\n");
  }

  @Test
  void anUnresolvedValueNewInTheHeadFailsTheGateOnce() {
    AccessDiff diff = diff(gaps(group("developers", "main.tf", 204)),
        gaps(group("developers", "main.tf", 204), group("admins", "main.tf", 214), group("admins", "main.tf", 214)));

    assertThat(diff.newCouldGrant()).singleElement()
        .satisfies(g -> assertThat(g.what()).startsWith("<unresolved: data.aws_identitystore_group.admins.group_id>"));
    assertThat(Gate.NEW_ACCESS.failures(diff, false))
        .containsExactly("1 thing new in the head IAMUnit could not evaluate could grant access");
    assertThat(ReportFormat.TEXT.render(diff))
        .contains("  unresolved <unresolved: data.aws_identitystore_group.admins.group_id> at main.tf:214: " + REASON + " (head)\n")
        .contains("Could grant access that no request shows (head):\n  main.tf:214: <unresolved: data.aws_identitystore_group.admins");
  }

  /** A policy left out may differ between versions under the same message: it always counts. */
  @Test
  void aGapWithoutIdentityAlwaysFailsTheGate() {
    LoadGaps leftOut = new LoadGaps(List.of(), List.of(), List.of(new LoadGaps.Gap(SourceLocation.of("main.tf", 3, 1), "left out: x")));

    assertThat(Gate.NEW_ACCESS.fails(diff(leftOut, leftOut))).isTrue();
    assertThat(Gate.NEVER.fails(diff(leftOut, leftOut))).isFalse();
  }
}
