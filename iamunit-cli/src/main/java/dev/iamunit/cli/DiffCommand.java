package dev.iamunit.cli;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Gate;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.diff.Version;
import dev.iamunit.diff.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iamunit diff --base REV --head REV}: what a change does to who may do what. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares who may do what in two versions of the templates: every principal of either version,",
      "every action their statements name, the resources they name plus one ARN per ARN format, three",
      "kinds of credentials and the condition values the policies compare with. Reports requests newly",
      "allowed, newly denied, and decided alike through other statements, grouped by cause: principal",
      "and credentials, the statements that decided on both sides and the diff of the statements whose",
      "edit made the difference (- \"BoolIfExists\" / + \"Bool\" at file:line), with a few example requests.",
      "With several accounts (an organization, aliased providers) the changes are grouped by account,",
      "and each SCP or RCP whose statements or attachments changed gets its blast radius: the accounts",
      "it reaches by its attachments, and there who gains or loses access to what, with a request.",
      "A version is a folder or a git revision of --repository (extracted with git archive).",
      "Every report starts with what each version's load could not evaluate (unresolved values,",
      "problems), and never calls a version \"no new access\" while the head holds something",
      "unevaluated that could grant access.",
      "Where a principal/action pair's regions are too many, it is decided over a sample instead, and",
      "every format says so; --fail-on new-access then fails (a gate on a sample has holes) unless",
      "--accept-sampled is given.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared; nothing the --fail-on rule fails on",
      "1:the --fail-on rule failed (standard error says why): new access, something new in the head that could grant it unseen, or a pair sampled instead of proved without --accept-sampled (new-access); any change (any-change)",
      ExitCodes.USAGE_LINE,
      "3:a version or source cannot be read, or git failed (the message says why)",
      ExitCodes.INTERNAL_LINE
    })
final class DiffCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--base", required = true, paramLabel = "DIR|REV", description = "The version before the change: a folder or a git revision (origin/main).")
  String base;

  @Option(names = "--head", paramLabel = "DIR|REV", defaultValue = ".", description = "The version after the change (default: ${DEFAULT-VALUE}, the working tree).")
  String head;

  @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".", description = "The git repository revisions belong to; relative folders are resolved against it (default: ${DEFAULT-VALUE}).")
  Path repository;

  @Option(names = "--source", paramLabel = "PATH", description = "A Terraform folder, .tf file, plan JSON, CloudFormation template or folder, or policy file, relative to each version's root (repeatable; default: the root).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "What standard output shows: text, json, markdown or sarif (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--output", paramLabel = "FORMAT=FILE", mapFallbackValue = "", description = "Also write FORMAT to FILE (repeatable): --output markdown=diff.md --output sarif=diff.sarif.")
  Map<String, Path> outputs = new LinkedHashMap<>();

  @Option(names = "--all", description = "The text lists every request too, not only a few per cause (JSON always holds every request).")
  boolean all;

  @Mixin
  LoadDefaults defaults = new LoadDefaults();

  @Option(names = "--fail-on", paramLabel = "RULE", defaultValue = "never", converter = GateConverter.class,
      description = "Exit 1 on new-access or any-change; never (default) only reports.")
  Gate failOn;

  @Option(names = "--accept-sampled", description = "--fail-on new-access passes pairs decided over a sample instead of proved "
      + "(the reports still name them); without it, a sampled pair fails the gate, since new access may be missed there.")
  boolean acceptSampled;

  @Override
  public Integer call() throws IOException {
    Map<ReportFormat, Path> files = new LinkedHashMap<>();
    for (Map.Entry<String, Path> output : outputs.entrySet()) {
      try {
        files.put(ReportFormat.named(output.getKey()), output.getValue());
      } catch (IllegalArgumentException e) {
        throw new InputException("--output " + output.getKey() + "=" + output.getValue() + ": " + e.getMessage());
      }
    }
    Path root = repository.toAbsolutePath().normalize();
    AccessDiff diff;
    HomeAccount home;
    try (Version baseVersion = Version.resolve(base, root); Version headVersion = Version.resolve(head, root)) {
      // Both versions load into one home account, the head's, by the rule every command applies.
      AccessDiffer.InHome compared = AccessDiffer.standard()
          .compareInHome(baseVersion, headVersion, sources, SourceFormats.standard(), defaults.options(), defaults.accountGiven());
      diff = compared.diff();
      home = compared.home();
    }
    PrintWriter out = spec.commandLine().getOut();
    // The text, for people, says first which account the sources loaded into and why; other formats
    // are documents machines read, so it is said beside them, on standard error.
    (format == ReportFormat.TEXT ? out : spec.commandLine().getErr()).println(LoadDefaults.homeLine(home));
    spec.commandLine().getErr().flush();
    out.print(format.render(diff, all));
    out.flush();
    for (Map.Entry<ReportFormat, Path> file : files.entrySet()) {
      Path target = file.getValue();
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.writeString(target, file.getKey().render(diff, all), StandardCharsets.UTF_8);
    }
    List<String> failures = failOn.failures(diff, acceptSampled);
    failures.forEach(reason -> spec.commandLine().getErr().println("iamunit diff: --fail-on " + failOn.id() + " failed: " + reason));
    spec.commandLine().getErr().flush();
    return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  static final class FormatConverter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      return ReportFormat.named(value);
    }
  }

  static final class GateConverter implements ITypeConverter<Gate> {
    @Override
    public Gate convert(String value) {
      return Gate.named(value);
    }
  }
}
