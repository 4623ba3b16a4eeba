package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A statement whose elements differ between the versions, as a reviewer reads a diff of it: one
 * {@link Line} per value removed or added, {@code - "BoolIfExists": {"aws:MultiFactorAuthPresent":
 * "false"}} then {@code + "Bool": {...}}, each at the file:line where it is written. A statement
 * in one version only is all {@code -} or all {@code +}.
 *
 * @param policy the policy's name, as {@link DecidingStatement#policy()}
 * @param statement the Sid, or {@code #index}
 * @param effect Allow or Deny
 * @param base where the statement starts in the base, when it is there
 * @param head where it starts in the head, when it is there
 * @param lines what was removed ({@code -}, base locations) and added ({@code +}, head locations),
 *     element by element (Principal, Action, Resource, Condition), removals first
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StatementChange(
    String policy, String statement, Effect effect, Optional<SourceLocation> base, Optional<SourceLocation> head,
    List<Line> lines) {

  public StatementChange {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    lines = List.copyOf(lines);
  }

  /**
   * One value removed or added.
   *
   * @param sign {@code '-'} removed (in the base only), {@code '+'} added (in the head only)
   * @param text the element as policy JSON writes it: {@code "Action": "s3:PutObject"}
   * @param location where it is written in its version
   */
  public record Line(char sign, String text, SourceLocation location) {
    public Line {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(location, "location");
    }

    /** {@code - "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}. */
    @Override
    public String toString() {
      return sign + " " + text;
    }
  }

  /** The same key as {@link DecidingStatement#identity()}: policy, statement and effect. */
  public String identity() {
    return policy + "/" + statement + "/" + effect.json();
  }

  /**
   * Whether this is the statement {@code deciding} names, in either version: the same policy,
   * statement and effect in the same file (two users' inline policies may share a name).
   */
  public boolean is(DecidingStatement deciding) {
    return identity().equals(deciding.identity())
        && (head.or(() -> base).map(SourceLocation::file).orElseThrow().equals(deciding.file()));
  }

  /** {@code Deny BlockMostAccessUnlessSignedInWithMFA (Force_MFA, main.tf:88)}, in the head if there, else the base. */
  public String describe() {
    SourceLocation at = head.or(() -> base).orElseThrow();
    return effect.json() + " " + statement + " (" + policy + ", " + at.fileAndLine() + ")"
        + (head.isEmpty() ? ", removed" : base.isEmpty() ? ", added" : "");
  }

  /**
   * Where a reviewer of the head should look: the first added line; for a statement that only lost
   * values, where it starts in the head; for one the head removed, its first line in the base.
   */
  public SourceLocation where() {
    return lines.stream().filter(l -> l.sign() == '+').findFirst().map(Line::location)
        .or(() -> head)
        .or(() -> lines.stream().findFirst().map(Line::location))
        .orElseGet(() -> base.orElseThrow());
  }

  /**
   * Every statement whose elements differ between {@code base} and {@code head}, or that only one
   * of them holds, in the order of the head's (then the base's) policies. Statements pair by
   * {@link #identity()} and file, as the diff pairs deciding statements, so a statement that only
   * moved down its file is no change.
   */
  public static List<StatementChange> between(Account base, Account head) {
    return between(AccountPolicies.of(base), AccountPolicies.of(head));
  }

  /** {@link #between(Account, Account)} over two lists of policies: those of one account, or an organization's SCPs and RCPs. */
  static List<StatementChange> between(List<Policy> base, List<Policy> head) {
    Map<String, Located> before = located(base);
    Map<String, Located> after = located(head);
    Map<String, Located> keys = new LinkedHashMap<>(after);
    before.forEach(keys::putIfAbsent);
    List<StatementChange> changes = new ArrayList<>();
    keys.forEach((key, any) -> {
      Located b = before.get(key);
      Located h = after.get(key);
      // Most statements of a pull request's two versions are the same, even in place: their
      // elements are then the same too, and need not be written out to be compared.
      if (b != null && h != null && b.statement().equals(h.statement())) {
        return;
      }
      List<Element> removed = elements(b);
      List<Element> added = elements(h);
      List<Element> onlyBase = minus(removed, added);
      List<Element> onlyHead = minus(added, removed);
      if (onlyBase.isEmpty() && onlyHead.isEmpty()) {
        return;
      }
      List<Line> lines = new ArrayList<>();
      onlyBase.forEach(e -> lines.add(new Line('-', e.text(), e.location())));
      onlyHead.forEach(e -> lines.add(new Line('+', e.text(), e.location())));
      // Element by element, so a condition's removal and its replacement read one above the other.
      lines.sort(Comparator.comparingInt((Line l) -> order(l.text())).thenComparing(l -> l.sign() == '+'));
      Statement s = any.statement();
      changes.add(new StatementChange(any.policy(), s.sid().orElse("#" + s.index()), s.effect(),
          Optional.ofNullable(b).map(x -> x.statement().location()), Optional.ofNullable(h).map(x -> x.statement().location()),
          lines));
    });
    return changes;
  }

  private record Located(String policy, Statement statement) {}

  private record Element(String text, SourceLocation location) {}

  private static Map<String, Located> located(List<Policy> policies) {
    Map<String, Located> all = new LinkedHashMap<>();
    for (Policy policy : policies) {
      for (Statement s : policy.statements()) {
        String key = policy.name() + "/" + s.sid().orElse("#" + s.index()) + "/" + s.effect().json() + "@" + s.location().file();
        all.putIfAbsent(key, new Located(policy.name(), s));
      }
    }
    return all;
  }

  /** The statement's values, one element each, as policy JSON writes them. */
  private static List<Element> elements(Located located) {
    List<Element> out = new ArrayList<>();
    if (located == null) {
      return out;
    }
    Statement s = located.statement();
    s.principal().ifPresent(p -> {
      if (p.anyone()) {
        out.add(new Element(quote(p.elementName()) + ": \"*\"", p.location()));
      }
      p.byType().forEach((type, values) -> values.forEach(v ->
          out.add(new Element(quote(p.elementName()) + ": {" + quote(type) + ": " + quote(readable(s, v)) + "}", p.location()))));
    });
    s.action().values().forEach(v -> out.add(new Element(quote(s.action().elementName()) + ": " + quote(readable(s, v)), s.action().location())));
    s.resource().ifPresent(r -> r.values().forEach(v ->
        out.add(new Element(quote(r.elementName()) + ": " + quote(readable(s, v)), r.location()))));
    for (Condition c : s.conditions()) {
      String values = c.values().size() == 1
          ? quote(readable(s, c.values().get(0)))
          : c.values().stream().map(v -> quote(readable(s, v))).collect(Collectors.joining(", ", "[", "]"));
      out.add(new Element(quote(c.operator().name()) + ": {" + quote(c.key()) + ": " + values + "}", c.location()));
    }
    return out;
  }

  /** {@code from} without the texts {@code other} holds, each as often as it holds it. */
  private static List<Element> minus(List<Element> from, List<Element> other) {
    List<String> left = new ArrayList<>(other.stream().map(Element::text).toList());
    List<Element> out = new ArrayList<>();
    for (Element e : from) {
      if (!left.remove(e.text())) {
        out.add(e);
      }
    }
    return out;
  }

  private static int order(String text) {
    String element = text.substring(1, text.indexOf('"', 1));
    return switch (element) {
      case "Principal", "NotPrincipal" -> 0;
      case "Action", "NotAction" -> 1;
      case "Resource", "NotResource" -> 2;
      default -> 3;
    };
  }

  private static String readable(Statement statement, String value) {
    return Unresolved.readable(value, statement.unresolved());
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
