package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A StackSet's role asked about in one of its accounts, on iac-loaders' {@code stack-sets.yaml}:
 * AuditRoles deploys the role audit-readonly (inline policy ReadTrails) to prod 111111111111 and dev
 * 222222222222. The test kit runs it with the repository as the project root ({@link #PROJECT_ROOT}),
 * since a stack set's local {@code TemplateURL} is read only inside the project.
 */
class StackSetExamples {

  /** The project root the examples' paths are relative to, from this module's folder. */
  static final String PROJECT_ROOT = "..";

  @Examples
  @IamTest(cloudFormation = "iac-loaders/src/test/resources/stack-sets/cloudformation/stack-sets.yaml", accountId = "111111111111")
  static class AuditedInProdOnly {

    @Test
    @AsRole("audit-readonly")
    @InAccount("111111111111")
    void prodsAuditorReadsTheTrails(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:DescribeTrails")).isAllowed().by("ReadTrails");
    }
  }
}
