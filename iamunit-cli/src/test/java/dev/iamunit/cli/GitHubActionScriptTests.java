package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 2: the GitHub Action's script ({@code tools/github-action/diff-pull-request.mjs},
 * which {@code action.yml} runs) against a fake GitHub API on localhost, with a fake event file and
 * base and head folders or a git revision: it runs the diff, creates the pull request's one IAMUnit
 * comment and updates that same comment on the next push, and writes the step outputs. Nothing
 * touches the network. Needs {@code node} (every GitHub runner has it).
 */
class GitHubActionScriptTests {

  private static final Path SCRIPT = Path.of("../tools/github-action/diff-pull-request.mjs").toAbsolutePath().normalize();
  private static final Path CHANGES = Path.of("../iamunit-diff/src/test/resources/changes/added-action").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private HttpServer server;
  private final List<String> calls = new ArrayList<>();
  /** The pull request's comments by id, as the fake API holds them: 100 of other people's first. */
  private final Map<Long, String> comments = new LinkedHashMap<>();

  @BeforeEach
  void startFakeGitHub() throws IOException {
    for (long id = 1; id <= 100; id++) {
      comments.put(id, "LGTM " + id);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::api);
    server.start();
  }

  @AfterEach
  void stopFakeGitHub() {
    server.stop(0);
  }

