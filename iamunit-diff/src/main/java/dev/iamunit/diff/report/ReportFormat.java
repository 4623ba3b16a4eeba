package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.diff.AccessDiff;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The formats a diff is written in, by the names the CLI and the Maven goal accept. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ReportFormat {
  TEXT("text", TextReport::render),
  JSON("json", (diff, all) -> JsonReport.render(diff)),
  MARKDOWN("markdown", (diff, all) -> MarkdownReport.render(diff)),
  SARIF("sarif", (diff, all) -> SarifReport.render(diff));

  private final String id;
  private final BiFunction<AccessDiff, Boolean, String> renderer;

  ReportFormat(String id, BiFunction<AccessDiff, Boolean, String> renderer) {
    this.id = id;
    this.renderer = renderer;
  }

  public String id() {
    return id;
  }

  /** The report, with a few example requests per cause. */
  public String render(AccessDiff diff) {
    return render(diff, false);
  }

  /**
   * The report; with {@code all}, the text lists every request too. JSON always holds every
   * request; Markdown and SARIF, which a pull request shows, never do.
   */
  public String render(AccessDiff diff, boolean all) {
    return renderer.apply(diff, all);
  }

  /** The format named {@code name} ({@code markdown}, {@code MARKDOWN}, {@code md}). */
  public static ReportFormat named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    if (wanted.equals("md")) {
      return MARKDOWN;
    }
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown report format \"" + name + "\"; use one of " + names()));
  }

  public static String names() {
    return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
  }
}
