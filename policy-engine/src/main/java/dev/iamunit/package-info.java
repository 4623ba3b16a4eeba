/** IAMUnit: unit tests for AWS IAM policies. */
package dev.iamunit;
