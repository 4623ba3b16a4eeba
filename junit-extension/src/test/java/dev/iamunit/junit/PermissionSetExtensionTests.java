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

  @Test
  void aPermissionSetHoldsInEveryAccountOfAUnitAsTheRoleProvisionedInEach() {
    EngineExecutionResults results = TestKit.run(AdminPermissionSetExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
  }

  /**
   * The team sandbox's Admin may stop CloudTrail (no SCP there denies it); the training sandbox has
   * no Admin role, as Admin is not assigned to it: both are listed, neither skipped.
   */
  @Test
  void aFailureOverAccountsListsTheAccountsWhereItDoesNotHoldAndThoseWithoutThePermissionSet() {
    EngineExecutionResults results = TestKit.run(AdminPermissionSetExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "anAdministratorIsExpectedToBeDeniedInEverySandbox(IamScenario)")).matches("""
        Expecting cloudtrail:StopLogging on \\* as permission set Admin/iamunit to be explicitly denied in every account of Sandboxes, \
        but 2 of 2 were not:
          cloudtrail:StopLogging on \\* as AWSReservedSSO_Admin_[0-9a-f]{16}/iamunit in account 333333333333 \\(assumed-role session\\): \
        allowed by statement #0 \\(arn:aws:iam::aws:policy/AdministratorAccess:1\\)
          cloudtrail:StopLogging on \\* as permission set Admin/iamunit in account 444444444444: cannot be made there: permission set \
        "Admin" is not assigned to account sandbox \\(444444444444\\), so IAM Identity Center creates no role for it there; it is \
        assigned to 222222222222, 111111111111, 333333333333""");
  }

  @Test
  void aRequestMadeInNoAccountOfAUnitNeedsThePermissionSetInTheTestsAccount() {
    EngineExecutionResults results = TestKit.run(AdminPermissionSetExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "aRequestInNoAccountIsMadeInTheLoadedOne(IamScenario)")).isEqualTo(
        "@AsPermissionSet(\"Admin\"): permission set \"Admin\" is not assigned to account 999999999999 (the test's account), so IAM "
            + "Identity Center creates no role for it there; it is assigned to 222222222222, 111111111111, 333333333333 (@InAccount picks "
            + "one). The loaded sources declare Admin (assigned to 222222222222, 111111111111, 333333333333)");
  }

  /** Two accounts are named sandbox: @InAccount("sandbox") names neither, whoever the principal, and says to give the id. */
  @Test
  void anAccountNameTwoAccountsShareFailsNamingTheirIds() {
    EngineExecutionResults results = TestKit.run(AdminPermissionSetExamples.Failing.class);

    String ambiguous = "@InAccount(\"sandbox\"): \"sandbox\" names 2 accounts of the organization, sandbox (333333333333), "
        + "sandbox (444444444444): account names need not be unique, so give the id of the one you mean";
    assertThat(TestKit.failureMessage(results, "aNameTwoAccountsShareNamesNeither(IamScenario)")).isEqualTo(ambiguous);
    assertThat(TestKit.failureMessage(results, "aNameTwoAccountsShareNamesNeitherForTheRootUser(IamScenario)")).isEqualTo(ambiguous);
  }
}
