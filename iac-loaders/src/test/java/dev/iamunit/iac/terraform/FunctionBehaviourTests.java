package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link Functions} does around a function's own result: the checks of its spec (number of
 * arguments, null, types, unknown arguments), the functions that read files (inside the project
 * only), machine paths, and the clock. The pages cited are
 * developer.hashicorp.com/terraform/language/functions/NAME; results were confirmed with Terraform
 * 1.11's {@code terraform console}.
 */
class FunctionBehaviourTests {

  @TempDir
  Path dir;

  private FunctionHarness terraform;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("hello.txt"), "Hello World");
    Files.writeString(dir.resolve("hash.txt"), "hello world");
    Files.createDirectories(dir.resolve("files/deeper"));
    Files.writeString(dir.resolve("files/hello.txt"), "hello");
    Files.writeString(dir.resolve("files/world.txt"), "world");
    Files.writeString(dir.resolve("files/policy.json"), "{}");
    Files.writeString(dir.resolve("files/deeper/more.txt"), "more");
    // templatefile's example: "%{ for addr in ip_addrs ~}" renders one line per address.
    Files.writeString(dir.resolve("backends.tftpl"), "%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n");
    terraform = new FunctionHarness(dir);
  }

  // The spec: arity, null, types, unknown arguments

  /** Terraform: 'Function "lower" expects only 1 argument(s).' and 'Missing value for "vars"'. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      lower("a", "b")                  | lower() takes 1 argument(s), not 2
      templatefile("hello.txt")        | templatefile() takes 2 argument(s), not 1; missing "vars"
      concat()                         | concat() takes at least 1 argument(s), not 0; missing "seqs"
      lookup({}, "a", "b", "c")        | lookup() takes at most 3 argument(s), not 4
      range(1, 2, 3, 4)                | range() takes at most 3 argument(s), not 4
      max()                            | max() takes at least 1 argument(s), not 0
      """)
  void rejectsTheWrongNumberOfArguments(String call, String message) {
    terraform.assertRejects(call, message);
  }

  /** Terraform: 'Invalid value for "str" parameter: argument must not be null.' */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      title(null)              | title(): the argument "str" must not be null
      length(null)             | length(): the argument "value" must not be null
      concat(null)             | concat(): the argument "seqs" must not be null
      contains(["a"], null)    | contains(): the argument "value" must not be null
      """)
  void rejectsNullWhereTerraformDoes(String call, String message) {
    terraform.assertRejects(call, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      concat("a")              | concat() takes a list as "seqs", not string
      keys(["a"])              | keys() takes a map as "inputMap", not list
      lower(["a"])             | lower() takes a string as "str", not list
      """)
  void rejectsArgumentsOfTheWrongType(String call, String message) {
    terraform.assertRejects(call, message);
  }

  /** A type error is Terraform's even when another argument is unknown. */
  @Test
  void reportsATypeErrorBeforeAnUnknownArgument() {
    terraform.assertRejects("zipmap(var.keys, \"not a list\")", "zipmap() takes a list as \"valueslist\", not string");
  }

  @Test
  void anUnknownArgumentMakesAFunctionThatNeedsItUnknownWithTheReason() {
    List<Unresolved> parts = terraform.unknownParts("split(\",\", var.names)");
    assertThat(parts).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("split(\",\", var.names)");
      assertThat(u.reason()).isEqualTo("split() is given var.names (the variable has no value)");
      assertThat(u.location().line()).isEqualTo(1);
    });
  }

  @Test
  void stringFunctionsKeepUnknownPartsAsPlaceholders() {
    Value value = terraform.evaluate("upper(\"arn:aws:s3:::${var.bucket}/*\")");
    Value.Str s = (Value.Str) value;
    assertThat(s.parts()).singleElement().satisfies(u -> assertThat(u.expression()).isEqualTo("var.bucket"));
    assertThat(Unresolved.replacePlaceholders(s.text(), "<?>")).isEqualTo("ARN:AWS:S3:::<?>/*");
  }

  @Test
  void collectionFunctionsKeepUnknownElements() {
    Value value = terraform.evaluate("concat([\"a\"], [var.b])");
    assertThat(((Value.Tuple) value).items()).hasSize(2).first().isEqualTo(Value.of("a"));
    assertThat(Value.unresolvedIn(value)).singleElement().satisfies(u -> assertThat(u.expression()).isEqualTo("var.b"));
  }

  @Test
  void anUnknownFunctionIsALocatedUnresolvedValue() {
    List<Unresolved> parts = terraform.unknownParts("\n  nosuchfunction(\"a\")");
    assertThat(parts).singleElement().satisfies(u -> {
      assertThat(u.reason()).isEqualTo("IAMUnit does not evaluate the function nosuchfunction()");
      assertThat(u.location().file()).isEqualTo("main.tf");
      assertThat(u.location().line()).isEqualTo(2);
    });
  }

  /** Errors of a function's own, each with the words of Terraform 1.11's error it stands for. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # "argument 2 has length 1, which is inconsistent with argument 1 of length 2"
      formatlist("%s-%s", ["a", "b"], ["c"])      | formatlist() takes lists of one length
      # "number of keys (2) does not match number of values (1)"
      zipmap(["a", "b"], [1])                     | zipmap() has 2 keys but 1 values
      # "start index must not be greater than end index"
      slice(["a"], 1, 0)                          | slice() takes 0 <= start_index <= end_index <= 1, not 1 and 0
      # "end index must not be greater than the length of the list"
      slice(["a", "b"], 0, 3)                     | slice() takes 0 <= start_index <= end_index <= 2
      # "end must be less than start when step is negative"
      range(1, 4, -1)                             | range() takes a limit less than its start when the step is negative
      range(1, 4, 0)                              | range() takes a step other than zero
      # "must be a list, set, or tuple value with either zero or one elements"
      one(["hello", "goodbye"])                   | one() was given more than one element
      # templatestring: "You cannot supply the template expression directly as the first argument."
      templatestring("Hello, $${name}!", {})      | templatestring() takes a reference to a template string
      # timeadd: the duration's units are "ns", "us" (or "µs"), "ms", "s", "m", and "h"
      timeadd("yesterday", "1h")                  | timeadd() takes a timestamp in RFC 3339 format
      timeadd("2017-11-22T00:00:00Z", "1d")       | timeadd() takes a duration such as
      """)
  void rejectsWhatTerraformRejects(String call, String message) {
    terraform.assertRejects(call, message);
  }

  // Functions that read files

  @Test
  void file() {
    terraform.assertEvaluates("file(\"hello.txt\")", "\"Hello World\"");
    assertThat(terraform.unknownParts("file(\"missing.txt\")")).singleElement()
        .satisfies(u -> assertThat(u.reason()).isEqualTo("the file missing.txt does not exist in the loaded sources"));
  }

  /** templatefile's documented example, backends.tftpl with port and ip_addrs. */
  @Test
  void templatefile() {
    terraform.assertEvaluates("templatefile(\"backends.tftpl\", { port = 8080, ip_addrs = [\"10.0.0.1\", \"10.0.0.2\"] })",
        "\"backend 10.0.0.1:8080\\nbackend 10.0.0.2:8080\\n\"");
  }

  /** fileset: "The path is automatically removed from the resulting set of file names". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      fileset(".", "files/*.txt")              | ["files/hello.txt", "files/world.txt"]
      fileset("files", "*.txt")                | ["hello.txt", "world.txt"]
      fileset("files", "**/*.txt")             | ["deeper/more.txt", "hello.txt", "world.txt"]
      fileset("files", "**")                   | ["deeper/more.txt", "hello.txt", "policy.json", "world.txt"]
      fileset("files", "[hw]*.txt")            | ["hello.txt", "world.txt"]
      fileset(path.root, "files/*.{json,txt}") | ["files/hello.txt", "files/policy.json", "files/world.txt"]
      fileset("none", "*")                     | []
      """)
  void fileset(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @Test
  void filebase64sha256() {
    terraform.assertEvaluates("filebase64sha256(\"hash.txt\")", "base64sha256(\"hello world\")");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      file("../outside.txt")
      templatefile("../outside.tftpl", {})
      fileset("..", "*")
      filebase64sha256("../outside.zip")
      """)
  void filesOutsideTheProjectRootAreRefused(String call) {
    assertThatThrownBy(() -> terraform.evaluate(call)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("reads outside the project root");
  }

  // Machine paths

  /**
   * abspath: "if the path is not absolute, it will be joined with the current working directory".
   * That directory is the machine's, so it stays an unresolved part; the rest of the path is kept.
   */
  @Test
  void abspath() {
    Value.Str path = (Value.Str) terraform.evaluate("abspath(\"files/../hello.txt\")");
    assertThat(path.parts()).singleElement().satisfies(u -> assertThat(u.reason()).isEqualTo(FilesystemFunctions.MACHINE_PATH));
    assertThat(Unresolved.replacePlaceholders(path.text(), "<cwd>")).isEqualTo("<cwd>/hello.txt");
    assertThat(path.text()).doesNotContain(dir.toString());
    terraform.assertEvaluates("abspath(\"/etc/../tmp\")", "\"/tmp\"");
  }

  @Test
  void filesystemFunctionsReadAMachinePathInsideTheWorkingDirectory() {
    terraform.assertEvaluates("file(abspath(\"hello.txt\"))", "\"Hello World\"");
    terraform.assertEvaluates("file(\"${path.cwd}/hello.txt\")", "\"Hello World\"");
    terraform.assertEvaluates("basename(abspath(\"files/hello.txt\"))", "\"hello.txt\"");
    terraform.assertEvaluates("file(\"${dirname(abspath(\"files/hello.txt\"))}/world.txt\")", "\"world\"");
  }

  /** The example modules name roles "ex-${basename(path.cwd)}": the working directory's own name, as Terraform gives it. */
  @Test
  void basenameOfTheWorkingDirectoryIsItsName() {
    terraform.assertEvaluates("\"ex-${basename(path.cwd)}\"", "\"ex-" + dir.getFileName() + "\"");
    assertThat(terraform.report.build().unresolved()).as("nothing is unknown, so nothing is reported").isEmpty();
  }

  /** A machine path written into a policy is an unresolved part of the policy, reported at its place. */
  @Test
  void aMachinePathInAPolicyIsReported() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/${path.cwd}" }]
          })
        }
        """);
    dev.iamunit.iac.LoadReport report = TerraformLoader.report(dir, dev.iamunit.iac.LoadOptions.defaults().withProjectRoot(dir));
    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("path.cwd");
      assertThat(u.reason()).isEqualTo(FilesystemFunctions.MACHINE_PATH);
      assertThat(u.location().line()).isEqualTo(5);
    });
    assertThat(report.policies()).singleElement().satisfies(p -> assertThat(p.policy().statements().get(0).resource().orElseThrow().values())
        .singleElement().satisfies(r -> assertThat(r).startsWith("arn:aws:s3:::b/").doesNotContain(dir.toString())));
  }

  @Test
  void aMachinePathOutsideTheWorkingDirectoryStaysUnknown() {
    assertThat(terraform.unknownParts("dirname(path.cwd)")).singleElement()
        .satisfies(u -> assertThat(u.reason()).startsWith("dirname() is given path.cwd"));
    assertThat(terraform.unknownParts("\"${path.cwd}/x\"")).singleElement()
        .satisfies(u -> assertThat(u.reason()).isEqualTo(FilesystemFunctions.MACHINE_PATH));
  }

  /**
   * "path.module is the filesystem path of the module where the expression is placed", relative to
   * the working directory ("." in the root module; Terraform 1.11 gives "child" for ./child), so
   * that no machine path reaches a policy through it.
   */
  @Test
  void pathModuleIsRelativeToTheWorkingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), "output \"dir\" { value = path.module }\n");
    Files.writeString(dir.resolve("main.tf"), """
        module "child" {
          source = "./child"
        }

        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = ["arn:aws:s3:::${path.module}/a", "arn:aws:s3:::${module.child.dir}/b"] }]
          })
        }
        """);
    dev.iamunit.iac.LoadReport report = TerraformLoader.report(dir, dev.iamunit.iac.LoadOptions.defaults().withProjectRoot(dir));
    assertThat(report.policies()).singleElement().satisfies(p -> assertThat(p.policy().statements().get(0).resource().orElseThrow().values())
        .containsExactly("arn:aws:s3:::./a", "arn:aws:s3:::child/b"));
  }

  // The clock

  /** timestamp: "returns a UTC timestamp string" of the moment Terraform runs: not known before apply. */
  @Test
  void timestamp() {
    assertThat(terraform.unknownParts("timestamp()")).singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("the time Terraform applies"));
  }

  /** The KMS example module: valid_to = replace(timeadd(plantimestamp(), "4380h"), "/T.*\/", "T00:00:00Z"). */
  @Test
  void plantimestamp() {
    assertThat(terraform.unknownParts("replace(timeadd(plantimestamp(), \"4380h\"), \"/T.*/\", \"T00:00:00Z\")"))
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("plantimestamp() is the time Terraform plans"));
  }
}
