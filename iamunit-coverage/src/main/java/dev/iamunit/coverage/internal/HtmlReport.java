package dev.iamunit.coverage.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.ConditionCoverage;
import dev.iamunit.coverage.Counter;
import dev.iamunit.coverage.CounterKind;
import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.ElementCoverage;
import dev.iamunit.coverage.ElementKind;
import dev.iamunit.coverage.StatementCoverage;
import dev.iamunit.coverage.StatementStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The HTML report, after JaCoCo's: an index table of templates (and of policies and principals),
 * and one page per template showing its source with each statement's lines coloured. Works
 * offline: one stylesheet, no script, nothing fetched.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlReport {

  private static final List<CounterKind> COLUMNS = List.of(CounterKind.values());
  private static final String CSS = """
      body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
      h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
      table.coverage{border-collapse:collapse;margin-bottom:1em}
      table.coverage th,table.coverage td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
      table.coverage th{background:#e8e8ee}table.coverage td.name,table.coverage th.name{text-align:left}
      table.coverage tfoot td{font-weight:bold;background:#f4f4f8}
      .bar{display:inline-block;width:120px;height:10px;background:#d33;vertical-align:middle;margin-right:.4em}
      .bar span{display:block;height:10px;background:#2a2}
      pre.source{font-family:ui-monospace,monospace;font-size:13px;line-height:1.35;border:1px solid #ccc;padding:0;
        margin:0 0 1em;overflow-x:auto;max-width:100%}
      pre.source span.line{display:block;padding:0 .5em;white-space:pre;position:relative}
      pre.source span.nr{display:inline-block;width:3.5em;color:#888;text-align:right;margin-right:1em}
      pre.source a.nr{color:inherit;text-decoration:none}
      .fc{background:#ccffcc}.pc{background:#ffffaa}.nc{background:#ffaaaa}
      pre.source span.tip{display:none;position:absolute;left:5em;top:100%;z-index:2;width:36em;max-width:80vw;
        white-space:normal;background:#fffff4;border:1px solid #999;box-shadow:2px 2px 6px #aaa;padding:.4em .6em;
        font-family:system-ui,sans-serif;font-size:12px}
      pre.source span.line:hover>span.tip{display:block}
      span.tip b{display:block}span.tip span.t{display:block;padding-left:1em;overflow-wrap:anywhere}
      .status-COVERED{color:#080}.status-PARTLY{color:#a70}.status-MISSED{color:#c00}
      table#statements{width:100%;table-layout:auto}
      table#statements td{vertical-align:top;padding:.15em .4em}
      table#statements details{text-align:left}table#statements summary{cursor:pointer}
      ul.tests{margin:0;padding-left:1.2em;text-align:left;overflow-wrap:anywhere}
      """;

  private final CoverageAnalysis analysis;
  private final List<Path> sourceRoots;
  private final String title;

  public HtmlReport(CoverageAnalysis analysis, List<Path> sourceRoots, String title) {
    this.analysis = analysis;
    this.sourceRoots = sourceRoots;
    this.title = title;
  }

  public Path write(Path directory) {
    try {
      Files.createDirectories(directory.resolve("templates"));
      Files.writeString(directory.resolve("report.css"), CSS);
      Path index = directory.resolve("index.html");
      Files.writeString(index, index());
      for (ElementCoverage template : analysis.elements(ElementKind.TEMPLATE)) {
        Files.writeString(directory.resolve("templates").resolve(pageName(template.name())), templatePage(template));
      }
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HTML report to " + directory, e);
    }
  }

  /** A file name for a template's page, unique for each path. */
  static String pageName(String template) {
    return template.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Integer.toHexString(template.hashCode()) + ".html";
  }

  private String index() {
    StringBuilder html = head(title, "report.css");
    html.append("<h1>").append(esc(title)).append("</h1>\n");
    html.append("<p>Statements are covered when they decided at least one test's request; conditions when "
        + "seen both true and false. <em>Never decisive</em>: applied, but always overridden.</p>\n");
    html.append("<h2>Templates</h2>\n");
    table(html, ElementKind.TEMPLATE, true);
    html.append("<h2>Policies</h2>\n");
    table(html, ElementKind.POLICY, false);
    List<ElementCoverage> principals = analysis.elements(ElementKind.PRINCIPAL);
    if (!principals.isEmpty()) {
      html.append("<h2>Principals</h2>\n");
      table(html, ElementKind.PRINCIPAL, false);
    }
    return html.append("</body></html>\n").toString();
  }

  private void table(StringBuilder html, ElementKind kind, boolean links) {
    String id = switch (kind) {
      case BUNDLE -> "all";
      case TEMPLATE -> "templates";
      case POLICY -> "policies";
      case PRINCIPAL -> "principals";
    };
    html.append("<table class=\"coverage\" id=\"").append(id).append("\"><thead><tr><th class=\"name\">")
        .append(esc(kind.description())).append("</th><th>Missed statements</th><th>Cov.</th>");
    for (CounterKind column : COLUMNS) {
      html.append("<th>").append(esc(column.description())).append("</th>");
    }
    html.append("<th>Never decisive</th></tr></thead>\n<tbody>\n");
    for (ElementCoverage element : analysis.elements(kind)) {
      String name = links ? "<a href=\"templates/" + pageName(element.name()) + "\">" + esc(element.name()) + "</a>"
          : esc(element.name());
      row(html, name, element);
    }
    html.append("</tbody><tfoot>");
    row(html, "Total", analysis.total());
    html.append("</tfoot></table>\n");
  }

  private static void row(StringBuilder html, String name, ElementCoverage element) {
    Counter statements = element.counter(CounterKind.STATEMENT);
    long width = statements.total() == 0 ? 0 : Math.round(120.0 * statements.covered() / statements.total());
    html.append("<tr><td class=\"name\">").append(name).append("</td><td><span class=\"bar\"><span style=\"width:")
        .append(width).append("px\"></span></span>").append(statements.missed()).append(" of ").append(statements.total())
        .append("</td><td class=\"ratio\">").append(statements.percent()).append("</td>");
    for (CounterKind column : COLUMNS) {
      Counter counter = element.counter(column);
      html.append("<td class=\"").append(column.name()).append("\">").append(counter.covered()).append(" / ")
          .append(counter.total()).append("</td>");
    }
    html.append("<td>").append(element.neverDecisive().size()).append("</td></tr>\n");
  }

  private String templatePage(ElementCoverage template) {
    StringBuilder html = head(template.name() + " — " + title, "../report.css");
    html.append("<p><a href=\"../index.html\">").append(esc(title)).append("</a> › ").append(esc(template.name())).append("</p>\n");
    html.append("<h1>").append(esc(template.name())).append("</h1>\n<table class=\"coverage\" id=\"summary\"><thead><tr>"
        + "<th class=\"name\">template</th><th>Missed statements</th><th>Cov.</th>");
    for (CounterKind column : COLUMNS) {
      html.append("<th>").append(esc(column.description())).append("</th>");
    }
    html.append("<th>Never decisive</th></tr></thead><tbody>");
    row(html, esc(template.name()), template);
    html.append("</tbody></table>\n");

    source(html, template);
    statementsTable(html, template);
    return html.append("</body></html>\n").toString();
  }

  /**
   * The source first, as JaCoCo's source view: each statement's lines coloured; hovering a line
   * shows the statement's panel, its first line also holds it as a plain tooltip (title).
   */
  private void source(StringBuilder html, ElementCoverage template) {
    Optional<List<String>> source = source(template.name());
    if (source.isEmpty()) {
      html.append("<p class=\"nosource\">Source file not found under ").append(esc(sourceRoots.toString())).append(".</p>\n");
      return;
    }
    html.append("<h2>Source</h2>\n<pre class=\"source\" id=\"source\">");
    Map<Integer, StatementCoverage> byLine = colouredLines(template.statements(), source.get());
    List<String> lines = source.get();
    for (int i = 0; i < lines.size(); i++) {
      int nr = i + 1;
      StatementCoverage s = byLine.get(nr);
      html.append("<span class=\"line");
      if (s != null) {
        html.append(' ').append(cssClass(s.status())).append("\" title=\"").append(esc(tooltip(s)));
      }
      html.append("\" id=\"L").append(nr).append("\"><span class=\"nr\">");
      if (s != null) {
        html.append("<a class=\"nr\" href=\"#").append(rowId(s)).append("\">").append(nr).append("</a>");
      } else {
        html.append(nr);
      }
      html.append("</span>").append(esc(lines.get(i)));
      if (s != null) {
        panel(html, s);
      }
      html.append("</span>");
    }
    html.append("</pre>\n");
  }

  /** The hover panel: status, counts, each condition's outcomes, the tests that decided and reached it. */
  private static void panel(StringBuilder html, StatementCoverage s) {
    html.append("<span class=\"tip\"><b>").append(esc(s.effect().json() + " " + s.displayName())).append(": ")
        .append(s.status()).append("</b>decisive ").append(s.decisive()).append("x, overridden ").append(s.overridden())
        .append("x, not applied ").append(notApplied(s)).append('x');
    if (!s.conditions().isEmpty()) {
      html.append("<b>Conditions (seen true / false)</b>");
      for (ConditionCoverage c : s.conditions()) {
        html.append("<span class=\"t\">").append(esc(c.describe())).append(": ").append(c.timesTrue()).append(" / ")
            .append(c.timesFalse()).append("</span>");
      }
    }
    html.append("<b>Tests</b>");
    if (s.tests().isEmpty()) {
      html.append("<span class=\"t\">none</span>");
    }
    for (String test : s.tests()) {
      html.append("<span class=\"t\">").append(esc(test)).append(s.decisiveTests().contains(test) ? " (decided it)" : "")
          .append("</span>");
    }
    html.append("</span>");
  }

  /** One short row per statement below the source; the tests fold away ({@code details}). */
  private static void statementsTable(StringBuilder html, ElementCoverage template) {
    html.append("<h2>Statements</h2>\n<table class=\"coverage\" id=\"statements\"><thead><tr><th>Line</th>"
        + "<th class=\"name\">Statement</th><th class=\"name\">Policy</th><th>Effect</th><th>Status</th><th>Decisive</th>"
        + "<th>Overridden</th><th>Not applied</th><th class=\"name\">Conditions (true / false)</th>"
        + "<th class=\"name\">Tests</th></tr></thead><tbody>\n");
    for (StatementCoverage s : template.statements()) {
      html.append("<tr id=\"").append(rowId(s)).append("\"><td><a href=\"#L").append(s.key().line()).append("\">")
          .append(s.key().line()).append("</a></td><td class=\"name\">").append(esc(s.displayName()))
          .append("</td><td class=\"name\">").append(esc(s.policy())).append("</td><td>").append(s.effect().json())
          .append("</td><td class=\"status-").append(s.status()).append("\">").append(s.status()).append("</td><td>")
          .append(s.decisive()).append("</td><td>").append(s.overridden()).append("</td><td>").append(notApplied(s))
          .append("</td><td class=\"name\">");
      for (int i = 0; i < s.conditions().size(); i++) {
        ConditionCoverage c = s.conditions().get(i);
        html.append(i == 0 ? "" : "<br>").append(esc(c.describe())).append(": ").append(c.timesTrue()).append(" / ")
            .append(c.timesFalse());
      }
      html.append("</td><td class=\"name\">");
      if (!s.tests().isEmpty()) {
        html.append("<details><summary>").append(s.tests().size()).append(s.tests().size() == 1 ? " test" : " tests")
            .append(", ").append(s.decisiveTests().size()).append(" decisive</summary><ul class=\"tests\">");
        for (String test : s.tests()) {
          html.append("<li>").append(esc(test)).append(s.decisiveTests().contains(test) ? " (decisive)" : "").append("</li>");
        }
        html.append("</ul></details>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private static String rowId(StatementCoverage s) {
    String row = "S" + s.key().line() + "-" + s.key().column() + "-" + s.key().index();
    return s.key().inAccount() ? row + "-" + s.key().account() : row;
  }

  private static long notApplied(StatementCoverage s) {
    return s.notAppliedResource() + s.notAppliedPrincipal() + s.notAppliedCondition();
  }

  private static String tooltip(StatementCoverage s) {
    StringBuilder text = new StringBuilder(s.effect().json()).append(' ').append(s.displayName()).append(": ")
        .append(s.status()).append(", decisive ").append(s.decisive()).append("x, overridden ").append(s.overridden())
        .append('x');
    for (ConditionCoverage c : s.conditions()) {
      text.append("\n").append(c.describe()).append(": true ").append(c.timesTrue()).append("x, false ")
          .append(c.timesFalse()).append('x');
    }
    text.append("\ntests: ");
    if (s.tests().isEmpty()) {
      text.append("none");
    }
    for (String test : s.tests()) {
      text.append("\n  ").append(test).append(s.decisiveTests().contains(test) ? " (decided it)" : "");
    }
    return text.toString();
  }

  private static String cssClass(StatementStatus status) {
    return switch (status) {
      case COVERED -> "fc";
      case PARTLY -> "pc";
      case MISSED -> "nc";
    };
  }

  /** Each line a statement spans, from its start to its end or the next statement's start. */
  static Map<Integer, StatementCoverage> colouredLines(List<StatementCoverage> statements, List<String> lines) {
    Map<Integer, StatementCoverage> byLine = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      StatementCoverage s = statements.get(i);
      int start = s.key().line();
      if (start < 1 || start > lines.size()) {
        continue;
      }
      int next = i + 1 < statements.size() && statements.get(i + 1).key().line() > start
          ? statements.get(i + 1).key().line() - 1 : lines.size();
      int end = Math.min(StatementExtent.end(lines, start, s.key().column()), next);
      for (int line = start; line <= end; line++) {
        // A statement counted per account has a row per account: its lines show the account where it fares worst.
        byLine.merge(line, s, (shown, other) -> other.key().withoutAccount().equals(shown.key().withoutAccount())
            && other.status().compareTo(shown.status()) > 0 ? other : shown);
      }
    }
    return byLine;
  }

  private Optional<List<String>> source(String file) {
    for (Path root : sourceRoots) {
      Path candidate = root.resolve(file);
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(Files.readAllLines(candidate));
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static StringBuilder head(String pageTitle, String css) {
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(pageTitle))
        .append("</title><link rel=\"stylesheet\" href=\"").append(css).append("\"></head><body>\n");
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
