package dev.iamunit.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.RequestContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The allocation-free helpers of the evaluator's hot path answer exactly what the code they
 * replaced answered: {@code toLowerCase(Locale.ROOT)} comparisons and {@link Arns#split}.
 */
class HotPathHelpersTests {

  @ParameterizedTest
  @ValueSource(strings = {"sts:GetCallerIdentity", "STS:GETCALLERIDENTITY", "sts:getcalleridentit", "sts:GetCallerİdentity",
      "\u212Ats:x", "", "sts:AssumeRole", "sts:AssumeRoleWithSAML", "İam:x", "iam:ListUsers"})
  void caseInsensitiveAnswersAsToLowerCaseDoes(String text) {
    for (String lower : new String[] {"sts:getcalleridentity", "sts:assumerole", "iam:", "kts:x", "sts:"}) {
      assertThat(CaseInsensitive.equals(text, lower)).as(text + " = " + lower).isEqualTo(text.toLowerCase(Locale.ROOT).equals(lower));
      assertThat(CaseInsensitive.startsWith(text, lower)).as(text + " starts " + lower)
          .isEqualTo(text.toLowerCase(Locale.ROOT).startsWith(lower));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"arn:aws:kms:us-east-1:111122223333:key/1", "arn:aws:iam::aws:policy/AdministratorAccess",
      "arn:aws:iam::111122223333:role/aws-reserved/x", "arn:aws:s3:::bucket", "arn:aws:iam::111122223333", "*", "arn:",
      "arnx:aws:kms:r:a:key/1", "arn:aws:kms:r:a:", "arn:aws:kms:r:a:key/x:y", "arn:aws:kms:r", "ARN:aws:kms:r:a:key/1", "xarn:aws:s3:::b",
      "arn::::"})
  void arnPartsAnswerAsSplitDoes(String arn) {
    String[] parts = Arns.split(arn);
    assertThat(Arns.isArn(arn)).as(arn + " is an ARN").isEqualTo(parts != null);
    for (int part = 0; part < 6; part++) {
      for (String value : new String[] {"arn", "aws", "kms", "iam", "", "us-east-1", "111122223333", "aws", "key/1"}) {
        assertThat(Arns.partEquals(arn, part, value)).as(arn + " part " + part + " = " + value)
            .isEqualTo(parts != null && parts[part].equals(value));
      }
    }
    for (String prefix : new String[] {"key/", "policy/", "role/aws-reserved/", ""}) {
      assertThat(Arns.resourceStartsWith(arn, prefix)).isEqualTo(parts != null && parts[5].startsWith(prefix));
    }
    for (String account : new String[] {"111122223333", "444455556666", "aws", "a"}) {
      assertThat(Arns.hasOtherAccount(arn, account)).as(arn + " other than " + account)
          .isEqualTo(Arns.account(arn).filter(a -> !a.equals(account)).isPresent());
    }
  }

  /** The pattern a template reuses for the same value is never the one built for another value. */
  @Test
  void aTemplateResolvedForOneUserAndThenAnotherMatchesEachUsersOwnResource() {
    ValueTemplate template = ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", true);
    RequestContext alice = RequestContext.builder().put("aws:username", "alice").build();
    RequestContext bob = RequestContext.builder().put("aws:username", "bob").build();
    RequestContext nobody = RequestContext.empty();

    for (int round = 0; round < 3; round++) {
      assertThat(ArnMatcher.matchesResource(template.resolve(alice), "arn:aws:iam::111122223333:user/alice")).isTrue();
      assertThat(ArnMatcher.matchesResource(template.resolve(alice), "arn:aws:iam::111122223333:user/bob")).isFalse();
      assertThat(ArnMatcher.matchesResource(template.resolve(bob), "arn:aws:iam::111122223333:user/bob")).isTrue();
      assertThat(ArnMatcher.matchesResource(template.resolve(bob), "arn:aws:iam::111122223333:user/alice")).isFalse();
      assertThat(template.resolve(nobody)).isNull();
    }
  }
}
