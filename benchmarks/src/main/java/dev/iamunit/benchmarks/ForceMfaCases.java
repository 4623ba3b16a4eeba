package dev.iamunit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.jsonl.CaseFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the seed 003 request mix ({@link ForceMfaScenario}) as JSON Lines cases, so that
 * benchmarks/compare can give the very same cases to iam-simulate and to IAMUnit. Each line
 * carries the full request context Caller built and, as {@code expected}, IAMUnit's decision;
 * before writing, every line is read back and must decide as the request it came from.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.iamunit.benchmarks.ForceMfaCases OUT.jsonl}
 */
public final class ForceMfaCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ForceMfaCases() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ForceMfaCases OUT.jsonl");
      System.exit(2);
    }
    ForceMfaScenario scenario = new ForceMfaScenario();
    List<String> lines = new ArrayList<>();
    int index = 0;
    for (Request request : scenario.requests()) {
      Decision decision = Evaluator.standard().decide(request, scenario.policies());
      String id = "force-mfa/" + index++ + " " + request.action() + " " + request.credentials().name().toLowerCase(java.util.Locale.ROOT);
      String line = line(id, scenario.policyDocuments(), request, decision).toString();
      Decision readBack = Evaluator.standard().decide(CaseFormat.read(line, id).request(), CaseFormat.read(line, id).policies());
      if (readBack.outcome() != decision.outcome()) {
        throw new IllegalStateException(id + ": the written case decides " + readBack.outcome() + ", the request " + decision.outcome());
      }
      lines.add(line);
    }
    Path out = Path.of(args[0]);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.write(out, lines);
    System.out.println("wrote " + lines.size() + " cases to " + out);
  }

  private static ObjectNode line(String id, List<String> documents, Request request, Decision decision) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("id", id);
    ObjectNode policies = line.putObject("policies");
    ArrayNode identity = policies.putArray("identity");
    for (String document : documents) {
      identity.add(JSON.readTree(document));
    }
    for (String absent : List.of("resource", "permissionBoundaries", "scps", "rcps", "session")) {
      policies.putNull(absent);
    }
    ObjectNode json = line.putObject("request")
        .put("principal", request.principal())
        .put("action", request.action())
        .put("resource", request.resource())
        .put("resourceAccount", request.resourceAccount().orElseThrow());
    ObjectNode context = json.putObject("context");
    for (RequestContext.Entry entry : request.context().entries()) {
      if (entry.multivalued()) {
        ArrayNode values = context.putArray(entry.key());
        entry.values().forEach(values::add);
      } else {
        context.put(entry.key(), entry.value());
      }
    }
    line.put("expected", decision.outcome().name());
    return line;
  }
}
