package dev.iamunit.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** {@code java -jar iamunit.jar ...}. */
@API(status = INTERNAL, since = "0.1")
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Buffered without autoflush: evaluate writes one line per case and flushes once at the end.
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int exitCode = Cli.commandLine(System.in, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
