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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading never reads a data source: hcl4j's http lookup would request the URL while parsing. */
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
}
