package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTests {

  private static final String ALLOW_EC2 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowEc2\",\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}";

  private static final String DENY_WITHOUT_MFA =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyWithoutMfa\",\"Effect\":\"Deny\",\"NotAction\":\"iam:ListMFADevices\","
          + "\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";

  private static String caseLine(String id, String policies, String action, String context) {
    return "{\"id\":\"" + id + "\",\"policies\":{\"identity\":[" + policies + "]},\"request\":{\"principal\":"
        + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"" + action + "\",\"resource\":\"*\",\"context\":" + context + "}}";
  }

  private static final String INPUT = String.join("\n",
      caseLine("allowed", ALLOW_EC2, "ec2:RunInstances", "{\"aws:MultiFactorAuthPresent\":\"true\"}"),
      caseLine("denied", ALLOW_EC2 + "," + DENY_WITHOUT_MFA, "ec2:RunInstances", "{}"),
      "{\"id\":\"broken\",\"policies\":{\"identity\":[{\"Statement\":[{\"Effect\":\"Maybe\"}]}]},\"request\":{}}",
      "this is not json",
      "",
      caseLine("implicit", ALLOW_EC2, "s3:GetObject", "{}")) + "\n";

  @Test
  void writesOneResultLinePerCaseLineAndGoesOnAfterBadLines() {
    CliRun run = CliRun.withInput(INPUT, "evaluate", "--jsonl");

    assertThat(run.outLines()).containsExactly(
        "{\"id\":\"allowed\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"sid\":\"AllowEc2\",\"effect\":\"Allow\"}]}",
        "{\"id\":\"denied\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"identity[1]\",\"sid\":\"DenyWithoutMfa\",\"effect\":\"Deny\"}]}",
        "{\"id\":\"broken\",\"error\":\"<stdin>:3:1:64: Effect must be \\\"Allow\\\" or \\\"Deny\\\" (case-sensitive), not \\\"Maybe\\\"\"}",
        "{\"id\":null,\"error\":\"" + errorOf(run.outLines()[3]) + "\"}",
        "{\"id\":\"implicit\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[]}");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitsZeroWhenEveryLineIsDecided(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("cases.jsonl"), caseLine("a", ALLOW_EC2, "ec2:RunInstances", "{}") + "\n");

    CliRun run = CliRun.of("evaluate", "--jsonl", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).hasSize(1);
  }

  @Test
  void explainAddsAnExplanationFieldAndKeepsTheContract() {
    CliRun run = CliRun.withInput(caseLine("denied", ALLOW_EC2 + "," + DENY_WITHOUT_MFA, "ec2:RunInstances", "{}"),
        "evaluate", "--jsonl", "--explain", "-");

    assertThat(run.out()).startsWith(
        "{\"id\":\"denied\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"identity[1]\",\"sid\":\"DenyWithoutMfa\","
            + "\"effect\":\"Deny\"}],\"explanation\":\"explicitly denied by statement DenyWithoutMfa (");
    assertThat(run.out()).contains("BoolIfExists aws:MultiFactorAuthPresent \\\"false\\\" (request: absent) → met");
  }

  @Test
  void aMissingFileIsAnInputErrorWithoutStackTrace() {
    CliRun run = CliRun.of("evaluate", "--jsonl", "no-such-file.jsonl");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEqualTo("iamunit evaluate: no such file: no-such-file.jsonl\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withoutJsonlItIsAUsageError() {
    CliRun run = CliRun.of("evaluate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required option: '--jsonl'");
  }

  /**
   * The contract cases of iam-simulate's own test suite (AGPL test data, read from ../shared at
   * test time and never copied here): one result line per case line, ids in order.
   */
  @Test
  void answersEveryContractCaseInOrder() throws IOException {
    Path cases = Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance/iam-simulate/contract-cases.jsonl");
    List<String> lines = Files.readAllLines(cases);

    CliRun run = CliRun.of("evaluate", "--jsonl", cases.toString());

    assertThat(run.outLines()).hasSameSizeAs(lines);
    assertThat(ids(List.of(run.outLines()))).isEqualTo(ids(lines));
    assertThat(run.err()).isEmpty();
  }

  private static final Pattern ID = Pattern.compile("^\\{\"id\":(null|\"(?:[^\"\\\\]|\\\\.)*\")");

  private static List<String> ids(List<String> lines) {
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher = ID.matcher(line);
      ids.add(matcher.find() ? matcher.group(1) : "<no id: " + line + ">");
    }
    return ids;
  }

  private static String errorOf(String line) {
    return line.replaceFirst("^\\{\"id\":null,\"error\":\"", "").replaceFirst("\"}$", "");
  }
}
