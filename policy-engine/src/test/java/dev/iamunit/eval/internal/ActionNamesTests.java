package dev.iamunit.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionNamesTests {

  // IAM User Guide, "IAM JSON policy elements: Action": the prefix and the action name are case insensitive.
  @ParameterizedTest(name = "{0} -> service \"{1}\", literal \"{2}\"")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      s3:GetObject       | s3   | s3
      S3:GetObject       | s3   | s3
      ' EC2 :Run*'       | ec2  | ec2
      *                  | ''   | ''
      ''                 | ''   | ''
      :GetObject         | ''   | ''
      s?s:Publish        | s?s  | ''
      *:List*            | *    | ''
      kms:Encrypt:extra  | kms  | kms
      """)
  void theServicePrefixIsCutIgnoringCaseAndBlanks(String action, String service, String literal) {
    assertThat(ActionNames.serviceOf(action)).isEqualTo(service);
    assertThat(ActionNames.literalServiceOf(action)).isEqualTo(literal);
  }
}
