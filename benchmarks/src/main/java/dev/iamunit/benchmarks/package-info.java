/**
 * JMH benchmarks of the evaluator and the policy parser, and the case writer that feeds
 * {@code benchmarks/compare}. Not a library: nothing here is installed or deployed.
 */
package dev.iamunit.benchmarks;
