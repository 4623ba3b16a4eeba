package dev.iamunit.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.IamUnitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;
import picocli.CommandLine;

/** Builds the {@code iamunit} command line, for {@link Main} and for tests. */
@API(status = INTERNAL, since = "0.1")
public final class Cli {

  private Cli() {}

  /**
   * The {@code iamunit} command with its subcommands, reading standard input from {@code in} and
   * writing results to {@code out}, messages to {@code err}.
   */
  public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new IamUnitCommand());
    commandLine.addSubcommand(new EvaluateCommand(in));
    commandLine.addSubcommand(new ExplainCommand());
    commandLine.addSubcommand(new LintCommand());
    commandLine.addSubcommand(new ShowCommand());
    commandLine.addSubcommand(new DiffCommand());
    commandLine.addSubcommand(new CoverageCommand());
    commandLine.addSubcommand(new CommandLine.HelpCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Cli::handle);
    return commandLine;
  }

  /**
   * A user's mistake is one line on stderr; only a bug gets a stack trace. The line starts with the
   * command as typed ({@code iamunit coverage check:}), so a nested subcommand is named with its parent.
   */
  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    commandLine.getOut().flush();
    String command = commandLine.getCommandSpec().qualifiedName();
    if (e instanceof IamUnitException || e instanceof InputException) {
      err.println(command + ": " + e.getMessage());
      err.flush();
      return ExitCodes.INPUT;
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      err.println(command + ": " + InputException.describe(cause));
      err.flush();
      return ExitCodes.INPUT;
    }
    err.println(command + ": internal error, please report it with this trace:");
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
