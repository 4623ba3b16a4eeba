package dev.iamunit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iamunit}: only its subcommands do anything. */
@Command(
    name = "iamunit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Unit tests for AWS IAM policies: evaluate, explain, lint and show.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE, ExitCodes.USAGE_LINE, ExitCodes.INPUT_LINE, ExitCodes.INTERNAL_LINE})
final class IamUnitCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command: evaluate, explain, lint or show");
  }
}
