package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.model.Unresolved;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Intrinsic functions as the CloudFormation intrinsic function reference defines them. */
class IntrinsicsTests {

  static final String TEMPLATE = """
      Parameters:
        Env: {Type: String, Default: prod}
        Names: {Type: CommaDelimitedList, Default: "a,b,c"}
        NoDefault: {Type: String}
      Mappings:
        Regions:
          us-east-1: {Elb: "127311923021"}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        IsDev: !Not [!Condition IsProd]
        Both: !And [!Condition IsProd, !Equals [a, a]]
        Either: !Or [!Condition IsDev, !Equals [a, b]]
        Unknown: !Equals [!Ref NoDefault, x]
      Resources:
        Role: {Type: AWS::IAM::Role, Properties: {RoleName: app, Path: /svc/}}
        Anonymous: {Type: AWS::IAM::Role}
        Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "${Env}-data"}}
        Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: jobs}}
        Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: news}}
        Key: {Type: AWS::KMS::Key}
        Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: worker}}
        Policy: {Type: AWS::IAM::ManagedPolicy, Properties: {ManagedPolicyName: P}}
        Generated: {Type: AWS::IAM::ManagedPolicy}
        User: {Type: AWS::IAM::User, Properties: {UserName: bob}}
        Group: {Type: AWS::IAM::Group, Properties: {GroupName: devs}}
      """;

  static String resolve(String yaml) {
    return resolve(yaml, Map.of());
  }

