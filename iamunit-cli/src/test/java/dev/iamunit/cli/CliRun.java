package dev.iamunit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code iamunit}: its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return withInput("", args);
  }

  static CliRun withInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err))
        .execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  String[] outLines() {
    return out.isEmpty() ? new String[0] : out.split("\n");
  }
}
