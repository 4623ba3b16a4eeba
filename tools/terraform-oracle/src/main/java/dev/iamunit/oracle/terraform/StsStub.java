package dev.iamunit.oracle.terraform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.iamunit.iac.Partition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only AWS endpoint the AWS provider needs to plan without refreshing: STS on the loopback
 * address, answering {@code GetCallerIdentity} for the default account and {@code AssumeRole} with
 * session credentials whose access key id carries the role's account, so that a provider with
 * {@code assume_role} sees the account AWS would report. Nothing else is answered.
 */
final class StsStub implements AutoCloseable {

  /** The account of the fake static credentials: IAMUnit's default account. */
  static final String ACCOUNT = "123456789012";

  /** Access key ids of assumed sessions: this prefix, then the 12-digit account. */
  private static final String SESSION_KEY_PREFIX = "ASIAORACLE";

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");
  /** The Region of a SigV4 credential scope: {@code Credential=KEY/DATE/REGION/sts/aws4_request}. */
  private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[A-Z0-9]+/\\d+/([a-z0-9-]+)/");

  private final HttpServer server;

  StsStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The endpoint URL to give the provider. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String partition = partitionOf(authorization);
    String body = switch (form.getOrDefault("Action", "")) {
      case "GetCallerIdentity" -> callerIdentity(accountOf(authorization), partition);
      case "AssumeRole" -> assumeRole(form.getOrDefault("RoleArn", ""), form.getOrDefault("RoleSessionName", "oracle"), partition);
      default -> null;
    };
    byte[] bytes = (body == null
        ? "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>the oracle's STS stub answers"
            + " GetCallerIdentity and AssumeRole only</Message></Error></ErrorResponse>"
        : body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(body == null ? 400 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String accountOf(String authorization) {
    Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
    if (m.find() && m.group(1).startsWith(SESSION_KEY_PREFIX) && m.group(1).length() >= SESSION_KEY_PREFIX.length() + 12) {
      return m.group(1).substring(SESSION_KEY_PREFIX.length(), SESSION_KEY_PREFIX.length() + 12);
    }
    return ACCOUNT;
  }

  /**
   * The partition of the Region the request is signed for: the provider takes {@code
   * data.aws_partition} from the caller's ARN, which AWS gives in the partition of the Region's
   * STS (a provider in cn-north-1 is {@code arn:aws-cn:...}); {@code aws} when the scope names none.
   */
  static String partitionOf(String authorization) {
    Matcher m = SCOPE_REGION.matcher(authorization == null ? "" : authorization);
    return m.find() ? Partition.ofRegion(m.group(1)).map(Partition::id).orElse("aws") : "aws";
  }

  private static String callerIdentity(String account, String partition) {
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
        + "<Arn>arn:" + partition + ":iam::" + account + ":user/terraform-oracle</Arn><UserId>AIDAORACLE</UserId>"
        + "<Account>" + account + "</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>oracle</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
  }

  private static String assumeRole(String roleArn, String session, String partition) {
    String[] parts = roleArn.split(":", 6);
    String account = parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : ACCOUNT;
    String role = parts.length == 6 ? parts[5].replaceFirst("^role/(.*/)?", "") : "role";
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        + "<Credentials><AccessKeyId>" + SESSION_KEY_PREFIX + account + "</AccessKeyId><SecretAccessKey>oracle</SecretAccessKey>"
        + "<SessionToken>oracle</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
        + "<AssumedRoleUser><Arn>arn:" + partition + ":sts::" + account + ":assumed-role/" + role + "/" + session + "</Arn>"
        + "<AssumedRoleId>AROAORACLE:" + session + "</AssumedRoleId></AssumedRoleUser>"
        + "</AssumeRoleResult><ResponseMetadata><RequestId>oracle</RequestId></ResponseMetadata></AssumeRoleResponse>";
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
