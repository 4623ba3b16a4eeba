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
 * The caller has no MFA, in every way AWS allows that. For a user, each request is evaluated twice:
 * as a console sign-in without MFA ({@code aws:MultiFactorAuthPresent} is {@code false}) and with
 * long-term access keys (the key is absent). An assertion passes only if it holds for both;
 * otherwise it fails saying the decision depends on the credential kind, with both explanations.
 * This is how a {@code Bool} condition that should be {@code BoolIfExists} shows. A role session
 * always carries the key, as {@code false}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface WithoutMFA {}
