package dev.iamunit.coverage.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.coverage.AssertionFailure;
import dev.iamunit.coverage.ConditionCoverage;
import dev.iamunit.coverage.RecordedDecision;
import dev.iamunit.coverage.StatementCoverage;
import dev.iamunit.coverage.StatementKey;
import dev.iamunit.eval.Outcome;
import dev.iamunit.model.Effect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The JSON of a fragment ({@code coverage-<pid>-<uuid>.json}) and of the statements in {@code
 * coverage.json}: one object per statement, the same in both, so a report can be read back.
 */
@API(status = INTERNAL, since = "0.1")
public final class FragmentFormat {

  /**
   * The fragment format. Version 2 keys an SCP or RCP statement per account it applies to
   * ({@code account}, {@code accountName}); a version 1 fragment cannot say which account its SCP
   * and RCP statements were exercised in, so it is not read (see {@link #PREVIOUS_FORMATS}). A
   * version 2 fragment may list {@code deployments}, the accounts the JVM's inventory found each
   * identity and resource statement in ({@link Deployments}); one without them (an earlier
   * IAMUnit's) is read as before, each statement where its key says.
   */
  public static final String FORMAT = "iamunit-coverage-fragment/2";

  /** Formats an earlier IAMUnit wrote, which the analysis names instead of calling them foreign. */
  public static final List<String> PREVIOUS_FORMATS = List.of("iamunit-coverage-fragment/1");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FragmentFormat() {}

  public static ObjectMapper mapper() {
    return JSON;
  }

