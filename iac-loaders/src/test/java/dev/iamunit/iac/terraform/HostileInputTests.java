package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.iamunit.fuzzing.HangGuard;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Statement;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs written to break a loader: huge, deep, badly encoded, escaping the project. Each either
 * loads or fails with a message that names file:line and what to do; none may overflow the stack,
 * hang, exhaust memory or read outside the project. Each limit is proven by the error only it gives
 * (its message names the limit), not by time; the guard only stops a run that never ends.
 */
@HangGuard
class HostileInputTests {

  private static final String POLICY = """
      resource "aws_iam_policy" "p" {
        name   = "p"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
        })
      }
      """;

  @TempDir
  Path dir;

  private LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(dir);
  }

  private LoadReport load(String mainTf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), mainTf);
    return TerraformLoader.report(dir, options());
  }

  private TemplateException failure(String mainTf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), mainTf);
    TemplateException e = catchThrowableOfType(TemplateException.class, () -> TerraformLoader.load(dir, options()));
    assertThat(e).as("a TemplateException").isNotNull();
    TerraformInputs.assertClear(e);
    return e;
  }

  // ---------------------------------------------------------------- size

  /** 50 MB of locals: read in bounded time, or refused by size with the file named. */
  @Test
  void fiftyMegabyteFileIsRefusedBySize() throws IOException {
    Path main = dir.resolve("main.tf");
    try (OutputStream out = Files.newOutputStream(main)) {
      out.write("locals {\n".getBytes(StandardCharsets.UTF_8));
      byte[] line = "  a_long_local_name_to_fill_the_file = \"some value that is not short at all\"\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
      out.write("}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> TerraformLoader.load(dir, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("main.tf: the file is 50 MB; IAMUnit reads Terraform files of up to 32 MB");
  }

  /** A file of thousands of policies loads (10 MB took 19 s on a busy 2-core machine; this is a fifth of it). */
  @Test
  void twoMegabytesOfPoliciesLoad() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 2 * 1024 * 1024; i++) {
      text.append(POLICY.replace("\"p\"", "\"p" + i + "\""));
    }
    LoadReport report = load(text.toString());
    assertThat(report.policies()).hasSizeGreaterThan(4_000);
  }

  @Test
  void megabyteLongStringLoads() throws IOException {
    String action = "s3:" + "x".repeat(1024 * 1024);
    LoadReport report = load(POLICY.replace("s3:GetObject", action));
    assertThat(report.policies()).singleElement()
        .satisfies(p -> assertThat(p.policy().statements().get(0).action().values()).containsExactly(action));
  }

  @Test
  void hugePlanIsRefusedBySize() throws IOException {
    Path plan = dir.resolve("plan.json");
    try (OutputStream out = Files.newOutputStream(plan)) {
      out.write("{\"format_version\":\"1.2\",\"padding\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 40; i++) {
        out.write(chunk);
      }
      out.write("\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> TerraformPlanLoader.load(plan, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("plan.json: the file is 40 MB");
  }

  // ---------------------------------------------------------------- nesting

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a=", "(", "!", "- ", "\"${", "f(", "x[", "1+"})
  void tenThousandLevelsAreASyntaxErrorAtTheirLine(String opener) throws IOException {
    TemplateException e = failure("locals {\n  deep = " + opener.repeat(10_000) + "1\n}\n");
    assertThat(e.location().orElseThrow().fileAndLine()).isEqualTo("main.tf:2");
    assertThat(e).hasMessageContaining("nest more than 100 levels deep");
  }

  @Test
  void tenThousandNestedBlocksAreASyntaxError() throws IOException {
    TemplateException e = failure("\n" + "a {\n".repeat(10_000) + "}\n".repeat(10_000));
    assertThat(e).hasMessageContaining("main.tf:102").hasMessageContaining("nest more than 100 levels deep");
  }

  @Test
  void longOperatorChainIsASyntaxError() throws IOException {
    TemplateException e = failure("locals {\n  sum = 1" + " + 1".repeat(100_000) + "\n}\n");
    assertThat(e.location().orElseThrow().fileAndLine()).isEqualTo("main.tf:2");
  }

  @ParameterizedTest
  @ValueSource(strings = {".b", "[0]", "[*]", ".*"})
  void longAttributeAndIndexChainsAreASyntaxError(String step) throws IOException {
    TemplateException e = failure("locals {\n  x = 1\n  chain = local.x" + step.repeat(10_000) + "\n}\n");
    assertThat(e.location().orElseThrow().fileAndLine()).isEqualTo("main.tf:3");
    assertThat(e).hasMessageContaining("nest more than 100 levels deep");
  }

  @Test
  void realisticNestingStillLoads() throws IOException {
    LoadReport report = load("locals {\n  x = " + "[".repeat(40) + "1" + "]".repeat(40) + "\n}\n" + POLICY);
    assertThat(report.policies()).hasSize(1);
  }

  @Test
  void longChainOfLocalsIsAnErrorNotAStackOverflow() throws IOException {
    StringBuilder text = new StringBuilder("locals {\n  l0 = \"s3:GetObject\"\n");
    for (int i = 1; i <= 5_000; i++) {
      text.append("  l").append(i).append(" = local.l").append(i - 1).append("\n");
    }
    text.append("}\n").append(POLICY.replace("\"s3:GetObject\"", "local.l5000"));
    TemplateException e = failure(text.toString());
    assertThat(e).hasMessageContaining("chain of more than 200 references");
  }

  @Test
  void deeplyNestedPlanIsAClearError() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.json"),
        "{\"format_version\":\"1.2\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertThatThrownBy(() -> TerraformPlanLoader.load(plan, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("plan.json:1:")
        .hasMessageContaining("nests more than 200 levels deep");
  }

  @Test
  void deeplyNestedTfJsonIsAClearError() throws IOException {
    Files.writeString(dir.resolve("main.tf.json"), "{\"locals\":{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}");
    assertThatThrownBy(() -> TerraformLoader.load(dir, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("main.tf.json:1:")
        .hasMessageContaining("nests more than 200 levels deep");
  }

  /** Jackson reads 1e999 as an infinite double, which is no number Terraform knows. */
  @Test
  void infiniteJsonNumbersAreClearErrors() throws IOException {
    Files.writeString(dir.resolve("main.tf.json"), "{\"locals\": {\"x\": 1e999}}");
    assertThatThrownBy(() -> TerraformLoader.load(dir, options()))
        .isInstanceOf(TemplateException.class).hasMessage("main.tf.json: the number Infinity is out of range");
    Path plan = Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"1.2\", \"resource_changes\": [{\"type\":"
        + " \"aws_iam_policy\", \"address\": \"aws_iam_policy.p\", \"change\": {\"after\": {\"name\": \"p\", \"policy\": -1e999}}}]}");
    TerraformInputs.loadPlanChecked(plan);
  }

  // ---------------------------------------------------------------- encoding

  @Test
  void invalidUtf8NamesTheFileAndLine() throws IOException {
    byte[] bytes = ("# a comment\nlocals {\n  x = \"caf" + "\u0000\"\n}\n").getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 5] = (byte) 0xE9; // é in Latin-1, not UTF-8
    Files.write(dir.resolve("main.tf"), bytes);
    assertThatThrownBy(() -> TerraformLoader.load(dir, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("main.tf:3:11: the file is not UTF-8: byte 0xE9 cannot appear here; "
            + "Terraform reads only UTF-8: save the file as UTF-8");
  }

  @Test
  void invalidUtf8InAPlanNamesThePlan() throws IOException {
    Path plan = Files.write(dir.resolve("plan.json"), new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    assertThatThrownBy(() -> TerraformPlanLoader.load(plan, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("plan.json:1:3: the file is not UTF-8: byte 0xFF cannot appear here");
  }

  @Test
  void byteOrderMarkIsIgnored() throws IOException {
    LoadReport tf = load("\uFEFF" + POLICY);
    assertThat(tf.policies()).hasSize(1);
    Files.writeString(dir.resolve("main.tf"), "");
    Files.writeString(dir.resolve("other.tf.json"), "\uFEFF{\"variable\":{\"v\":{}}}");
    assertThat(TerraformLoader.report(dir, options()).problems()).isEmpty();
    Path plan = Files.writeString(dir.resolve("plan.json"), "\uFEFF" + TerraformInputs.planSeedText());
    assertThat(TerraformPlanLoader.report(plan, options()).policies()).isNotEmpty();
  }

  /** With CRLF line ends every statement keeps its exact line: in a heredoc and in a policy document. */
  @Test
  void crlfLineEndsKeepExactLines() throws IOException {
    String text = String.join("\r\n",
        "resource \"aws_iam_policy\" \"heredoc\" {", //  1
        "  name   = \"h\"",                          //  2
        "  policy = <<EOF",                          //  3
        "{",                                         //  4
        "  \"Version\": \"2012-10-17\",",            //  5
        "  \"Statement\": [",                        //  6
        "    {",                                     //  7
        "      \"Effect\": \"Allow\",",              //  8
        "      \"Action\": \"s3:GetObject\",",       //  9
        "      \"Resource\": \"*\"",                 // 10
        "    }",                                     // 11
        "  ]",                                       // 12
        "}",                                         // 13
        "EOF",                                       // 14
        "}",                                         // 15
        "",                                          // 16
        "data \"aws_iam_policy_document\" \"d\" {",  // 17
        "  statement {",                             // 18
        "    actions   = [\"s3:PutObject\"]",        // 19
        "    resources = [\"*\"]",                   // 20
        "  }",                                       // 21
        "}",                                         // 22
        "",                                          // 23
        "resource \"aws_iam_policy\" \"doc\" {",     // 24
        "  name   = \"d\"",                          // 25
        "  policy = data.aws_iam_policy_document.d.json", // 26
        "}",                                         // 27
        "");
    LoadReport report = load(text);
    assertThat(report.problems()).isEmpty();
    Statement heredoc = statement(report, "aws_iam_policy.heredoc");
    Statement doc = statement(report, "aws_iam_policy.doc");
    assertThat(heredoc.location().fileAndLine()).isEqualTo("main.tf:7");
    assertThat(doc.location().fileAndLine()).isEqualTo("main.tf:18");
    assertThat(heredoc.action().values()).containsExactly("s3:GetObject");
  }

  private static Statement statement(LoadReport report, String address) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow()
        .policy().statements().get(0);
  }

  @Test
  void nulByteIsASyntaxErrorThatShowsTheCharacter() throws IOException {
    TemplateException e = failure("locals {\n  x = 1\n  \u0000 = 2\n}\n");
    assertThat(e).hasMessage("main.tf:3:3: syntax error: expected an attribute name or a block type, found character U+0000");
  }

  @Test
  void nulByteInsideAStringIsKept() throws IOException {
    LoadReport report = load(POLICY.replace("s3:GetObject", "s3:Get\u0000Object"));
    assertThat(report.policies()).hasSize(1);
  }

  // ---------------------------------------------------------------- paths

  @Test
  void symlinkLoopInTheSourceFolderEndsClearly() throws IOException {
    Files.writeString(dir.resolve("main.tf"), "module \"loop\" {\n  source = \"./loop\"\n}\n");
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    Files.createSymbolicLink(dir.resolve("self.tf"), dir.resolve("self.tf"));
    assertThatThrownBy(() -> TerraformLoader.load(dir, options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("modules nest more than 20 deep; is a module calling itself?");
  }

  @Test
  void fileOutsideTheProjectRootIsRefused() throws IOException {
    TemplateException e = failure("resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = file(\"../../../etc/passwd\")\n}\n");
    assertThat(e.location().orElseThrow().fileAndLine()).isEqualTo("main.tf:3");
    assertThat(e).hasMessageContaining("file(\"../../../etc/passwd\") reads outside the project root");
  }

  @Test
  void fileThroughASymlinkOutOfTheRootIsRefused(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    Files.createSymbolicLink(dir.resolve("policies"), outside);
    TemplateException e = failure("resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = templatefile(\"policies/secret.json\", {})\n}\n");
    assertThat(e.location().orElseThrow().fileAndLine()).isEqualTo("main.tf:3");
    assertThat(e).hasMessageContaining("reads outside the project root").hasMessageContaining("through a symbolic link");
  }

  @Test
  void templateThatReadsItselfIsUnresolvedNotEndless() throws IOException {
    Files.writeString(dir.resolve("self.tpl"), "${templatefile(\"self.tpl\", {})}");
    LoadReport report = load("resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = templatefile(\"self.tpl\", {})\n}\n");
    assertThat(report.unresolved()).singleElement().satisfies(u -> assertThat(u.reason())
        .contains("templatefile() cannot be called from inside a template that templatefile() reads"));
  }

  @Test
  void fileWithAnInvalidPathIsAClearError() throws IOException {
    TemplateException e = failure("resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = file(\"a\\u0000b\")\n}\n");
    assertThat(e).hasMessageContaining("main.tf:3").hasMessageContaining("file(\"a\\u0000b\"): not a valid file path");
  }

  /** An escaping module is not read, like a remote one: its outputs are unresolved, with the reason. */
  @Test
  void moduleOutsideTheProjectRootIsRefused() throws IOException {
    Path project = Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(dir.resolve("main.tf"), POLICY);
    Files.writeString(project.resolve("main.tf"), "\nmodule \"up\" {\n  source = \"../../..\"\n}\n"
        + POLICY.replace("\"s3:GetObject\"", "module.up.action"));
    LoadReport report = TerraformLoader.report(project, LoadOptions.defaults().withProjectRoot(project));
    assertThat(report.policies()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo("aws_iam_policy.p"));
    assertThat(report.unresolved()).anySatisfy(u -> {
      assertThat(u.location().fileAndLine()).isEqualTo("main.tf:3");
      assertThat(u.reason()).startsWith("module \"up\" has source = \"../../..\", which leaves the project root " + project.toAbsolutePath());
    });
  }

  /**
   * A folder loaded from outside the project root (the CLI's iamunit show ../other/terraform)
   * still reads its own local modules; only a module leaving that folder is refused.
   */
  @Test
  void folderOutsideTheProjectRootBoundsItsOwnModules(@TempDir Path elsewhere) throws IOException {
    Files.createDirectories(elsewhere.resolve("modules/iam"));
    Files.writeString(elsewhere.resolve("modules/iam/main.tf"), POLICY);
    Files.writeString(elsewhere.resolve("main.tf"), "module \"iam\" {\n  source = \"./modules/iam\"\n}\n"
        + "module \"up\" {\n  source = \"../\"\n}\n");
    LoadReport report = TerraformLoader.report(elsewhere, options());
    assertThat(report.policies()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo("module.iam.aws_iam_policy.p"));
    assertThat(report.unresolved()).singleElement().satisfies(u -> assertThat(u.reason())
        .contains("module \"up\" has source = \"../\", which leaves the loaded folder " + elsewhere.toAbsolutePath()));
  }

  @Test
  void moduleThroughASymlinkOutOfTheRootIsRefused(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("main.tf"), POLICY);
    Files.createSymbolicLink(dir.resolve("mod"), outside);
    LoadReport report = load("module \"m\" {\n  source = \"./mod\"\n}\n");
    assertThat(report.policies()).isEmpty();
    assertThat(report.unresolved()).singleElement().satisfies(u -> assertThat(u.reason())
        .contains("leaves the project root").contains("through a symbolic link"));
  }

  @Test
  void moduleWithAnInvalidPathIsAClearError() throws IOException {
    TemplateException e = failure("module \"m\" {\n  source = \"./a\\u0000b\"\n}\n");
    assertThat(e).hasMessageContaining("main.tf:2").hasMessageContaining("which is not a valid path");
  }

  // ---------------------------------------------------------------- values

  @ParameterizedTest
  @ValueSource(strings = {"-module.x", "!var.list", "-var.list", "!null", "-\"a\"", "!{}", "-[1]", "-(1 % 0)",
      "[1][100000000000]", "[1][-1]", "[1][1.5]", "substr(\"abc\", -100000000000, 1)", "range(100000000)", "range(-1e30)",
      "element([1], 1e40)", "x.99999999999999999999", "1e99999999999", "\"\\uD800\"", "\"\\U0011FFFF\"", "1 % 0"})
  void oddValuesAreUnresolvedOrClearErrors(String expression) throws IOException {
    TerraformInputs.loadChecked(() -> {
      try {
        load("variable \"list\" {\n  default = [1]\n}\nmodule \"x\" {\n  source = \"hashicorp/x/aws\"\n}\n"
            + POLICY.replace("\"s3:GetObject\"", expression));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void hugeCountIsALimitError() throws IOException {
    TemplateException e = failure("resource \"aws_iam_user\" \"u\" {\n  count = 100000000\n  name = \"u${count.index}\"\n}\n");
    assertThat(e).hasMessage("main.tf:2:3 (aws_iam_user.u): count = 100000000 makes more than 10000 instances of aws_iam_user.u,"
        + " more than IAMUnit expands; give count a smaller value in the test (@IamTest(parameters = ...) or a .tfvars file)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"abc\"", "-1", "1.5", "true", "null", "[1]", "1e40", "var.missing", "aws_iam_user.u",
      "{}", "\"3\""})
  void oddCountsAreUnresolvedOrClearErrors(String count) {
    TerraformInputs.loadChecked(() -> {
      try {
        load("resource \"aws_iam_user\" \"u\" {\n  count = " + count + "\n  name = \"u${count.index}\"\n}\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"abc\"", "1", "[[1]]", "{a = [1]}", "[null]", "toset([true])", "null", "range(3)", "{a = {}}",
      "aws_iam_user.u"})
  void oddForEachValuesAreUnresolvedOrClearErrors(String forEach) {
    TerraformInputs.loadChecked(() -> {
      try {
        load("resource \"aws_iam_user\" \"u\" {\n  for_each = " + forEach + "\n  name = \"u${each.key}\"\n}\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Found by the odd-count table above: a string count threw the evaluator's internal error. */
  @Test
  void countThatIsNotANumberNamesTheCount() throws IOException {
    TemplateException e = failure("resource \"aws_iam_user\" \"u\" {\n  count = \"abc\"\n  name = \"u\"\n}\n");
    assertThat(e).hasMessage("main.tf:2:3 (aws_iam_user.u): count of aws_iam_user.u is not usable: \"abc\" is not a number;"
        + " count takes a whole number");
  }

  @Test
  void countAtTheLimitLoads() throws IOException {
    LoadReport report = load("resource \"aws_iam_user\" \"u\" {\n  count = 2000\n  name = \"u${count.index}\"\n}\n");
    assertThat(report.problems()).isEmpty();
  }


}
