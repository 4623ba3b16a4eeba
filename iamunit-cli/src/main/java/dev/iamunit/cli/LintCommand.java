package dev.iamunit.cli;

import dev.iamunit.IamUnitException;
import dev.iamunit.aws.AwsData;
import dev.iamunit.cli.lint.Finding;
import dev.iamunit.cli.lint.Locations;
import dev.iamunit.cli.lint.PolicyLinter;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iamunit lint FILE...}: parser errors and lint findings, each with file:line:column. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks policies: parser errors and other problems, and lint findings against the bundled",
      "AWS data, in policy files and in the policies of templates (read as show reads them).",
      "",
      "Findings: unknown actions and patterns that match no action, unknown condition keys,",
      "operators that do not fit the key's type (Bool on a String key), and a Deny relying on",
      "Bool aws:MultiFactorAuthPresent false, which long-term access keys escape (use BoolIfExists).",
      "A folder stands for the templates or *.json files under it. Each line reads",
      "  FILE:LINE:COLUMN: error|warning: MESSAGE [RULE]",
      "and the summary line ends with the home account the sources loaded into, and why (as show says it).",
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

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Policy files, templates or folders of them.")
  List<Path> sources;

  @Mixin
  LoadDefaults defaults = new LoadDefaults();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PolicyLinter linter = PolicyLinter.standard(AwsData.bundled());
    LoadOptions options = defaults.options();
    LoadDefaults.requireExisting(sources);
    int errors = 0;
    int findings = 0;
    int files = 0;
    Map<HomeAccount, List<Path>> homes = new LinkedHashMap<>();
    for (Path source : sources) {
      LoadedSources loaded;
      try {
        HomeAccount.Loaded homed = defaults.load(List.of(source), options);
        loaded = homed.sources();
        homes.computeIfAbsent(homed.home(), h -> new ArrayList<>()).add(source);
      } catch (IamUnitException e) {
        out.println(errorLine(source, e));
        errors++;
        files++;
        continue;
      }
      files += loaded.report().files().size();
      for (LoadReport.Problem problem : loaded.report().problems()) {
        out.println(Locations.fileLineColumn(problem.location()) + ": error: " + problem.message());
        errors++;
      }
      for (LoadReport.LoadedPolicy policy : loaded.report().policies()) {
        for (Finding finding : linter.lint(policy.policy())) {
          out.println(finding.format());
          findings++;
        }
      }
    }
    // The account matters to the ARNs the policies are read with: say which one, and why.
    out.println(count(errors, "error") + ", " + count(findings, "finding") + " in " + count(files, "file")
        + (homes.isEmpty() ? "" : "; " + LoadDefaults.homeLines(homes)));
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
