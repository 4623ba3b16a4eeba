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
 * Adds a key to the request context, or replaces the value the caller's credentials give it. One
 * value makes a single-valued key; several make a multivalued one. For a key declared at several
 * levels, the closest declaration wins.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
@Repeatable(WithContexts.class)
public @interface WithContext {

  /** The condition key, such as {@code aws:SourceVpc}. */
  String key();

  /** Its values. */
  String[] value();
}
