package dev.iamunit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.space.ActionRegions;
import dev.iamunit.eval.space.ApplicablePolicies;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.eval.space.RequestRegions;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Role;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26's scale case for the trust actions: the 3,000 roles of {@link ManyRolesRepository},
 * each trusting EC2 with the same trust policy, are not 9,000 regions of {@code sts:AssumeRole}
 * (past {@code RequestRegions.MAX_RESOURCES}, which made the class a sample) but a few, proved:
 * their names differ in length only, as the other tests see them, so one role of each length
 * stands for the rest. A role whose trust policy differs is asked through itself.
 */
class ManyRolesTrustTests {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static Account head;

  @BeforeAll
  static void load(@TempDir Path folder) {
    ManyRolesRepository.write(folder, 3000);
    head = SourceFormats.standard().load(List.of(folder.resolve("head")), LoadOptions.defaults()).account();
  }

  private static ActionRegions assumeRole(Account account) {
    Caller caller = Caller.roleSession(account, ManyRolesRepository.CHANGED, "ci");
    List<Account> accounts = List.of(account);
    RequestRegions space = RequestRegions.of(accounts, PolicyStatement.of(ApplicablePolicies.of(List.of(caller), accounts)), AwsData.bundled());
    List<String> seeds = account.roles().values().stream().map(Role::arn).toList();
    return space.regions("sts:AssumeRole", List.of(caller.context(CredentialKind.ASSUMED_ROLE, NOW)), seeds);
  }

  @Test
  void assumingAnyOfThreeThousandRolesThatTrustEc2AlikeIsProvedInAFewRegions() {
    assertThat(head.roles()).hasSize(3000);

    ActionRegions regions = assumeRole(head);

    assertThat(regions.complete()).as("%s", regions.gaps()).isTrue();
    // The principal's account, no account, another; and per length of name (team-0, team-10,
    // team-100, team-1000: no other test reads their characters) the role's ARN, under another
    // partition and under a path. 15 where each role was three regions of its own (9,003).
    assertThat(regions.resources()).hasSize(15);
    // The group is asked through real roles; the role ARNs that name no role are a region of their own.
    String prefix = "arn:aws:iam::" + head.id() + ":role/";
    List<String> named = regions.resources().stream().map(ActionRegions.Target::resource).filter(r -> r.startsWith(prefix))
        .map(r -> r.substring(prefix.length())).toList();
    assertThat(named).anyMatch(n -> head.role(n).isPresent()).anyMatch(n -> head.role(n).isEmpty());
  }

  @Test
  void aRoleWhoseTrustPolicyDiffersIsAskedThroughItself() {
    Role team42 = head.role("team-42").orElseThrow();
    Role changed = new Role(team42.name(), team42.path(), team42.arn(), Optional.of(PolicyParser.parse("{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + head.id() + ":root\"},\"Action\":\"sts:AssumeRole\"}]}",
        "trust.json", PolicyKind.TRUST, "trust")), team42.tags(), team42.inlinePolicies(), team42.managedPolicyArns(),
        team42.permissionsBoundaryArn(), team42.location(), team42.existence());

    ActionRegions regions = assumeRole(head.toBuilder().role(changed).build());

    assertThat(regions.complete()).as("%s", regions.gaps()).isTrue();
    // Three more: team-42's own group, asked through team-42.
    assertThat(regions.resources()).hasSize(18).extracting(ActionRegions.Target::resource).contains(team42.arn());
  }
}
