package dev.iamunit.iac.cloudformation;

import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources into the account model, with the location of every statement, from small templates written for the purpose. */
class LoadingTests {

  @TempDir
  Path dir;

  static final String ADMIN_JSON = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(dir)
        .withAwsManagedPolicies(arn -> arn.equals("arn:aws:iam::aws:policy/AdministratorAccess") ? Optional.of(ADMIN_JSON) : Optional.empty());
  }

  Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Account load(String name, String text) {
    return CloudFormationLoader.load(List.of(write(name, text)), options());
  }

  LoadReport report(String name, String text) {
    return CloudFormationLoader.report(List.of(write(name, text)), options());
  }

  // ------------------------------------------------------------------------------------ locations

  @Test
  void yamlStatementIsLocatedAtItsDashLine() {
    Account account = load("t.yaml", """
        Resources:
          Dev:
            Type: AWS::IAM::User
            Properties:
              UserName: dev
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Version: 2012-10-17
                    Statement:
                      - Sid: ReadLogs
                        Effect: Allow
                        Action: logs:Get*
                        Resource: "*"
                      -   Effect: Deny
                          Action: logs:Delete*
                          Resource: "*"
        """);
    List<Statement> statements = account.user("dev").orElseThrow().inlinePolicies().get(0).statements();

    assertThat(statements.get(0).location()).satisfies(at -> {
      assertThat(at.file()).isEqualTo("t.yaml");
      assertThat(at.line()).isEqualTo(11);
      assertThat(at.column()).as("the mapping starts at its first key, after the dash").isEqualTo(17);
      assertThat(at.address()).isEqualTo("Dev");
    });
    assertThat(statements.get(1).location().line()).isEqualTo(15);
    assertThat(statements.get(1).displayName()).isEqualTo("#1 at t.yaml:15");
  }

  @Test
  void jsonStatementIsLocatedAtItsBrace() {
    Account account = load("t.json", """
        {
          "Resources": {
            "Policy": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "ManagedPolicyName": "p",
                "PolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "First", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"
                    },
                      {"Sid": "Second", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}
                  ]
                }
              }
            }
          }
        }
        """);
    List<Statement> statements = account.managedPolicy("arn:aws:iam::123456789012:policy/p").orElseThrow().document().statements();

    assertThat(statements.get(0).location().line()).isEqualTo(10);
    assertThat(statements.get(0).location().column()).isEqualTo(13);
    assertThat(statements.get(1).location().line()).isEqualTo(13);
    assertThat(statements.get(1).location().column()).isEqualTo(15);
  }

  @Test
  void statementChosenByFnIfKeepsItsOwnLine() {
    Account account = load("t.yaml", """
        Parameters:
          Env: {Type: String, Default: prod}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: p
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - !If
                    - IsProd
                    - Sid: Prod
                      Effect: Deny
                      Action: "*"
                      Resource: "*"
                    - !Ref AWS::NoValue
                  - Sid: Always
                    Effect: Allow
                    Action: s3:*
                    Resource: "*"
        """);
    List<Statement> statements = account.managedPolicy("arn:aws:iam::123456789012:policy/p").orElseThrow().document().statements();

    assertThat(statements).extracting(s -> s.sid().orElseThrow() + "@" + s.location().line()).containsExactly("Prod@15", "Always@20");
  }

  // ------------------------------------------------------------------------------------ principals

  @Test
  void usersJoinGroupsByNameAndThroughUserToGroupAddition() {
    Account account = load("t.yaml", """
        Resources:
          Admins: {Type: AWS::IAM::Group, Properties: {GroupName: admins, Path: /ops/}}
          Readers: {Type: AWS::IAM::Group}
          Alice:
            Type: AWS::IAM::User
            Properties:
              UserName: alice
              Path: /staff/
              Groups: [!Ref Admins]
              Tags: [{Key: team, Value: platform}]
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
              PermissionsBoundary: !Ref Boundary
          Boundary:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: boundary
              PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
          AddAlice:
            Type: AWS::IAM::UserToGroupAddition
            Properties: {GroupName: !Ref Readers, Users: [!Ref Alice]}
        """);
    var alice = account.user("alice").orElseThrow();

    assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/staff/alice");
    assertThat(alice.groups()).hasSize(2).startsWith("admins");
    assertThat(alice.groups().get(1)).startsWith("t-Readers-");
    assertThat(alice.tags()).containsEntry("team", "platform");
    assertThat(alice.permissionsBoundaryArn()).contains("arn:aws:iam::123456789012:policy/boundary");
    assertThat(account.group("admins").orElseThrow().arn()).isEqualTo("arn:aws:iam::123456789012:group/ops/admins");
    ManagedPolicy admin = account.managedPolicy("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
    assertThat(admin.awsManaged()).isTrue();
    assertThat(admin.document().statements()).singleElement().satisfies(s -> assertThat(s.action().values()).containsExactly("*"));
  }

  @Test
  void roleHasItsTrustPolicyAndPoliciesAttachedByAwsIamPolicy() {
    Account account = load("t.yaml", """
        Resources:
          App:
            Type: AWS::IAM::Role
            Properties:
              RoleName: app
              AssumeRolePolicyDocument:
                Version: 2012-10-17
                Statement:
                  - Effect: Allow
                    Principal: {Service: [ec2.amazonaws.com]}
                    Action: sts:AssumeRole
          Extra:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: extra
              Roles: [!Ref App]
              PolicyDocument:
                Version: 2012-10-17
                Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn}]
          Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: jobs}}
          Profile: {Type: AWS::IAM::InstanceProfile, Properties: {Roles: [!Ref App]}}
        """);
    var app = account.role("app").orElseThrow();

    assertThat(app.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType())
        .containsEntry("Service", List.of("ec2.amazonaws.com"));
    assertThat(app.inlinePolicies()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("extra");
      assertThat(p.statements().get(0).resource().orElseThrow().values()).containsExactly("arn:aws:sqs:us-east-1:123456789012:jobs");
    });
  }

  // ------------------------------------------------------------------------------------ resource policies and SCPs

  @Test
  void resourcePoliciesAreKeyedByTheResourceArn() {
    Account account = load("t.yaml", """
        Resources:
          Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: data}}
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement: [{Effect: Deny, Principal: "*", Action: "s3:*", Resource: !Sub "${Bucket.Arn}/*",
                             Condition: {Bool: {aws:SecureTransport: false}}}]
          Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: jobs}}
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: sns.amazonaws.com}, Action: sqs:SendMessage, Resource: "*"}]}
          Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: news}}
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: 012345678901}, Action: sns:Publish, Resource: !Ref Topic}]}
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy: {Statement: [{Effect: Allow, Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}, Action: "kms:*", Resource: "*"}]}
          Invoke:
            Type: AWS::Lambda::Permission
            Properties: {FunctionName: worker, Action: lambda:InvokeFunction, Principal: s3.amazonaws.com, SourceArn: !GetAtt Bucket.Arn}
          Scp:
            Type: AWS::Organizations::Policy
            Properties:
              Name: deny-leave
              Type: SERVICE_CONTROL_POLICY
              Content: {Version: 2012-10-17, Statement: [{Effect: Deny, Action: organizations:LeaveOrganization, Resource: "*"}]}
        """);

    Policy bucket = account.resourcePolicy("arn:aws:s3:::data").orElseThrow();
    assertThat(bucket.statements().get(0).resource().orElseThrow().values()).containsExactly("arn:aws:s3:::data/*");
    assertThat(bucket.statements().get(0).conditions().get(0).values()).containsExactly("false");
    assertThat(account.resourcePolicy("arn:aws:sqs:us-east-1:123456789012:jobs")).isPresent();
    // Unquoted account id: the leading zero stays (no octal, no number conversion).
    assertThat(account.resourcePolicy("arn:aws:sns:us-east-1:123456789012:news").orElseThrow().statements().get(0).principal()
        .orElseThrow().byType().get("AWS").get(0)).contains("012345678901");
    assertThat(account.resourcePolicies().keySet()).anySatisfy(arn -> {
      assertThat(arn).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
      assertThat(Unresolved.isIn(arn)).isTrue();
    });
    Statement invoke = account.resourcePolicy("arn:aws:lambda:us-east-1:123456789012:function:worker").orElseThrow().statements().get(0);
    assertThat(invoke.sid()).contains("Invoke");
    assertThat(invoke.conditions().get(0).values()).containsExactly("arn:aws:s3:::data");
    assertThat(account.organization().serviceControlPolicies()).singleElement()
        // No organization tree: AWS's FullAWSAccess stands beside it (UnplacedScpTests).
        .satisfies(level -> assertThat(level).extracting(Policy::name).containsExactly("FullAWSAccess", "deny-leave"));
  }

  // ------------------------------------------------------------------------------------ SAM

  @Test
  void samFunctionGetsAnExecutionRoleWithItsPolicies() {
    Account account = load("t.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AdministratorAccess
                - DynamoDBReadPolicy: {TableName: !Ref Table}
                - Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
                - S3CrudPolicy: {BucketName: uploads}
        """);
    var role = account.roles().values().stream().filter(r -> r.location().address().equals("FnRole")).findFirst().orElseThrow();

    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/AdministratorAccess");
    assertThat(role.inlinePolicies()).extracting(Policy::name).containsExactly("FnRolePolicy1", "FnRolePolicy2", "FnRolePolicy3");
    assertThat(role.inlinePolicies().get(0).statements().get(0).resource().orElseThrow().values()).containsExactly(
        "arn:aws:dynamodb:us-east-1:123456789012:table/orders", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*");
    assertThat(role.inlinePolicies().get(2).statements().get(0).action().values()).contains("s3:PutObject", "s3:DeleteObject");
  }

  // ------------------------------------------------------------------------------------ stacks, unknowns and mistakes

  @Test
  void severalStacksLoadIntoOneAccountAndMayReferToEachOthersNames() {
    Path users = write("users.yaml", """
        Resources:
          Bob: {Type: AWS::IAM::User, Properties: {UserName: bob, Groups: [devs]}}
        """);
    Path groups = write("groups.yaml", """
        Resources:
          Devs: {Type: AWS::IAM::Group, Properties: {GroupName: devs}}
        """);

    Account account = CloudFormationLoader.load(List.of(users, groups), options());

    assertThat(account.user("bob").orElseThrow().groups()).containsExactly("devs");
    assertThat(account.groups()).containsOnlyKeys("devs");
  }

  @Test
  void loadsIntoAnExistingBuilder() {
    Account.Builder builder = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(write("t.yaml", """
        Resources:
          Bob: {Type: AWS::IAM::User, Properties: {UserName: bob}}
        """)), options(), builder);

    assertThat(report.files()).containsExactly("t.yaml");
    assertThat(builder.build().user("bob")).isPresent();
  }

  @Test
  void aNameDeclaredInTwoStacksIsAnErrorNamingBoth() {
    Path first = write("a.yaml", "Resources:\n  Bob: {Type: AWS::IAM::User, Properties: {UserName: bob}}\n");
    Path second = write("b.yaml", "Resources:\n  X: {Type: AWS::IAM::Role}\n  Robert: {Type: AWS::IAM::User, Properties: {UserName: bob}}\n");

    assertThatThrownBy(() -> CloudFormationLoader.load(List.of(first, second), options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("b.yaml:3:3 (Robert): user \"bob\" is declared twice: at a.yaml:2:3 (Bob)");
  }

  @Test
  void anAwsManagedPolicyTheDataDoesNotKnowIsUnresolvedAtItsAttachment() {
    LoadReport report = report("t.yaml", """
        Resources:
          Bob:
            Type: AWS::IAM::User
            Properties:
              UserName: bob
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/NoSuchPolicy
        """);

    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("arn:aws:iam::aws:policy/NoSuchPolicy");
      assertThat(u.location().fileAndLine()).isEqualTo("t.yaml:2");
    });
  }

  @Test
  void anUnknownTagIsHarmlessWhereNoPolicyUsesIt() {
    LoadReport report = report("t.yaml", """
        Resources:
          Site:
            Type: AWS::S3::Bucket
            Metadata: {Readme: !Rain::Embed README.md}
          Bob: {Type: AWS::IAM::User, Properties: {UserName: bob}}
        """);

    assertThat(report.unresolved()).isEmpty();
  }

  @Test
  void anUnknownTagInAPolicyIsUnresolvedWithItsLine() {
    LoadReport report = report("t.yaml", """
        Resources:
          Bob:
            Type: AWS::IAM::User
            Properties:
              UserName: bob
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: 2012-10-17
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: !Rain::S3 bucket
        """);

    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("!Rain::S3 bucket");
      assertThat(u.location().fileAndLine()).isEqualTo("t.yaml:13");
    });
    assertThat(report.policies().get(0).policy().statements().get(0).unresolved()).hasSize(1);
  }

  @Test
  void aPolicyAwsWouldRejectFailsTheLoadWithItsLine() {
    assertThatThrownBy(() -> load("t.yaml", """
        Resources:
          Bob:
            Type: AWS::IAM::User
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: 2012-10-17
                    Statement:
                      - Effect: Maybe
                        Action: s3:GetObject
                        Resource: "*"
        """))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t.yaml:1")
        .hasMessageContaining("Effect");
  }

  @Test
  void aNameAnotherSourceAlreadyDeclaredIsAnError() {
    SourceLocation terraform = SourceLocation.of("main.tf", 4, 1).withAddress("aws_iam_user.bob");
    Account.Builder builder = Account.builder().user(new User("bob", "/", "arn:aws:iam::123456789012:user/bob", Map.of(), List.of(),
        List.of(), List.of(), Optional.empty(), terraform));
    Path stack = write("t.yaml", "Resources:\n  Bob: {Type: AWS::IAM::User, Properties: {UserName: bob}}\n");

    LoadReport report = CloudFormationLoader.loadInto(List.of(stack), options(), builder);

    assertThat(report.problems()).extracting(LoadReport.Problem::toString).containsExactly(
        "t.yaml:2:3 (Bob): user \"bob\" is declared twice: at main.tf:4:1 (aws_iam_user.bob) and at t.yaml:2:3 (Bob);"
            + " IAM names are unique in an account: rename or remove one (the first is kept)");
    assertThat(builder.build().user("bob")).get().extracting(User::location).isEqualTo(terraform);
  }

  @Test
  void theAccountHoldsEachUnresolvedValueOnce() {
    Account account = load("t.yaml", """
        Resources:
          Bob: {Type: AWS::IAM::User, Properties: {UserName: bob, ManagedPolicyArns: [arn:aws:iam::aws:policy/NoSuchPolicy]}}
        """);

    assertThat(account.unresolved()).extracting(Unresolved::expression).containsExactly("arn:aws:iam::aws:policy/NoSuchPolicy");
  }

  @Test
  void twoPoliciesForOneBucketKeepTheFirstAndReportTheConflict() {
    LoadReport report = report("t.yaml", """
        Resources:
          First:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: logs
              PolicyDocument: {Statement: [{Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*"}]}
          Second:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: logs
              PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*"}]}
        """);

    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("Second policy of arn:aws:s3:::logs");
      assertThat(u.location().fileAndLine()).isEqualTo("t.yaml:7");
      assertThat(u.reason()).contains("t.yaml:2:3 (First)");
    });
  }
}
