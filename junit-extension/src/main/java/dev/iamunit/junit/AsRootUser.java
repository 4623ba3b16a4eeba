package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The requests of the test are made by the root user of the account the templates deploy into,
 * {@code arn:aws:iam::ACCOUNT:root} ({@link IamTest#accountId()}). In its own account the root user
 * "has full access" without any policy (IAM User Guide, Policy evaluation logic), but the
 * organization's SCPs and RCPs and the explicit denies of resource-based policies still bind it,
 * a KMS key policy must still allow it, and another account's resources need that account's
 * resource-based policy. So {@code @AsRootUser} is how a test says "not even root may stop
 * CloudTrail": {@code assertThat(scenario.request("cloudtrail:StopLogging")).isDenied()}.
 *
 * <p>Composable like {@link AsUser}: a project can declare {@code @AsRootUser @WithMFA} on its own
 * annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface AsRootUser {}
