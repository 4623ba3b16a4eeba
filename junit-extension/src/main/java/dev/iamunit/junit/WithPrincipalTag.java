package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import java.lang.annotation.Repeatable;

/**
 * Gives the caller a principal tag in addition to those the templates declare:
 * {@code aws:PrincipalTag/KEY} and a member of {@code aws:PrincipalTagKeys}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
@Repeatable(WithPrincipalTags.class)
public @interface WithPrincipalTag {

  String key();

  String value();
}
