package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.BlastRadius;
import dev.iamunit.diff.DiffAccount;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.PrincipalChange;
import dev.iamunit.diff.Scope;
import dev.iamunit.diff.StatementChange;
import java.util.IdentityHashMap;
import java.util.Optional;
import dev.iamunit.diff.LoadGaps;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DecidingStatement;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.SideDecision;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** The report for machines: the request space, counts, and one object per differing request. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JsonReport {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonReport() {}

  /** One version's unresolved values and problems, each with file and line. */
  private static void gaps(JsonGenerator json, String version, LoadGaps gaps) throws IOException {
    json.writeObjectFieldStart(version);
    json.writeArrayFieldStart("unresolved");
    for (Unresolved value : gaps.unresolved()) {
      json.writeStartObject();
      location(json, value.location());
      json.writeStringField("expression", value.expression());
      json.writeStringField("reason", value.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("problems");
    for (LoadReport.Problem problem : gaps.problems()) {
      json.writeStartObject();
      location(json, problem.location());
      json.writeStringField("message", problem.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void location(JsonGenerator json, SourceLocation location) throws IOException {
    json.writeStringField("file", location.file());
    json.writeNumberField("line", location.line());
  }

  public static String render(AccessDiff diff) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("base", diff.base());
      json.writeStringField("head", diff.head());
      json.writeObjectFieldStart("filesRead");
      strings(json, "base", diff.baseGaps().files());
      strings(json, "head", diff.headGaps().files());
      json.writeEndObject();
      json.writeObjectFieldStart("notEvaluated");
      gaps(json, "base", diff.baseGaps());
      gaps(json, "head", diff.headGaps());
      json.writeArrayFieldStart("couldGrantAccess");
      for (LoadGaps.Gap gap : diff.newCouldGrant()) {
        json.writeStartObject();
        location(json, gap.location());
        json.writeStringField("what", gap.what());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectFieldStart("requestSpace");
      json.writeNumberField("requests", diff.space().requests());
      json.writeNumberField("principals", diff.space().principals());
      json.writeNumberField("actions", diff.space().actions());
      json.writeNumberField("resources", diff.space().resources());
      json.writeNumberField("credentialKinds", diff.space().credentialKinds());
      json.writeNumberField("contexts", diff.space().contexts());
      json.writeNumberField("provedPairs", diff.space().proof().proved());
      json.writeArrayFieldStart("sampledPairs");
      for (String pair : diff.space().proof().sampled()) {
        json.writeString(pair);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("notes");
      for (String note : diff.space().notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeEndObject();
      scope(json, diff.space().scope());
      json.writeObjectFieldStart("summary");
      counts(json, diff.rows());
      json.writeNumberField("principalsDecided", diff.space().scope().decided());
      json.writeEndObject();
      json.writeNumberField("elapsedMillis", diff.elapsed().toMillis());
      json.writeArrayFieldStart("accounts");
      for (DiffAccount account : diff.accounts()) {
        List<DiffRow> rows = diff.rows().stream().filter(r -> r.account().equals(account.id())).toList();
        json.writeStartObject();
        account(json, account);
        counts(json, rows);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("blastRadius");
      for (BlastRadius change : diff.blastRadius()) {
        blastRadius(json, change);
      }
      json.writeEndArray();
      List<Cause> causes = diff.causes();
      Map<DiffRow, Integer> causeOf = new IdentityHashMap<>();
      json.writeArrayFieldStart("causes");
      for (int i = 0; i < causes.size(); i++) {
        int index = i;
        causes.get(i).rows().forEach(row -> causeOf.put(row, index));
        cause(json, causes.get(i));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("changes");
      for (DiffRow row : diff.rows()) {
        json.writeStartObject();
        json.writeStringField("change", row.change().name());
        json.writeNumberField("cause", causeOf.get(row));
        json.writeStringField("principal", row.principal());
        json.writeStringField("account", row.account());
        json.writeStringField("action", row.action());
        strings(json, "alike", row.alike());
        json.writeStringField("resource", row.resource());
        json.writeStringField("credentials", row.credentials().name());
        json.writeBooleanField("proved", row.proved());
        json.writeObjectFieldStart("context");
        for (Map.Entry<String, String> entry : new TreeMap<>(row.context()).entrySet()) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        side(json, "base", row.base());
        side(json, "head", row.head());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  /** Which principals were decided, of how many, and each reason with how many principals it covers. */
  private static void scope(JsonGenerator json, Scope scope) throws IOException {
    json.writeObjectFieldStart("scope");
    json.writeNumberField("principals", scope.principals());
    json.writeNumberField("decided", scope.decided());
    json.writeStringField("text", scope.describe());
    json.writeArrayFieldStart("reasons");
    for (Scope.Reason reason : scope.reasons()) {
      json.writeStartObject();
      json.writeStringField("why", reason.why());
      json.writeNumberField("principals", reason.principals());
      strings(json, "examples", reason.examples());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** One cause: who, how many, both sides, the statement edits behind it and a few example requests. */
  private static void cause(JsonGenerator json, Cause cause) throws IOException {
    json.writeStartObject();
    json.writeStringField("change", cause.change().name());
    json.writeStringField("principal", cause.principal());
    json.writeStringField("account", cause.account());
    json.writeStringField("credentials", cause.credentials().name());
    json.writeNumberField("requests", cause.rows().size());
    json.writeBooleanField("proved", cause.proved());
    json.writeNumberField("actions", cause.actions().size());
    json.writeArrayFieldStart("decided");
    for (Cause.Decided d : cause.decided()) {
      json.writeStartObject();
      json.writeNumberField("requests", d.rows().size());
      side(json, "base", d.base());
      side(json, "head", d.head());
      json.writeEndObject();
    }
    json.writeEndArray();
    statementChanges(json, "changedStatements", cause.changed());
    lines(json, "principalChanges", cause.principalChange().map(PrincipalChange::lines).orElse(List.of()));
    json.writeArrayFieldStart("examples");
    for (DiffRow row : cause.examples(Summary.EXAMPLES)) {
      json.writeString(Cause.request(row));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void statementChanges(JsonGenerator json, String name, List<StatementChange> changes) throws IOException {
    json.writeArrayFieldStart(name);
    for (StatementChange change : changes) {
      json.writeStartObject();
      json.writeStringField("policy", change.policy());
      json.writeStringField("statement", change.statement());
      json.writeStringField("effect", change.effect().json());
      optionalLocation(json, "base", change.base());
      optionalLocation(json, "head", change.head());
      lines(json, "lines", change.lines());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Diff lines: {@code sign}, {@code text}, {@code file}, {@code line}. */
  private static void lines(JsonGenerator json, String name, List<StatementChange.Line> lines) throws IOException {
    json.writeArrayFieldStart(name);
    for (StatementChange.Line line : lines) {
      json.writeStartObject();
      json.writeStringField("sign", String.valueOf(line.sign()));
      json.writeStringField("text", line.text());
      location(json, line.location());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void account(JsonGenerator json, DiffAccount account) throws IOException {
    json.writeStringField("id", account.id());
    json.writeStringField("name", account.name());
  }

  /** {@code newlyAllowed}, {@code newlyDenied}, {@code changedReason}: as the summary counts them. */
  private static void counts(JsonGenerator json, List<DiffRow> rows) throws IOException {
    json.writeNumberField("newlyAllowed", rows.stream().filter(r -> r.change() == Change.NEWLY_ALLOWED).count());
    json.writeNumberField("newlyDenied", rows.stream().filter(r -> r.change() == Change.NEWLY_DENIED).count());
    json.writeNumberField("changedReason", rows.stream().filter(r -> r.change() == Change.CHANGED_REASON).count());
  }

  /** An SCP or RCP change: its edits, its attachments, and each account it reaches with the causes found there. */
  private static void blastRadius(JsonGenerator json, BlastRadius change) throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", change.kind());
    json.writeStringField("policy", change.policy());
    location(json, change.location());
    statementChanges(json, "changedStatements", change.statements());
    lines(json, "attachments", change.attachments());
    json.writeArrayFieldStart("accounts");
    for (BlastRadius.Reach reach : change.accounts()) {
      json.writeStartObject();
      account(json, reach.account());
      json.writeBooleanField("reachedInBase", reach.base());
      json.writeBooleanField("reachedInHead", reach.head());
      List<DiffRow> access = reach.causes().stream().flatMap(c -> c.rows().stream()).toList();
      json.writeNumberField("newlyAllowed", access.stream().filter(r -> r.change() == Change.NEWLY_ALLOWED).count());
      json.writeNumberField("newlyDenied", access.stream().filter(r -> r.change() == Change.NEWLY_DENIED).count());
      // The requests the policy decided that kept their outcome: not in the causes, which are who gains or loses access.
      json.writeNumberField("changedReason", reach.changedReason());
      json.writeArrayFieldStart("causes");
      for (Cause cause : reach.causes()) {
        cause(json, cause);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void optionalLocation(JsonGenerator json, String name, Optional<SourceLocation> location) throws IOException {
    if (location.isEmpty()) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    location(json, location.get());
    json.writeEndObject();
  }

  private static void side(JsonGenerator json, String name, SideDecision side) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("outcome", side.outcome().name());
    json.writeBooleanField("principalDeclared", side.principalDeclared());
    json.writeArrayFieldStart("deciding");
    for (DecidingStatement s : side.deciding()) {
      json.writeStartObject();
      json.writeStringField("policy", s.policy());
      json.writeStringField("statement", s.statement());
      json.writeStringField("effect", s.effect().json());
      json.writeStringField("file", s.file());
      json.writeNumberField("line", s.line());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
