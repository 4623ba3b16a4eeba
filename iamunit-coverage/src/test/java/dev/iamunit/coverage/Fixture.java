package dev.iamunit.coverage;

import dev.iamunit.eval.Decision;
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

/**
 * The small template of the report tests ({@code fixture/policies/ec2.json}): AllowEc2 (line 4),
 * DenyRunWithoutMfa (line 10, one condition) and an unnamed s3 Allow (line 19) no test reaches.
 */
final class Fixture {

  static final Path SOURCE_ROOT = Path.of("src/test/resources/fixture");
  static final String FILE = "policies/ec2.json";
  static final String USER = "arn:aws:iam::111122223333:user/alice";

  private Fixture() {}

  static Policy policy() {
    try {
      return PolicyParser.parse(Files.readString(SOURCE_ROOT.resolve(FILE)), FILE, PolicyKind.IDENTITY, "Ec2Access");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicySet policySet() {
    return PolicySet.ofIdentity(policy());
  }

  static Decision evaluate(PolicySet set, String action, boolean withMfa) {
    return Evaluator.standard().explain(request(action, withMfa), set);
  }

  static Request request(String action, boolean withMfa) {
    RequestContext.Builder context = RequestContext.builder().put("aws:username", "alice")
        .put("aws:CurrentTime", java.time.Instant.now().toString());
    if (withMfa) {
      context.put("aws:MultiFactorAuthPresent", "true");
    }
    return Request.of(USER, action, "*", context.build());
  }

  /**
   * The three decisions of the fixture run: RunInstances without MFA (denied by
   * DenyRunWithoutMfa, AllowEc2 overridden), with MFA (allowed by AllowEc2, the condition false),
   * and DescribeInstances (allowed by AllowEc2; the Deny's action does not match).
   */
  static CoverageRecorder recordedRun() {
    CoverageRecorder recorder = new CoverageRecorder();
    PolicySet set = policySet();
    recorder.recordInventory(java.util.List.of(set.policies().get(0)));
    recorder.record(set, evaluate(set, "ec2:RunInstances", false), "Ec2Tests.runWithoutMfaIsDenied");
    recorder.record(set, evaluate(set, "ec2:RunInstances", true), "Ec2Tests.runWithMfaIsAllowed");
    recorder.record(set, evaluate(set, "ec2:DescribeInstances", false), "Ec2Tests.describeIsAllowed");
    return recorder;
  }

  static CoverageAnalysis analysis() {
    return CoverageAnalysis.of(recordedRun().snapshot());
  }
}
