package dev.iamunit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.cli.source.SourceLoaders;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iamunit show SOURCE...}: what IAMUnit sees in each source. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what IAMUnit sees: every principal, policy and statement with its file:line,",
      "Sid, effect, actions, resources, principals and conditions, and every unresolved value.",
      "Sources so far are policy documents (.json); a folder stands for its *.json files.",
      "Template loaders (CloudFormation, Terraform) join as they land.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every source was shown",
      ExitCodes.USAGE_LINE,
      "3:a source cannot be read or is invalid (the message names file:line)",
      ExitCodes.INTERNAL_LINE
    })
final class ShowCommand implements Callable<Integer> {

  private static final JsonFactory JSON = new JsonFactory();

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Write JSON for machines (schema in the iamunit-cli README) instead of text.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Policy files or folders.")
  List<Path> sources;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LoadOptions options = LoadOptions.defaults()
        .withBundledAwsManagedPolicies();
    SourceLoaders loaders = SourceLoaders.standard();
    List<Path> files = SourceFiles.expand(sources);
    if (json) {
      JsonGenerator generator = JSON.createGenerator(out).useDefaultPrettyPrinter();
      generator.writeStartObject();
      generator.writeArrayFieldStart("sources");
      AccountJson writer = new AccountJson(generator);
      for (Path file : files) {
        writer.write(file.toString(), loaders.load(file, options));
      }
      generator.writeEndArray();
      generator.writeEndObject();
      generator.flush();
      out.println();
    } else {
      AccountText writer = new AccountText(out);
      for (Path file : files) {
        Account account = loaders.load(file, options);
        writer.write(file.toString(), account);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
