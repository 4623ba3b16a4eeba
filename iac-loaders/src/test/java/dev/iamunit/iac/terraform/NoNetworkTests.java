package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.iamunit.iac.LoadOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading never touches the network: no data source is read (hcl4j's http lookup would request
 * the URL while parsing), no remote module is downloaded, and nothing is printed.
 */
class NoNetworkTests {

  @Test
  void httpDataSourceMakesNoRequest(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "{\"Version\":\"2012-10-17\",\"Statement\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/policy.json";
      Files.writeString(dir.resolve("main.tf"), """
          data "http" "policy" {
            url = "%s"
          }
          resource "aws_iam_policy" "p" {
            name   = "p"
            policy = data.http.policy.response_body
          }
          """.formatted(url));

      LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));

      assertThat(requests).hasValue(0);
      assertThat(report.unresolved()).singleElement().satisfies(u -> {
        assertThat(u.expression()).isEqualTo("data.http.policy.response_body");
        assertThat(u.location().fileAndLine()).isEqualTo("main.tf:1");
      });
    } finally {
      server.stop(0);
    }
  }

  /**
   * A module from a URL, git or the registry is reported as unresolved, with its source named;
   * the loopback server sees no connection, and the load prints nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"git::http://127.0.0.1:PORT/modules.git", "http://127.0.0.1:PORT/module.zip",
      "git::https://127.0.0.1:PORT/modules.git?ref=v1", "127.0.0.1:PORT/team/iam/aws", "hashicorp/consul/aws",
      "s3::http://127.0.0.1:PORT/bucket/module.zip"})
  void remoteModuleSourcesAreUnresolvedWithoutAConnection(String source, @TempDir Path dir) throws Exception {
    AtomicInteger connections = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      connections.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      String url = source.replace("PORT", Integer.toString(server.getAddress().getPort()));
      Files.writeString(dir.resolve("main.tf"), """
          module "remote" {
            source = "%s"
          }
          resource "aws_iam_role_policy" "p" {
            role   = "r"
            policy = module.remote.policy_json
          }
          """.formatted(url));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));

      LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));

      System.setOut(out);
      System.setErr(err);
      assertThat(connections).hasValue(0);
      assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(report.unresolved()).anySatisfy(u -> {
        assertThat(u.location().fileAndLine()).isEqualTo("main.tf:1");
        assertThat(u.reason()).contains("comes from " + url + ", which IAMUnit does not download");
      });
    } finally {
      System.setOut(out);
      System.setErr(err);
      server.stop(0);
    }
  }
}
