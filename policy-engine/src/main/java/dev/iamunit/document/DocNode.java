package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import org.apiguardian.api.API;

/**
 * A policy document as a tree of JSON-like values that remember where they were written. JSON
 * files, CloudFormation YAML and Terraform's {@code aws_iam_policy_document} all become this tree,
 * so that one parser turns each of them into a {@link dev.iamunit.model.Policy}.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface DocNode permits DocObject, DocArray, DocScalar, DocUnresolved {

  SourceLocation location();

  /** How the node reads in an error message: "an object", "the string \"x\"". */
  String describe();
}