  private synchronized void api(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().toString();
    calls.add(method + " " + path + (exchange.getRequestHeaders().getFirst("Authorization").equals("Bearer t0ken") ? "" : " (no token)"));
    JsonNode body = method.equals("GET") ? null : JSON.readTree(exchange.getRequestBody());
    Object answer;
    int status = 200;
    if (method.equals("GET") && path.startsWith("/repos/team/infra/issues/7/comments?per_page=100&page=")) {
      int page = Integer.parseInt(path.substring(path.lastIndexOf('=') + 1));
      ArrayNode list = JSON.createArrayNode();
      comments.entrySet().stream().skip((page - 1) * 100L).limit(100)
          .forEach(c -> list.addObject().put("id", c.getKey()).put("body", c.getValue()));
      answer = list;
    } else if (method.equals("POST") && path.equals("/repos/team/infra/issues/7/comments")) {
      long id = 4242 + comments.size();
      comments.put(id, body.get("body").asText());
      answer = JSON.createObjectNode().put("id", id);
      status = 201;
    } else if (method.equals("PATCH") && path.startsWith("/repos/team/infra/issues/comments/")) {
      long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      comments.put(id, body.get("body").asText());
      answer = JSON.createObjectNode().put("id", id);
    } else {
      answer = JSON.createObjectNode().put("message", "Not Found");
      status = 404;
    }
    byte[] bytes = JSON.writeValueAsBytes(answer);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private record ScriptRun(int exitCode, String stderr, Map<String, String> outputs, String summary) {}

  private ScriptRun run(Path repository, Map<String, String> settings, String event) throws Exception {
    assumeTrue(commandWorks("node", "--version"), "node is not on the PATH");
    Path eventFile = Files.writeString(work.resolve("event.json"), event);
    Path outputs = work.resolve("github-output");
    Path summary = work.resolve("step-summary");
    Files.deleteIfExists(outputs);
    Files.deleteIfExists(summary);
    ProcessBuilder process = new ProcessBuilder("node", SCRIPT.toString()).directory(repository.toFile())
        .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
    Map<String, String> environment = process.environment();
    environment.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("IAMUNIT_") || k.startsWith("RUNNER_"));
    environment.put("IAMUNIT_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    environment.put("GITHUB_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    environment.put("GITHUB_TOKEN", "t0ken");
    environment.put("GITHUB_EVENT_PATH", eventFile.toString());
    environment.put("GITHUB_WORKSPACE", repository.toString());
    environment.put("GITHUB_OUTPUT", outputs.toString());
    environment.put("GITHUB_STEP_SUMMARY", summary.toString());
    environment.put("IAMUNIT_OUTPUT_DIR", work.resolve("reports").toString());
    environment.putAll(settings);
    Process started = process.start();
    assertThat(started.waitFor(180, TimeUnit.SECONDS)).as("the script finishes").isTrue();
    Map<String, String> written = new HashMap<>();
    if (Files.exists(outputs)) {
      for (String line : Files.readAllLines(outputs)) {
        written.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return new ScriptRun(started.exitValue(), Files.readString(work.resolve("stderr")), written,
        Files.exists(summary) ? Files.readString(summary) : "");
  }

  private static String pullRequest(String baseSha) {
    ObjectNode event = JSON.createObjectNode();
    event.putObject("pull_request").put("number", 7).putObject("base").put("sha", baseSha);
    event.putObject("repository").put("full_name", "team/infra");
    return event.toString();
  }

  @Test
  void createsOneCommentThenUpdatesItOnTheNextPush() throws Exception {
    Map<String, String> folders = Map.of("IAMUNIT_BASE", CHANGES.resolve("base").toString(), "IAMUNIT_HEAD", CHANGES.resolve("head").toString());

    ScriptRun first = run(work, folders, pullRequest("0123abc"));

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.outputs()).containsEntry("exit-code", "1")
        .containsEntry("sarif", work.resolve("reports/diff.sarif").toString())
        .containsEntry("markdown", work.resolve("reports/diff.md").toString());
    assertThat(work.resolve("reports/diff.sarif")).content().contains("\"ruleId\" : \"iamunit/new-access\"");
    assertThat(calls).containsExactly(
        "GET /repos/team/infra/issues/7/comments?per_page=100&page=1",
        "GET /repos/team/infra/issues/7/comments?per_page=100&page=2",
        "POST /repos/team/infra/issues/7/comments");
    String created = comments.get(4342L);
    assertThat(created).startsWith("<!-- iamunit-diff -->\n### IAMUnit access diff")
        .contains("+ \"Action\": \"s3:PutObject\"   main.tf:11")
        .isEqualTo(Files.readString(work.resolve("reports/diff.md")));
    assertThat(first.summary()).isEqualTo(created);

    calls.clear();
    ScriptRun second = run(work, folders, pullRequest("0123abc"));

    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(calls).containsExactly(
        "GET /repos/team/infra/issues/7/comments?per_page=100&page=1",
        "GET /repos/team/infra/issues/7/comments?per_page=100&page=2",
        "PATCH /repos/team/infra/issues/comments/4342");
    assertThat(comments.values()).filteredOn(body -> body.startsWith("<!-- iamunit-diff -->")).hasSize(1);
  }

  /** Without a base input, the pull request's base commit, extracted from the clone with git; the head is the working tree. */
  @Test
  void theBaseIsThePullRequestsBaseCommit() throws Exception {
    Path repository = work.resolve("repository");
    Files.createDirectories(repository);
    Files.copy(CHANGES.resolve("base/main.tf"), repository.resolve("main.tf"));
    git(repository, "init", "-q");
    git(repository, "add", "main.tf");
    git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    String sha = git(repository, "rev-parse", "HEAD").strip();
    Files.copy(CHANGES.resolve("head/main.tf"), repository.resolve("main.tf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    ScriptRun run = run(repository, Map.of("IAMUNIT_COMMENT", "false"), pullRequest(sha));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.outputs()).containsEntry("exit-code", "1");
    assertThat(work.resolve("reports/diff.md")).content().contains("`" + sha + "` → `.`: 3 requests newly allowed");
    assertThat(calls).isEmpty();
  }

  @Test
  void onAPushThereIsNoCommentButTheReportsAndTheGate() throws Exception {
    Map<String, String> unchanged = Map.of("IAMUNIT_BASE", CHANGES.resolve("base").toString(), "IAMUNIT_HEAD", CHANGES.resolve("base").toString());

    ScriptRun run = run(work, unchanged, "{\"ref\": \"refs/heads/main\"}");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.outputs()).containsEntry("exit-code", "0");
    assertThat(run.stderr()).contains("not a pull request: no comment");
    assertThat(calls).isEmpty();
  }

  private static String git(Path repository, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }

  private static boolean commandWorks(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
