package com.example.iam;

import dev.iamunit.junit.WithoutMFA;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The state every MFA policy guards against: a user who has not signed in with MFA, whether
 * through the console (aws:MultiFactorAuthPresent = false) or with long-term access keys (key
 * absent). Composed from IAMUnit's own annotations.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@WithoutMFA
@interface SignedInWithoutMfa {}
