package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link AsPermissionSet} through the Jupiter engine. */
class PermissionSetExtensionTests {

  @Test
  void actsAsTheRoleIamIdentityCenterProvisionsInTheTestsAccount() {
    EngineExecutionResults results = TestKit.run(PermissionSetExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
  }

  @Test
  void aPermissionSetNotAssignedToTheAccountFailsListingWhereEachIsAssigned() {
    EngineExecutionResults results = TestKit.run(PermissionSetExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "auditorsAreNotAssignedToProd(IamScenario)")).isEqualTo(
        "@AsPermissionSet(\"Auditors\"): permission set \"Auditors\" is not assigned to account 111111111111 (the test's account), "
            + "so IAM Identity Center creates no role for it there; it is assigned to 222222222222 (@InAccount picks one). The loaded sources declare "
            + "Developers (assigned to 111111111111), Auditors (assigned to 222222222222)");
    assertThat(TestKit.failureMessage(results, "noPermissionSetIsCalledAdmins(IamScenario)")).isEqualTo(
        "@AsPermissionSet(\"Admins\"): the loaded sources declare no permission set \"Admins\"; they declare "
            + "Developers (assigned to 111111111111), Auditors (assigned to 222222222222)");
    assertThat(TestKit.failureMessage(results, "aPermissionSetAndARoleContradictEachOther(IamScenario)")).startsWith(
        "@AsRole and @AsPermissionSet are both declared on method Failing.aPermissionSetAndARoleContradictEachOther()");
  }
}
