package dev.iamunit.cli;

import dev.iamunit.coverage.CoverageGoals;
import dev.iamunit.coverage.GateFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iamunit coverage report|check|baseline}: the Maven plugin's goals of the same names for
 * any build that runs the JUnit extension (Gradle, Bazel, an IDE), through the same {@link
 * CoverageGoals}.
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Merges the coverage fragments the IAMUnit tests wrote (target/iamunit/coverage-*.json) and",
      "writes the reports, or runs the gate, as the Maven plugin's report, check and baseline goals do.",
    },
    subcommands = {CoverageCommand.Report.class, CoverageCommand.Check.class, CoverageCommand.Baseline.class})
final class CoverageCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "Writes coverage.json, coverage.csv, iamunit.sarif and html/index.html into the output folder",
        "and prints the summary; without fragments it says so and exits 0, as mvn iamunit:report does;",
        "a fragment it cannot read fails it, named, as it fails mvn iamunit:report.",
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the report was written, or there was no data to report", ExitCodes.USAGE_LINE,
          "3:a fragment cannot be read (the message names it), the output folder cannot be written", ExitCodes.INTERNAL_LINE})
  static final class Report implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FragmentFolder fragments;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the reports go (default: the --data folder).")
    Optional<Path> output;

    @Option(names = "--source-root", paramLabel = "DIR", defaultValue = ".",
        description = "A folder the templates' paths are relative to, for the HTML source pages; repeatable "
            + "(default: the current folder).")
    List<Path> sourceRoots;

    @Option(names = "--title", defaultValue = "IAMUnit coverage", description = "The heading of the HTML pages.")
    String title;

    @Override
    public Integer call() {
      Path data = fragments.data;
      PrintWriter out = spec.commandLine().getOut();
      CoverageGoals.report(data, output.orElse(data), sourceRoots, title).lines().forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "The gate: checks the merged coverage against the rules file (jacoco-maven-plugin's <rules>,",
        "numbered: rule.1.element = TEMPLATE, rule.1.limit.1.minimum = 0.80, requiredSids = ...,",
        "baseline = ...; see iamunit-coverage/README.md), writes the violations into the SARIF log",
        "and lists each with Sid and file:line, as mvn iamunit:check does.",
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the coverage checks have been met", "1:a rule, a required Sid or the baseline is violated",
          ExitCodes.USAGE_LINE, "3:no fragments, an unreadable fragment, a mistake in the rules file, a missing baseline",
          ExitCodes.INTERNAL_LINE})
  static final class Check implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FragmentFolder fragments;

    @Option(names = "--rules", paramLabel = "FILE",
        description = "The rules file (properties); without it only --baseline is checked.")
    Optional<Path> rules;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline file; overrides the rules file's.")
    Optional<Path> baseline;

    @Option(names = "--sarif", paramLabel = "FILE",
        description = "The SARIF log to write, with the violations (default: DIR/iamunit.sarif of --data).")
    Optional<Path> sarif;

    @Override
    public Integer call() {
      Path data = fragments.data;
      PrintWriter out = spec.commandLine().getOut();
      GateFile gate = rules.map(GateFile::read).orElse(new GateFile(List.of(), List.of(), Optional.empty()));
      CoverageGoals.CheckOutcome outcome = CoverageGoals.check(data, gate.rules(), gate.requiredSids(),
          baseline.or(gate::baseline), Optional.of(sarif.orElse(data.resolve("iamunit.sarif"))),
          "iamunit coverage baseline");
      outcome.notes().forEach(out::println);
      out.println(outcome.verdict());
      out.flush();
      return outcome.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }

  @Command(
      name = "baseline",
      mixinStandardHelpOptions = true,
      description = "Writes the statements missed now as the baseline check tolerates, to adopt the gate.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the baseline was written", ExitCodes.USAGE_LINE, "3:no fragments or an unreadable fragment",
          ExitCodes.INTERNAL_LINE})
  static final class Baseline implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FragmentFolder fragments;

    @Option(names = "--baseline", paramLabel = "FILE", defaultValue = "iamunit-baseline.txt",
        description = "The file to write (default: ${DEFAULT-VALUE}).")
    Path file;

    @Override
    public Integer call() {
      Path data = fragments.data;
      PrintWriter out = spec.commandLine().getOut();
      out.println(CoverageGoals.baseline(data, file));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code --data}, the fragments' folder every coverage subcommand reads. */
  static final class FragmentFolder {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "target/iamunit",
        description = "Where the tests wrote their fragments (default: ${DEFAULT-VALUE}).")
    Path data;
  }
}
