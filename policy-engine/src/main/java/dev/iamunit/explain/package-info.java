/**
 * Decisions in words: {@link dev.iamunit.explain.DecisionText} is the one place a
 * {@link dev.iamunit.eval.Decision} becomes text, for the assertion messages, the CLI's
 * {@code explain} and {@code evaluate --explain}, {@code @AsRole}'s trust failures and the access
 * diff's reports alike.
 */
package dev.iamunit.explain;
