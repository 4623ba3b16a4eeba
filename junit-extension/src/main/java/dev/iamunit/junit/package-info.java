/**
 * IAMUnit's JUnit Jupiter face: {@link dev.iamunit.junit.IamTest} names the templates, the
 * scenario annotations ({@link dev.iamunit.junit.AsUser}, {@link dev.iamunit.junit.WithoutMFA},
 * ...) say who asks and how, and an injected {@link dev.iamunit.junit.IamScenario} builds the
 * requests that {@code dev.iamunit.assertj.IamAssertions} checks.
 *
 * <p>Scenario annotations are allowed on test classes, test methods and other annotations; the
 * closest declaration wins: the method's over its class's, a class's over its enclosing class's.
 * Two annotations of one kind on one element (such as {@code @AsUser} and {@code @AsRole}) are an
 * error that names both.
 *
 * <p>Without an MFA annotation a user's requests carry what the AWS CLI sends with an IAM user's
 * long-term access keys: no {@code aws:MultiFactorAuthPresent} key at all; a role session's
 * requests carry {@code aws:MultiFactorAuthPresent=false}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
