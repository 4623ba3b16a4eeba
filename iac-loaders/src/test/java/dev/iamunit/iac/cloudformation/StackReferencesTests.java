package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22: stacks that reference each other. {@code Fn::ImportValue} reads the {@code Export} of
 * another loaded stack ("The intrinsic function Fn::ImportValue returns the value of an output
 * exported by another stack", CloudFormation User Guide, "Fn::ImportValue"); a nested stack
 * ({@code AWS::CloudFormation::Stack} with a local {@code TemplateURL}, {@code
 * AWS::Serverless::Application} with a local {@code Location}) loads with the parameters its
 * parent passes, and its outputs are the parent's {@code Fn::GetAtt Stack.Outputs.Name}
 * (CloudFormation resource reference, AWS::CloudFormation::Stack, "Return values").
 */
class StackReferencesTests {

  @TempDir
  Path dir;

  private Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Loaded(Account account, LoadReport report) {}

  private Loaded load(Path... files) {
    Account.Builder builder = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(files),
        LoadOptions.defaults().withProjectRoot(dir).withAwsManagedPolicies(arn -> Optional.empty()), builder);
    return new Loaded(builder.build(), report);
  }

  private static final String SHARED = """
      Parameters:
        Env: {Type: String, Default: prod}
      Resources:
        Data: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "data-${Env}"}}
      Outputs:
        DataArn:
          Value: !GetAtt Data.Arn
          Export: {Name: !Sub "shared-${Env}-data-arn"}
      """;

  private static final String APP = """
      Resources:
        Reader:
          Type: AWS::IAM::Role
          Properties:
            RoleName: reader
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
            Policies:
              - PolicyName: read
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: !Sub ["${Bucket}/*", {Bucket: !ImportValue shared-prod-data-arn}]
                    - Effect: Allow
                      Action: s3:ListBucket
                      Resource: !ImportValue shared-test-data-arn
      """;

  private static List<String> resources(Role role) {
    return role.inlinePolicies().get(0).statements().stream().map(s -> s.resource().orElseThrow().values().get(0)).toList();
  }

  @Test
  void importValueReadsTheExportOfAnotherLoadedStack() {
    Loaded loaded = load(write("shared.yaml", SHARED), write("app.yaml", APP));

    Role reader = loaded.account().role("reader").orElseThrow();
    assertThat(resources(reader).get(0)).isEqualTo("arn:aws:s3:::data-prod/*");
  }

  @Test
  void anImportNoLoadedStackExportsIsUnresolvedAtItsLine() {
    Loaded loaded = load(write("shared.yaml", SHARED), write("app.yaml", APP));

    assertThat(loaded.report().unresolved()).filteredOn(u -> u.expression().startsWith("Fn::ImportValue")).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("Fn::ImportValue shared-test-data-arn");
      assertThat(u.location().fileAndLine()).isEqualTo("app.yaml:17");
      assertThat(u.reason()).startsWith("no loaded stack exports shared-test-data-arn; load the template that exports it");
    });
  }

  @Test
  void withoutTheExportingStackEveryImportIsUnresolved() {
    Loaded loaded = load(write("app.yaml", APP));

    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression)
        .contains("Fn::ImportValue shared-prod-data-arn", "Fn::ImportValue shared-test-data-arn");
  }

  @Test
  void anExportNameTwoStacksExportIsAnErrorNamingBoth() {
    Path first = write("a.yaml", SHARED);
    Path second = write("b.yaml", SHARED.replace("data-${Env}", "other-${Env}"));
    Path app = write("app.yaml", APP);

    assertThatThrownBy(() -> load(first, second, app)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("b.yaml:8").hasMessageContaining("export shared-prod-data-arn is also exported at a.yaml:8");
  }

  private static final String EXPORTS_ROLE = """
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            RoleName: !Sub "${AWS::StackName}-role"
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      Outputs:
        RoleArn:
          Value: !GetAtt Role.Arn
          Export: {Name: !Sub "${AWS::StackName}-RoleArn"}
      """;

  /**
   * Each top-level template is a stack of its own name, taken from its file as teams name stacks
   * with {@code aws cloudformation deploy --stack-name}: two templates exporting
   * {@code ${AWS::StackName}-RoleArn} do not clash, and a third imports the one it names.
   */
  @Test
  void eachTemplateIsAStackNamedAfterItsFileSoItsExportsAreItsOwn() {
    Loaded loaded = load(write("orders.yaml", EXPORTS_ROLE), write("billing.yaml", EXPORTS_ROLE), write("bucket.yaml", """
        Resources:
          Data: {Type: AWS::S3::Bucket, Properties: {BucketName: data}}
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Principal: {AWS: !ImportValue billing-RoleArn}, Action: s3:GetObject, Resource: arn:aws:s3:::data/*}]
        """));

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.account().role("orders-role")).isPresent();
    assertThat(loaded.account().role("billing-role")).isPresent();
    Policy bucket = loaded.account().resourcePolicy("arn:aws:s3:::data").orElseThrow();
    assertThat(bucket.statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws:iam::123456789012:role/billing-role");
  }

  /** Two templates of one file name (two SAM apps' template.yaml) are named after their paths, not one name twice. */
  @Test
  void templatesOfOneFileNameAreNamedAfterTheirPaths() {
    Loaded loaded = load(write("orders/template.yaml", EXPORTS_ROLE), write("billing/template.yaml", EXPORTS_ROLE));

    assertThat(loaded.account().roles().keySet()).containsExactlyInAnyOrder("orders-template-role", "billing-template-role");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      orders.yaml                   | orders
      orders.template.json          | orders
      iam/orders-stack.yml          | orders-stack
      my_stack.v2.yaml              | my-stack-v2
      01-iam.yaml                   | stack-01-iam
      template.yaml                 | template
      """)
  void aStackIsNamedAfterItsFile(String template, String stackName) {
    assertThat(CloudFormationLoader.stackName(template, List.of(template))).isEqualTo(stackName);
  }

  @Test
  void aStackNameIsAtMost128Characters() {
    String template = "a".repeat(200) + ".yaml";
    assertThat(CloudFormationLoader.stackName(template, List.of(template))).hasSize(128);
  }

  private static final String PARENT = """
      Resources:
        Uploads: {Type: AWS::S3::Bucket, Properties: {BucketName: uploads}}
        Workers:
          Type: AWS::CloudFormation::Stack
          Properties:
            TemplateURL: nested/workers.yaml
            Parameters:
              BucketArn: !GetAtt Uploads.Arn
        UploadsPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Uploads
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {AWS: !GetAtt Workers.Outputs.WorkerRoleArn}
                  Action: s3:PutObject
                  Resource: !Sub "${Uploads.Arn}/*"
      """;

  private static final String WORKERS = """
      Parameters:
        BucketArn: {Type: String}
      Resources:
        WorkerRole:
          Type: AWS::IAM::Role
          Properties:
            RoleName: worker
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]}
            Policies:
              - PolicyName: put
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: s3:PutObject, Resource: !Sub "${BucketArn}/*"}]
        Scratch: {Type: AWS::S3::Bucket}
      Outputs:
        WorkerRoleArn: {Value: !GetAtt WorkerRole.Arn}
        ScratchArn: {Value: !GetAtt Scratch.Arn}
      """;

  @Test
  void aNestedStackGetsItsParentsParametersAndGivesItsOutputs() {
    write("nested/workers.yaml", WORKERS);
    Loaded loaded = load(write("parent.yaml", PARENT));

    Role worker = loaded.account().role("worker").orElseThrow();
    assertThat(resources(worker)).containsExactly("arn:aws:s3:::uploads/*");
    assertThat(worker.inlinePolicies().get(0).statements().get(0).location().fileAndLine()).isEqualTo("nested/workers.yaml:13");
    Policy bucket = loaded.account().resourcePolicy("arn:aws:s3:::uploads").orElseThrow();
    assertThat(bucket.statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws:iam::123456789012:role/worker");
    assertThat(loaded.report().files()).containsExactly("parent.yaml", "nested/workers.yaml");
  }

  /** Loading the folder gives the nested template too: it is the nested stack, not a second stack of its own. */
  @Test
  void aNestedTemplateAlsoGivenAsASourceLoadsOnceAsTheNestedStack() {
    Path nested = write("nested/workers.yaml", WORKERS);
    Loaded loaded = load(write("parent.yaml", PARENT), nested);

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.account().roles()).hasSize(1);
    assertThat(resources(loaded.account().role("worker").orElseThrow())).containsExactly("arn:aws:s3:::uploads/*");
  }

  /** A name CloudFormation generates in a nested stack starts with the nested stack's name, parent-LogicalId-RANDOM. */
  @Test
  void generatedNamesInANestedStackCarryItsName() {
    write("nested/workers.yaml", WORKERS.replace("""
        Outputs:
        """, """
        Outputs:
          Scratch: {Value: !Ref Scratch}
        """));
    Loaded loaded = load(write("parent.yaml", PARENT.replace("s3:PutObject\n", "s3:PutObject\n") + """
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: reader
              PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: s3:GetObject, Resource: !GetAtt Workers.Outputs.ScratchArn}]}
        """));

    String arn = loaded.account().managedPolicies().values().iterator().next().document().statements().get(0).resource().orElseThrow()
        .values().get(0);
    assertThat(Unresolved.replacePlaceholders(arn, "<?>")).isEqualTo("arn:aws:s3:::parent-workers-<?>-scratch-<?>");
  }

  private static final String AUDITED_PARENT = """
      Parameters:
        EnableAudit: {Type: String, AllowedValues: ["true", "false"]}
      Conditions:
        Audit: !Equals [!Ref EnableAudit, "true"]
      Resources:
        AuditStack:
          Type: AWS::CloudFormation::Stack
          Condition: Audit
          Properties:
            TemplateURL: nested/audit.yaml
      """;

  private static final String AUDIT = """
      Resources:
        Auditor:
          Type: AWS::IAM::Role
          Properties:
            RoleName: auditor
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
            Policies:
              - PolicyName: trail
                PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: cloudtrail:LookupEvents, Resource: "*"}]}
        Deeper: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: deeper.yaml}}
      """;

  private static final String DEEPER = """
      Resources:
        Reader:
          Type: AWS::IAM::Role
          Properties:
            RoleName: reader
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
        ReadPolicy:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: read
            Roles: [!Ref Reader]
            PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      """;

  private Account loadAudited(Map<String, String> values) {
    write("nested/audit.yaml", AUDIT);
    write("nested/deeper.yaml", DEEPER);
    Account.Builder builder = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(write("parent.yaml", AUDITED_PARENT)),
        LoadOptions.defaults().withProjectRoot(dir).withValues(values).withAwsManagedPolicies(arn -> Optional.empty()), builder);
    assertThat(report.problems()).isEmpty();
    return builder.build();
  }

  private static Outcome outcome(Account account, String role, String action) {
    Caller caller = Caller.roleSession(account, role, "s");
    return Evaluator.standard().explain(caller.request(action, "*", caller.defaultCredentials(), Instant.parse("2026-01-01T00:00:00Z"),
        Map.of())).outcome();
  }

  /**
   * A nested stack whose Condition cannot be computed may not be created, and then neither are its
   * resources, nor those of the stacks it nests ("CloudFormation creates entities that are
   * associated with a true condition and ignores entities that are associated with a false
   * condition", CloudFormation User Guide, "Conditions syntax"): like a resource with such a
   * Condition, its principals and statements apply only if they exist, so a decision that depends
   * on them fails naming the Condition and the parameter to give.
   */
  @Test
  void aNestedStackWithAConditionThatCannotBeComputedMayNotExistNorMayWhatItNests() {
    Account account = loadAudited(Map.of());

    for (String[] roleAndAction : new String[][] {{"auditor", "cloudtrail:LookupEvents"}, {"reader", "s3:GetObject"}}) {
      assertThatThrownBy(() -> outcome(account, roleAndAction[0], roleAndAction[1]))
          .isInstanceOfSatisfying(UnresolvedValueException.class, e -> assertThat(e.values()).singleElement().satisfies(u -> {
            assertThat(u.expression()).isEqualTo("Condition Audit");
            assertThat(u.location().fileAndLine()).isEqualTo("parent.yaml:6");
            assertThat(u.reason()).startsWith("whether AuditStack exists is unknown: condition Audit depends on <unresolved: Ref EnableAudit>")
                .endsWith("give EnableAudit a value (@IamTest(parameters = \"EnableAudit=...\"))");
          }));
    }
    assertThat(account.role("auditor").orElseThrow().existence().principal()).extracting(Unresolved::expression)
        .containsExactly("Condition Audit");
  }

  @Test
  void aNestedStackWhoseConditionIsGivenIsCreatedOrNot() {
    Account created = loadAudited(Map.of("EnableAudit", "true"));
    assertThat(outcome(created, "auditor", "cloudtrail:LookupEvents")).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(created, "reader", "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
    assertThat(created.role("reader").orElseThrow().existence().principal()).isEmpty();

    Account skipped = loadAudited(Map.of("EnableAudit", "false"));
    assertThat(skipped.roles()).isEmpty();
  }

  @Test
  void aSamApplicationWithALocalLocationIsANestedStack() {
    write("apps/workers.yaml", WORKERS);
    Loaded loaded = load(write("template.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Workers:
            Type: AWS::Serverless::Application
            Properties:
              Location: apps/workers.yaml
              Parameters: {BucketArn: "arn:aws:s3:::inbox"}
        Outputs:
          Role: {Value: !GetAtt Workers.Outputs.WorkerRoleArn}
        """));

    assertThat(resources(loaded.account().role("worker").orElseThrow())).containsExactly("arn:aws:s3:::inbox/*");
  }

  @Test
  void aRemoteTemplateOrApplicationIsUnresolvedAtTheResource() {
    Loaded loaded = load(write("template.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Remote:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: https://s3.amazonaws.com/bucket/workers.yaml
          FromRepository:
            Type: AWS::Serverless::Application
            Properties:
              Location: {ApplicationId: "arn:aws:serverlessrepo:us-east-1:123456789012:applications/x", SemanticVersion: 1.0.0}
          Missing:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: nested/none.yaml
        """));

    assertThat(loaded.report().unresolved()).extracting(u -> u.expression() + " @ " + u.location().fileAndLine())
        .containsExactly("Remote.TemplateURL @ template.yaml:3", "FromRepository.Location @ template.yaml:7",
            "Missing.TemplateURL @ template.yaml:11");
    assertThat(loaded.report().unresolved().get(0).reason()).contains("which IAMUnit does not fetch");
    assertThat(loaded.report().unresolved().get(1).reason()).contains("Serverless Application Repository");
    assertThat(loaded.report().unresolved().get(2).reason()).endsWith("does not exist");
  }

  @Test
  void aNestedStackThatNestsItsParentIsAnError() {
    write("nested/loop.yaml", """
        Resources:
          Back: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ../parent.yaml}}
        """);
    Path parent = write("parent.yaml", """
        Resources:
          Down: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: nested/loop.yaml}}
        """);

    assertThatThrownBy(() -> load(parent)).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("nested/loop.yaml:2:3 (Back): nested stack Back nests ../parent.yaml, which nests it in turn");
  }
}