  /**
   * A whole fragment; {@code decisions} is written only when a decision log was kept, {@code
   * deployments} only when the inventory placed a statement in an account.
   */
  public static String write(String jvm, Collection<StatementCoverage> statements, Collection<AssertionFailure> failures,
      Collection<RecordedDecision> decisions, Deployments deployments) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("jvm", jvm);
    root.set("statements", statements(statements));
    ArrayNode failed = root.putArray("failures");
    for (AssertionFailure failure : failures) {
      failed.addObject().put("test", failure.testId()).put("message", failure.message())
          .put("file", failure.file()).put("line", failure.line());
    }
    if (!decisions.isEmpty()) {
      ArrayNode log = root.putArray("decisions");
      for (RecordedDecision decision : decisions) {
        ObjectNode entry = log.addObject().put("test", decision.testId()).put("request", decision.request())
            .put("outcome", decision.outcome().name());
        strings(entry.putArray("deciding"), decision.deciding());
      }
    }
    Map<StatementKey, Set<String>> deployed = deployments.sorted();
    if (!deployed.isEmpty()) {
      ArrayNode placed = root.putArray("deployments");
      deployed.forEach((key, accounts) -> {
        ObjectNode entry = placed.addObject().put("statement", key.id());
        strings(entry.putArray("accounts"), List.copyOf(accounts));
        entry.put("several", deployments.inSeveral(key));
      });
    }
    return text(root);
  }

  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ArrayNode statements(Collection<StatementCoverage> statements) {
    ArrayNode array = JSON.createArrayNode();
    statements.stream().sorted(StatementCoverage.ORDER).forEach(s -> array.add(statement(s)));
    return array;
  }

  public static ObjectNode statement(StatementCoverage s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", s.key().id());
    node.put("file", s.key().file());
    node.put("line", s.key().line());
    node.put("column", s.key().column());
    node.put("index", s.key().index());
    if (s.key().inAccount()) {
      node.put("account", s.key().account());
      node.put("accountName", s.accountName());
    }
    s.sid().ifPresentOrElse(sid -> node.put("sid", sid), () -> node.putNull("sid"));
    node.put("name", s.displayName());
    node.put("effect", s.effect().json());
    node.put("policy", s.policy());
    node.put("address", s.address());
    node.put("inventory", s.inventory());
    node.put("status", s.status().name());
    node.put("decisive", s.decisive());
    node.put("overridden", s.overridden());
    ObjectNode notApplied = node.putObject("notApplied");
    notApplied.put("action", s.notAppliedAction());
    notApplied.put("resource", s.notAppliedResource());
    notApplied.put("principal", s.notAppliedPrincipal());
    notApplied.put("condition", s.notAppliedCondition());
    ArrayNode conditions = node.putArray("conditions");
    for (ConditionCoverage c : s.conditions()) {
      ObjectNode condition = conditions.addObject();
      condition.put("operator", c.operator());
      condition.put("key", c.key());
      ArrayNode values = condition.putArray("values");
      c.values().forEach(values::add);
      condition.put("line", c.line());
      condition.put("true", c.timesTrue());
      condition.put("false", c.timesFalse());
    }
    strings(node.putArray("principals"), s.principals());
    strings(node.putArray("decisiveTests"), s.decisiveTests());
    strings(node.putArray("tests"), s.tests());
    s.notRead().ifPresent(reason -> node.put("notRead", reason));
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Reads the statements of a fragment or of a {@code coverage.json}. */
  public static List<StatementCoverage> readStatements(JsonNode root) {
    List<StatementCoverage> statements = new ArrayList<>();
    for (JsonNode n : root.path("statements")) {
      List<ConditionCoverage> conditions = new ArrayList<>();
      for (JsonNode c : n.path("conditions")) {
        conditions.add(new ConditionCoverage(c.path("operator").asText(), c.path("key").asText(), strings(c.path("values")),
            c.path("line").asInt(), c.path("true").asLong(), c.path("false").asLong()));
      }
      JsonNode notApplied = n.path("notApplied");
      statements.add(new StatementCoverage(
          new StatementKey(n.path("file").asText(), n.path("line").asInt(), n.path("column").asInt(), n.path("index").asInt(),
              n.path("account").asText()),
          n.path("sid").isTextual() ? Optional.of(n.path("sid").asText()) : Optional.empty(),
          "Deny".equals(n.path("effect").asText()) ? Effect.DENY : Effect.ALLOW,
          n.path("policy").asText(), n.path("address").asText(), n.path("inventory").asBoolean(),
          strings(n.path("principals")), n.path("decisive").asLong(), n.path("overridden").asLong(),
          notApplied.path("action").asLong(), notApplied.path("resource").asLong(), notApplied.path("principal").asLong(),
          notApplied.path("condition").asLong(), conditions, strings(n.path("decisiveTests")), strings(n.path("tests")),
          n.path("notRead").isTextual() ? Optional.of(n.path("notRead").asText()) : Optional.empty(),
          n.path("accountName").asText()));
    }
    return statements;
  }

  public static List<AssertionFailure> readFailures(JsonNode root) {
    List<AssertionFailure> failures = new ArrayList<>();
    for (JsonNode f : root.path("failures")) {
      failures.add(new AssertionFailure(f.path("test").asText(), f.path("message").asText(), f.path("file").asText(),
          f.path("line").asInt()));
    }
    return failures;
  }

  /** The decision log of a fragment; empty when it kept none. */
  public static List<RecordedDecision> readDecisions(JsonNode root) {
    List<RecordedDecision> decisions = new ArrayList<>();
    for (JsonNode d : root.path("decisions")) {
      decisions.add(new RecordedDecision(d.path("test").asText(), d.path("request").asText(),
          Outcome.valueOf(d.path("outcome").asText()), strings(d.path("deciding"))));
    }
    return decisions;
  }

  /** The deployments a fragment lists; none for a fragment without them. */
  public static Deployments readDeployments(JsonNode root) {
    Deployments deployments = new Deployments();
    for (JsonNode d : root.path("deployments")) {
      StatementKey key = StatementKey.parse(d.path("statement").asText());
      d.path("accounts").forEach(account -> deployments.add(key, account.asText()));
      if (d.path("several").asBoolean()) {
        deployments.addSeveral(key);
      }
    }
    return deployments;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
