/**
 * AssertJ assertions on IAM requests and decisions: {@link dev.iamunit.assertj.IamAssertions} is
 * the entry point, {@link dev.iamunit.assertj.IamSoftAssertions} collects every failure of a test.
 * Failures say what was expected, what AWS decided, by which statements at which file and line,
 * and which statements came close and why.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
