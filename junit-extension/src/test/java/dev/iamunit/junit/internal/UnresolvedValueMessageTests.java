package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a test author gives a value a decision needs: only names @IamTest(parameters) can give. */
class UnresolvedValueMessageTests {

  private static final SourceLocation AT = SourceLocation.of("template.yaml", 12, 7);

  @Test
  void parametersAndVariablesAreGivenInTheTestOtherValuesCanOnlyBeAvoided() {
    Unresolved parameter = Unresolved.of("Ref BucketName", AT, "parameter BucketName has no Default and was given no value");
    Unresolved variable = Unresolved.of("var.bucket", AT, "variable \"bucket\" has no default and was given no value");
    Unresolved resource = Unresolved.of("Ref Queue", AT, "the queue's URL is known only once it is created");
    Unresolved moduleVariable = Unresolved.of("module.logs.var.bucket", AT, "variable \"bucket\" has no default and was given no value");

    assertThat(UnresolvedValueMessage.parameterName(parameter)).isEqualTo("BucketName");
    assertThat(UnresolvedValueMessage.parameterName(variable)).isEqualTo("bucket");
    assertThat(UnresolvedValueMessage.parameterName(resource)).isNull();
    assertThat(UnresolvedValueMessage.parameterName(moduleVariable)).isNull();

    assertThat(UnresolvedValueMessage.of("s3:GetObject on arn:aws:s3:::b/k as bob (long-term access keys)",
        List.of(parameter, variable, resource))).isEqualTo("""
        s3:GetObject on arn:aws:s3:::b/k as bob (long-term access keys) cannot be evaluated: its decision depends on values \
        IAMUnit could not compute
          <unresolved: Ref BucketName> at template.yaml:12:7: parameter BucketName has no Default and was given no value
          <unresolved: var.bucket> at template.yaml:12:7: variable "bucket" has no default and was given no value
          <unresolved: Ref Queue> at template.yaml:12:7: the queue's URL is known only once it is created
        Give them in the test: @IamTest(parameters = {"BucketName=...", "bucket=..."})
        No parameter gives <unresolved: Ref Queue>: test a request whose decision does not depend on it""");
  }
}
