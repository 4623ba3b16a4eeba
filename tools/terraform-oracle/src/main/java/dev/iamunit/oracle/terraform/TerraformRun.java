package dev.iamunit.oracle.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Terraform, run as a separate process on a temporary copy of a unit: {@code init} from the local
 * provider mirror, {@code plan -refresh=false}, {@code show -json}. The network is out of reach:
 * providers come only from the filesystem mirror, any other HTTP(S) goes to a proxy on a closed
 * port, and STS is {@link StsStub}. The fake static credentials are given through the environment
 * rather than an override file, so that they reach every provider configuration, aliased ones and
 * those in child modules included, and the copy's sources stay as written.
 */
final class TerraformRun {

  /** The outcome for one unit: the plan JSON, or why Terraform would not plan it offline. */
  sealed interface Outcome {}

  record Planned(Path planJson) implements Outcome {}

  record NotPlanned(String step, String reason) implements Outcome {}

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  private final String terraform;
  private final Path cliConfig;
  private final String stsUrl;

  /**
   * @param terraform the terraform executable
   * @param pluginMirror the folder holding registry.terraform.io/hashicorp/aws/VERSION/OS_ARCH
   * @param work where the CLI configuration is written
   * @param stsUrl the STS stub's endpoint
   */
  TerraformRun(String terraform, Path pluginMirror, Path work, String stsUrl) {
    this.terraform = terraform;
    this.stsUrl = stsUrl;
    this.cliConfig = work.resolve("terraform-oracle.tfrc");
    write(cliConfig, "provider_installation {\n  filesystem_mirror {\n    path = \"" + pluginMirror.toAbsolutePath()
        + "\"\n  }\n}\n");
  }

  /** Copies the unit into {@code into} and plans it there. */
  Outcome plan(Unit unit, Path into) {
    copy(unit.source(), into);
    Path log = into.resolve("terraform-oracle.log");
    for (List<String> step : List.of(
        List.of("init", "-input=false", "-backend=false", "-no-color"),
        List.of("plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=oracle.tfplan"))) {
      String failure = run(step, into, log, null);
      if (failure != null) {
        return new NotPlanned(step.get(0), failure);
      }
    }
    Path json = into.resolve("oracle.tfplan.json");
    String failure = run(List.of("show", "-json", "-no-color", "oracle.tfplan"), into, log, json);
    return failure == null ? new Planned(json) : new NotPlanned("show", failure);
  }

  /** Runs one terraform command; null when it succeeded, else its first error. */
  private String run(List<String> args, Path dir, Path log, Path stdout) {
    List<String> command = new ArrayList<>(List.of(terraform));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    environment(builder.environment());
    builder.redirectErrorStream(stdout == null);
    builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(stdout.toFile()));
    if (stdout != null) {
      builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    try {
      Process process = builder.start();
      if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "timed out after " + STEP_TIMEOUT.toSeconds() + " s";
      }
      return process.exitValue() == 0 ? null : firstError(log);
    } catch (IOException e) {
      return "cannot run " + terraform + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Only what planning needs: PATH and HOME, the CLI configuration, fake static credentials, the
   * default region, STS on the stub, and every other address behind a closed proxy port.
   */
  private void environment(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    String home = env.getOrDefault("HOME", "/tmp");
    env.clear();
    env.put("PATH", path);
    env.put("HOME", home);
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAORACLEFAKEKEY000");
    env.put("AWS_SECRET_ACCESS_KEY", "oracle-fake-secret");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_ENDPOINT_URL_STS", stsUrl);
    env.put("HTTPS_PROXY", "http://127.0.0.1:9");
    env.put("HTTP_PROXY", "http://127.0.0.1:9");
    env.put("https_proxy", "http://127.0.0.1:9");
    env.put("http_proxy", "http://127.0.0.1:9");
    env.put("NO_PROXY", "127.0.0.1");
    env.put("no_proxy", "127.0.0.1");
  }

  /** The first "Error: ..." of the log with the line after it (Terraform's summary and detail). */
  static String firstError(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "terraform failed; its log cannot be read: " + e.getMessage();
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("^[│╷╵ ]+", "").strip();
      if (line.startsWith("Error: ")) {
        StringBuilder text = new StringBuilder(line.substring("Error: ".length()));
        for (int j = i + 1; j < lines.size() && j < i + 6; j++) {
          String next = lines.get(j).replaceFirst("^[│╷╵ ]+", "").strip();
          if (!next.isEmpty() && !next.startsWith("on ") && !next.matches("^\\d+:.*")) {
            text.append(": ").append(next);
            break;
          }
        }
        return text.toString();
      }
    }
    return "terraform failed without an Error line; see " + log;
  }

  /** A folder as it is (without .terraform state), or a file with the non-Terraform files beside it. */
  static void copy(Path source, Path into) {
    try {
      Files.createDirectories(into);
      if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            Path rel = source.relativize(p);
            if (rel.toString().startsWith(".terraform")) {
              continue;
            }
            Path target = into.resolve(rel.toString());
            if (Files.isDirectory(p)) {
              Files.createDirectories(target);
            } else {
              Files.copy(p, target);
            }
          }
        }
        return;
      }
      try (Stream<Path> siblings = Files.list(source.getParent())) {
        for (Path p : (Iterable<Path>) siblings::iterator) {
          String name = p.getFileName().toString();
          boolean terraformFile = name.endsWith(".tf") || name.endsWith(".tf.json") || name.endsWith(".tfvars");
          if (Files.isRegularFile(p) && (p.equals(source) || !terraformFile)) {
            Files.copy(p, into.resolve(name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
