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
 * The request is made to this region: {@code aws:RequestedRegion}. It must be a Region of the
 * partition of the account whose principal asks ({@code cn-north-1} for an account in {@code
 * aws-cn}): "You cannot use IAM credentials from one partition to interact with resources in a
 * different partition" (AWS Fault Isolation Boundaries, Partitions), so a Region of another
 * partition fails the test, naming both partitions.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface InRegion {

  /** A region code, such as {@code eu-west-1}. */
  String value();
}
