package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.space.TextRegions;
import dev.iamunit.eval.space.TextTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patterns the request space asks apart ({@link Evaluator#protectedResources}) are what the
 * refusal protects: a change is refused on a resource exactly when a pattern matches it, and a
 * read never is. "You cannot change the permissions defined in AWS managed policies" (IAM User
 * Guide, AWS managed policies); the roles under /aws-reserved/ "you can't modify them in IAM" (IAM
 * Identity Center User Guide, Service-linked roles / permission sets); AWS managed key aliases
 * under alias/aws/: "you cannot create, update or delete" them (AWS KMS Developer Guide, Aliases).
 */
class ProtectedResourcesTests {

  private static final RequestContext NONE = RequestContext.builder().build();

  @ParameterizedTest(name = "{0} on {1}: refused {2}")
  @CsvSource(delimiter = '|', textBlock = """
      iam:CreatePolicyVersion | arn:aws:iam::aws:policy/ReadOnlyAccess                                          | true
      iam:GetPolicyVersion    | arn:aws:iam::aws:policy/ReadOnlyAccess                                          | false
      iam:CreatePolicyVersion | arn:aws:iam::123456789012:policy/ReadOnlyAccess                                 | false
      iam:UpdateRole          | arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_A_1 | true
      iam:GetRole             | arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_A_1 | false
      iam:UpdateRole          | arn:aws:iam::123456789012:role/team/aws-reserved/x                              | false
      iam:UpdateRole          | arn:aws:iam::123456789012:role/deploy                                           | false
      kms:DeleteAlias         | arn:aws:kms:eu-west-1:123456789012:alias/aws/s3                                 | true
      kms:DeleteAlias         | arn:aws:kms:eu-west-1:123456789012:alias/app/s3                                 | false
      kms:ListAliases         | arn:aws:kms:eu-west-1:123456789012:alias/aws/s3                                 | false
      """)
  void aChangeIsRefusedExactlyWhereAPatternTheSpaceAsksMatches(String action, String resource, boolean refused) {
    Request request = Request.of("arn:aws:iam::123456789012:user/dev", action, resource, NONE);
    List<TextTest> patterns = Evaluator.protectedResources().stream().map(p -> TextTest.glob(p, TextTest.Mode.ARN_PARTS)).toList();

    boolean matched = !TextRegions.answers(patterns, resource).isEmpty();

    assertThat(ProtectedResources.refusal(request).isPresent()).isEqualTo(refused);
    assertThat(Evaluator.mayRefuseChanges(action) && matched).isEqualTo(refused);
  }
}
