package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.iamunit.fuzzing.HangGuard;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Statement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates no one writes on purpose are rejected quickly, naming file:line and what is wrong
 * (billion laughs, deep nesting, bytes that are not UTF-8), and odd but valid ones load with the
 * right locations (a byte order mark, Windows line ends, huge files). Loading never reaches the
 * network and never prints.
 *
 * <p>Each limit is proven by the error only it gives, naming the limit: with the limit gone the
 * test gets another error (snakeyaml's own, smaller limits; a stack overflow) or runs on without
 * end. Time is not the proof, since a loaded machine takes tens of seconds for the 50 MB files
 * (a 30 s timeout failed there twice): the {@link HangGuard} only stops a run that never ends.
 */
@HangGuard
class HostileTemplateTests {

  @TempDir Path dir;

  private LoadReport load(String name, String text) throws IOException {
    return load(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private LoadReport load(String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
    return CloudFormationLoader.report(List.of(dir.resolve(name)), LoadOptions.defaults().withProjectRoot(dir));
  }

  private static final String POLICY = """
      Resources:
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Sid: First
                  Effect: Allow
                  Action: s3:GetObject
                  Resource: "*"
                - Sid: Second
                  Effect: Deny
                  Action: s3:*
                  Resource: "*"
      """;

  /** Nine levels of ten aliases each: 10^9 strings once expanded, from fewer aliases than the limit. */
  @Test
  void rejectsBillionLaughsThroughAliases() {
    StringBuilder yaml = new StringBuilder("Resources: {}\nl0: &l0 [lol]\n");
    for (int level = 1; level <= 9; level++) {
      yaml.append("l").append(level).append(": &l").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
    }

    // Without the node limit, the expansion would build 10^9 values.
    assertThatThrownBy(() -> load("laughs.yaml", yaml.toString()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("laughs.yaml:")
        .hasMessageContaining("expands to more than " + YamlTemplates.MAX_NODES + " values")
        .hasMessageContaining("billion laughs");
  }

  /** The line (past 100) shows it is this limit and not snakeyaml's default of 50 aliases. */
  @Test
  void rejectsMoreAliasesThanTheLimitNamingTheLine() {
    String yaml = "Resources: {}\nbase: &base [a]\nmany:\n" + "  - *base\n".repeat(YamlTemplates.MAX_ALIASES + 50);

    assertThatThrownBy(() -> load("aliases.yaml", yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessageMatching("aliases\\.yaml:1\\d\\d:\\d+: the template uses aliases .*billion-laughs.*");
  }

  @Test
  void rejectsYamlNestedTenThousandDeepNamingTheLine() {
    String yaml = "Resources:\n  Deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

    assertThatThrownBy(() -> load("deep.yaml", yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("deep.yaml:2:")
        .hasMessageContaining("nests deeper than " + YamlTemplates.MAX_DEPTH);
  }

  @Test
  void rejectsYamlBlockMappingsNestedTenThousandDeep() {
    StringBuilder yaml = new StringBuilder("Resources:\n");
    for (int level = 1; level <= 10_000; level++) {
      yaml.append(" ".repeat(level)).append("k:\n");
    }

    assertThatThrownBy(() -> load("deep.yaml", yaml.toString()))
        .isInstanceOf(TemplateException.class)
        .hasMessageMatching("deep\\.yaml:\\d+:\\d+: the template nests deeper than .*");
  }

  @Test
  void rejectsJsonNestedTenThousandDeepNamingTheLine() {
    String json = "{\"Resources\":\n{\"Deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}}";

    assertThatThrownBy(() -> load("deep.json", json))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("deep.json:2:")
        .hasMessageContaining("deeper than 200 levels");
  }

  /** snakeyaml accepts a mapping merged into itself; following the merge must not recurse forever. */
  @Test
  void rejectsAMappingMergedIntoItself() {
    String yaml = "Resources: {}\nLoop: &loop\n  <<: *loop\n  a: 1\n";

    assertThatThrownBy(() -> load("merge.yaml", yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("merge.yaml:");
  }

  @Test
  void rejectsAMergedMappingWithAListForAKey() {
    String yaml = "Resources: {}\nBase: &base\n  ? [a, b]\n  : 1\nUser:\n  <<: *base\n  c: 2\n";

    assertThatThrownBy(() -> load("merge.yaml", yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessage("merge.yaml:3:5: a mapping key must be a plain string");
  }

  /**
   * Found by fuzzing (a corpus template whose queue's name came to refer to the queue): a name
   * that depends on itself overflowed the stack. CloudFormation rejects it as "Circular dependency
   * between resources".
   */
  @Test
  void aNameThatDependsOnItselfIsACircularDependency() {
    String template = """
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !GetAtt Topic.TopicName
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !GetAtt Queue.QueueName
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: events.amazonaws.com}
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
        """;

    assertThatThrownBy(() -> load("cycle.yaml", template))
        .isInstanceOf(TemplateException.class)
        .hasMessage("cycle.yaml:5:18 (Queue): circular dependency between resources: Queue → Topic → Queue; "
            + "CloudFormation rejects the template: a resource's name cannot depend on itself");
  }

  @Test
  void rejectsBytesThatAreNotUtf8NamingLineAndColumn() {
    byte[] latin1 = POLICY.replace("Sid: Second", "Sid: Zweite\u00e9").getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> load("latin1.yaml", latin1))
        .isInstanceOf(TemplateException.class)
        .hasMessage("latin1.yaml:12:24: the file is not UTF-8: byte 0xE9 cannot appear here; "
            + "CloudFormation reads only UTF-8: save the file as UTF-8");
  }

  @Test
  void acceptsAByteOrderMarkWithLocationsUnchanged() throws IOException {
    List<Statement> statements = load("bom.yaml", "\uFEFF" + POLICY).policies().get(0).policy().statements();

    assertThat(statements).extracting(s -> s.location().line()).containsExactly(8, 12);
  }

  @Test
  void countsWindowsLineEndsOnceInYaml() throws IOException {
    List<Statement> statements = load("crlf.yaml", POLICY.replace("\n", "\r\n")).policies().get(0).policy().statements();

    assertThat(statements).extracting(s -> s.location().fileAndLine()).containsExactly("crlf.yaml:8", "crlf.yaml:12");
    assertThat(statements.get(1).action().location().line()).isEqualTo(14);
  }

  @Test
  void countsWindowsLineEndsOnceInJson() throws IOException {
    String json = """
        {
          "Resources": {
            "Policy": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "First", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {
                      "Sid": "Second", "Effect": "Deny", "Action": "s3:*", "Resource": "*"
                    }
                  ]
                }
              }
            }
          }
        }
        """.replace("\n", "\r\n");

    List<Statement> statements = load("crlf.json", "\uFEFF" + json).policies().get(0).policy().statements();

    assertThat(statements).extracting(s -> s.location().line() + ":" + s.location().column()).containsExactly("9:13", "10:13");
  }

  @Test
  void loadsATenMegabyteJsonValue() throws IOException {
    String description = "x".repeat(10 * 1024 * 1024);

    LoadReport report = load("long.json", "{\"Description\": \"" + description + "\",\n" + """
        "Resources": {"Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument":
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}}}}""");

    assertThat(report.statementCount()).isEqualTo(1);
  }

  /**
   * snakeyaml takes minutes over one 10 MB word; it is rejected before snakeyaml reads it, in one
   * pass over the text, naming where it starts (only that pass gives this message).
   */
  @Test
  void rejectsATenMegabyteYamlValueQuickly() {
    String yaml = POLICY + "Description: " + "x".repeat(10 * 1024 * 1024) + "\n";

    assertThatThrownBy(() -> load("long.yaml", yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("long.yaml:16:14: a value runs for more than");
  }

  /**
   * CloudFormation accepts templates up to 1 MB ("CloudFormation quotas"); 50 MB is refused once
   * snakeyaml has read {@link YamlTemplates#MAX_CODE_POINTS} characters (its own default, 3 MB, would
   * name another number).
   */
  @Test
  void rejectsAFiftyMegabyteYamlTemplate() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write(POLICY);
      out.write("Outputs:\n");
      for (int i = 0; i < 1_000_000; i++) {
        out.write("  Output" + i + ": {Value: " + "v".repeat(30) + "}\n");
      }
    }
    assertThat(Files.size(file)).isGreaterThan(50_000_000L);

    assertThatThrownBy(() -> CloudFormationLoader.report(List.of(file), LoadOptions.defaults().withProjectRoot(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("huge.yaml:")
        .hasMessageContaining("longer than " + YamlTemplates.MAX_CODE_POINTS + " characters");
  }

  @Test
  void loadsAFiftyMegabyteJsonTemplate() throws IOException {
    Path file = dir.resolve("huge.json");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("{\"Resources\": {\"Policy\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {\"PolicyDocument\":"
          + " {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}}}},\n"
          + "\"Outputs\": {\n");
      for (int i = 0; i < 1_000_000; i++) {
        out.write("\"Output" + i + "\": {\"Value\": \"" + "v".repeat(30) + "\"},\n");
      }
      out.write("\"Last\": {\"Value\": \"v\"}}}\n");
    }
    assertThat(Files.size(file)).isGreaterThan(50_000_000L);

    assertThat(CloudFormationLoader.report(List.of(file), LoadOptions.defaults().withProjectRoot(dir)).statementCount()).isEqualTo(1);
  }

  /**
   * Nothing a template names is fetched: not a URL tag, not AWS::Include's Location, not a nested
   * stack's TemplateURL (CloudFormation fetches those from S3 when it deploys; IAMUnit does not).
   */
  @Test
  void fetchesNothingATemplateNames() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/policy.json";
      String yaml = """
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Included:
              Fn::Transform:
                Name: AWS::Include
                Parameters:
                  Location: %1$s
            Nested:
              Type: AWS::CloudFormation::Stack
              Properties:
                TemplateURL: %1$s
            App:
              Type: AWS::Serverless::Application
              Properties:
                Location: %1$s
            Policy:
              Type: AWS::IAM::ManagedPolicy
              Properties:
                PolicyDocument: !Include %1$s
            Java:
              Type: AWS::IAM::ManagedPolicy
              Properties:
                PolicyDocument: !!java.net.URL [%1$s]
          """.formatted(url);
      String json = "{\"Resources\": {\"Policy\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": "
          + "{\"PolicyDocument\": {\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\": {\"Location\": \"" + url + "\"}}}}}}}";

      for (String[] template : new String[][] {{"urls.yaml", yaml}, {"urls.json", json}}) {
        try {
          load(template[0], template[1]);
        } catch (TemplateException expected) {
          // Rejecting is fine; fetching is not.
        }
      }

      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void printsNothingWhileLoading() throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      load("ok.yaml", POLICY);
      load("ok.json", "{\"Resources\": {}}");
      for (String broken : List.of("Resources: [", "{\"Resources\": ", "Resources:\n  A: !Unknown x\n", "a: &a [*a]\nResources: {}")) {
        try {
          load("broken.yaml", broken);
        } catch (TemplateException expected) {
          // Only the exception tells; nothing is printed.
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
