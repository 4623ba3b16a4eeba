package dev.iamunit.cli;

import dev.iamunit.IamUnitException;
import dev.iamunit.aws.AwsData;
import dev.iamunit.cli.lint.Finding;
import dev.iamunit.cli.lint.Locations;
import dev.iamunit.cli.lint.PolicyLinter;
import dev.iamunit.cli.source.PolicyFiles;
import dev.iamunit.model.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iamunit lint FILE...}: parser errors and lint findings, each with file:line:column. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks policy files: parser errors, and lint findings against the bundled AWS data.",
      "",
      "Findings: unknown actions and patterns that match no action, unknown condition keys,",
      "operators that do not fit the key's type (Bool on a String key), and a Deny relying on",
      "Bool aws:MultiFactorAuthPresent false, which long-term access keys escape (use BoolIfExists).",
      "A folder stands for every *.json file under it. Each line reads",
      "  FILE:LINE:COLUMN: error|warning: MESSAGE [RULE]",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors and no findings",
      "1:some file has a parser error or a finding",
      ExitCodes.USAGE_LINE,
      "3:a file cannot be read",
      ExitCodes.INTERNAL_LINE
    })
final class LintCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy JSON files or folders.")
  List<Path> sources;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PolicyLinter linter = PolicyLinter.standard(AwsData.bundled());
    List<Path> files = SourceFiles.expand(sources);
    int errors = 0;
    int findings = 0;
    for (Path file : files) {
      Policy policy;
      try {
        policy = PolicyFiles.read(file);
      } catch (IamUnitException e) {
        out.println(errorLine(file, e));
        errors++;
        continue;
      }
      for (Finding finding : linter.lint(policy)) {
        out.println(finding.format());
        findings++;
      }
    }
    out.println(count(errors, "error") + ", " + count(findings, "finding") + " in " + count(files.size(), "file"));
    out.flush();
    return errors + findings == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** The parser's message already starts with its location; without one, the file leads. */
  private static String errorLine(Path file, IamUnitException e) {
    String message = e.getMessage();
    if (e.location().isPresent()) {
      String where = e.location().get().toString();
      String text = message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message;
      return Locations.fileLineColumn(e.location().get()) + ": error: " + text;
    }
    return file + ": error: " + message;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
