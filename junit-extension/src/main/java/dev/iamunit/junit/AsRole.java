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
 * The requests of the test are made by a session of the IAM role {@code value}: the principal is
 * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} and {@code aws:PrincipalArn} is the
 * role's ARN. When {@link #assumedBy()} names a user, the role's trust policy must allow that user
 * {@code sts:AssumeRole}, or the test fails before its first request.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface AsRole {

  /** The role name as the templates declare it. */
  String value();

  /** The role session name, {@code aws:RoleSessionName}. */
  String session() default "iamunit";

  /** The IAM user who assumes the role; empty to not check the trust policy. */
  String assumedBy() default "";
}