  static String resolve(String yaml, Map<String, String> values) {
    Template template = Template.read(TEMPLATE, "t.yaml");
    Intrinsics intrinsics = new Intrinsics(template, LoadOptions.defaults().withValues(values));
    DocNode node = ((DocObject) YamlTemplates.read("V: " + yaml + "\n", "v.yaml")).member("V").orElseThrow().value();
    DocNode resolved = intrinsics.resolve(node);
    return resolved == null ? "<NoValue>" : Unresolved.replacePlaceholders(Render.compact(resolved), "<?>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      !Ref Env                                  | prod
      !Ref AWS::AccountId                       | 123456789012
      !Ref AWS::Region                          | us-east-1
      !Ref AWS::Partition                       | aws
      !Ref AWS::StackName                       | t
      !Ref AWS::URLSuffix                       | amazonaws.com
      !Ref Names                                | [a, b, c]
      !Ref Role                                 | app
      !GetAtt Role.Arn                          | arn:aws:iam::123456789012:role/svc/app
      !GetAtt [Role, Arn]                       | arn:aws:iam::123456789012:role/svc/app
      !Ref Bucket                               | prod-data
      !GetAtt Bucket.Arn                        | arn:aws:s3:::prod-data
      !Ref Queue                                | https://sqs.us-east-1.amazonaws.com/123456789012/jobs
      !GetAtt Queue.Arn                         | arn:aws:sqs:us-east-1:123456789012:jobs
      !Ref Topic                                | arn:aws:sns:us-east-1:123456789012:news
      !GetAtt Fn.Arn                            | arn:aws:lambda:us-east-1:123456789012:function:worker
      !Ref Policy                               | arn:aws:iam::123456789012:policy/P
      !Ref Generated                            | arn:aws:iam::123456789012:policy/t-Generated-<?>
      !GetAtt Anonymous.Arn                     | arn:aws:iam::123456789012:role/t-Anonymous-<?>
      !GetAtt Key.Arn                           | arn:aws:kms:us-east-1:123456789012:key/<?>
      !GetAtt User.Arn                          | arn:aws:iam::123456789012:user/bob
      !GetAtt Group.Arn                         | arn:aws:iam::123456789012:group/devs
      !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'   | arn:aws:s3:::prod-data/*
      !Sub '${Role.Arn}'                        | arn:aws:iam::123456789012:role/svc/app
      !Sub '${!Literal}-${Env}'                 | ${Literal}-prod
      !Sub ['${A}-${Env}', {A: x}]              | x-prod
      !Sub 'arn:aws:iam::*:user/${aws:username}' | arn:aws:iam::*:user/<?>
      !Join [':', [a, !Ref Env]]                | a:prod
      !Select [1, !Ref Names]                   | b
      !Select [0, !Split [',', 'x,y']]          | x
      !FindInMap [Regions, !Ref AWS::Region, Elb] | 127311923021
      !If [IsProd, yes-prod, not-prod]          | yes-prod
      !If [IsDev, a, b]                         | b
      !If [Both, a, b]                          | a
      !If [Either, a, b]                        | b
      !Base64 hi                                | aGk=
      """)
  void resolves(String yaml, String expected) {
    assertThat(resolve(yaml)).isEqualTo(expected);
  }

  @Test
  void parameterValuesFromTheTestOverrideDefaults() {
    assertThat(resolve("!If [IsProd, a, b]", Map.of("Env", "dev"))).isEqualTo("b");
    assertThat(resolve("!GetAtt Bucket.Arn", Map.of("Env", "dev"))).isEqualTo("arn:aws:s3:::dev-data");
  }

  @Test
  void noValueRemovesTheElement() {
    assertThat(resolve("[a, !Ref AWS::NoValue, b]")).isEqualTo("[a, b]");
    assertThat(resolve("{k: !If [IsDev, x, !Ref AWS::NoValue], j: y}")).isEqualTo("{j: y}");
  }

  @Test
  void importValueIsUnresolvedWithItsExpressionAndLine() {
    Template template = Template.read(TEMPLATE, "t.yaml");
    Intrinsics intrinsics = new Intrinsics(template, LoadOptions.defaults());
    DocNode node = ((DocObject) YamlTemplates.read("\nV: !ImportValue Shared-Vpc\n", "v.yaml")).member("V").orElseThrow().value();

    assertThat(intrinsics.resolve(node)).isInstanceOfSatisfying(DocUnresolved.class, u -> {
      assertThat(u.value().expression()).isEqualTo("Fn::ImportValue Shared-Vpc");
      assertThat(u.value().location().fileAndLine()).isEqualTo("v.yaml:2");
    });
  }

  @Test
  void policyVariableInsideSubIsUnresolvedWithTheFix() {
    Template template = Template.read(TEMPLATE, "t.yaml");
    DocNode node = ((DocObject) YamlTemplates.read("V: !Sub 'arn:aws:iam::*:user/${aws:username}'\n", "v.yaml")).member("V")
        .orElseThrow().value();

    assertThat(PolicyDocuments.unresolvedIn(new Intrinsics(template, LoadOptions.defaults()).resolve(node))).singleElement()
        .satisfies(u -> {
          assertThat(u.expression()).isEqualTo("${aws:username}");
          assertThat(u.reason()).contains("write ${!aws:username}");
        });
    assertThat(resolve("!Sub 'arn:aws:iam::*:user/${!aws:username}'")).isEqualTo("arn:aws:iam::*:user/${aws:username}");
  }

  @Test
  void conditionsOnUnknownParametersLeaveIfUnresolved() {
    assertThat(resolve("!If [Unknown, a, b]")).isEqualTo("<unresolved: Fn::If [Unknown, a, b]>");
  }

  @Test
  void parameterWithoutDefaultIsUnresolved() {
    assertThat(resolve("!Sub 'x-${NoDefault}'")).isEqualTo("x-<?>");
    assertThat(resolve("!Sub 'x-${NoDefault}'", Map.of("NoDefault", "given"))).isEqualTo("x-given");
  }

  @Test
  void splitKeepsPartsPerPiece() {
    assertThat(resolve("!Split [',', !Join [',', [a, !ImportValue X]]]")).isEqualTo("[a, <?>]");
    assertThat(((DocArray) new Intrinsics(Template.read(TEMPLATE, "t.yaml"), LoadOptions.defaults())
        .resolve(((DocObject) YamlTemplates.read("V: [a]\n", "v.yaml")).member("V").orElseThrow().value())).items()).hasSize(1);
  }
}
