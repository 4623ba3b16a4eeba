package dev.iamunit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.HomeAccount;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iamunit show SOURCE...}: what IAMUnit sees in each source, and what it cannot see. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows what IAMUnit sees: every principal, policy and statement with its file:line,",
      "Sid, effect, actions, resources, principals and conditions; then every value it could not",
      "compute (unresolved) and every problem (a policy AWS would reject, a SAM policy template",
      "IAMUnit does not know), which are not in the account. Sources are Terraform folders and",
      ".tf files, plan JSON, CloudFormation and SAM templates and folders of them, and policy",
      "documents (.json) and folders of them, read as the JUnit extension reads them. Each source",
      "says its home account and why: --account; else the one it declares; else the default.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every source was shown",
      "1:with --strict: some source has an unresolved value or a problem",
      ExitCodes.USAGE_LINE,
      "3:a source cannot be read at all (the message names file:line)",
      ExitCodes.INTERNAL_LINE
    })
final class ShowCommand implements Callable<Integer> {

  private static final JsonFactory JSON = new JsonFactory();

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Write JSON for machines (schema in the iamunit-cli README) instead of text.")
  boolean json;

  @Option(names = "--strict", description = "Exit 1 when a source has an unresolved value or a problem.")
  boolean strict;

  @Mixin
  LoadDefaults defaults = new LoadDefaults();

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Templates, policy files or folders of them.")
  List<Path> sources;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LoadOptions options = defaults.options();
    LoadDefaults.requireExisting(sources);
    boolean complete = true;
    if (json) {
      JsonGenerator generator = JSON.createGenerator(out).useDefaultPrettyPrinter();
      generator.writeStartObject();
      generator.writeArrayFieldStart("sources");
      AccountJson writer = new AccountJson(generator);
      for (Path source : sources) {
        HomeAccount.Loaded loaded = defaults.load(List.of(source), options);
        complete &= loaded.sources().complete();
        writer.write(source.toString(), loaded.sources(), loaded.home());
      }
      generator.writeEndArray();
      generator.writeEndObject();
      generator.flush();
      out.println();
    } else {
      AccountText writer = new AccountText(out);
      for (Path source : sources) {
        HomeAccount.Loaded loaded = defaults.load(List.of(source), options);
        complete &= loaded.sources().complete();
        writer.write(source.toString(), loaded.sources(), loaded.home());
      }
    }
    out.flush();
    return strict && !complete ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
