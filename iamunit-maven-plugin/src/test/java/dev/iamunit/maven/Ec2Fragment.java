package dev.iamunit.maven;

import dev.iamunit.coverage.CoverageRecorder;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A project with {@code iam/ec2.json} (two Allow statements) and one test's fragment: AllowDescribe covered, AllowRun missed. */
final class Ec2Fragment {

  static final String TEMPLATE = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Sid": "AllowDescribe", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
          {"Sid": "AllowRun", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}
        ]
      }
      """;

  private Ec2Fragment() {}

  /** Writes the template and the fragment into {@code project}; returns the fragment's folder, {@code target/iamunit}. */
  static Path record(Path project) {
    try {
      Files.createDirectories(project.resolve("iam"));
      Files.writeString(project.resolve("iam/ec2.json"), TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Policy policy = PolicyParser.parse(TEMPLATE, "iam/ec2.json", PolicyKind.IDENTITY, "Ec2");
    PolicySet set = PolicySet.ofIdentity(policy);
    CoverageRecorder recorder = new CoverageRecorder();
    recorder.recordInventory(List.of(policy));
    Request describe = Request.of("arn:aws:iam::111122223333:user/bob", "ec2:DescribeInstances", "*", RequestContext.empty());
    recorder.record(set, Evaluator.standard().explain(describe, set), "Ec2Tests.describe");
    Path data = project.resolve("target/iamunit");
    recorder.writeFragment(data);
    return data;
  }
}
