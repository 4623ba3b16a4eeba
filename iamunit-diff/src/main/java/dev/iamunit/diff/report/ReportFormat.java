package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The formats a diff is written in, by the names the CLI and the Maven goal accept. */
public enum ReportFormat {
  TEXT("text", TextReport::render),
  JSON("json", JsonReport::render),
  MARKDOWN("markdown", MarkdownReport::render),
  SARIF("sarif", SarifReport::render);

  private final String id;
  private final Function<AccessDiff, String> renderer;

  ReportFormat(String id, Function<AccessDiff, String> renderer) {
    this.id = id;
    this.renderer = renderer;
  }

  public String id() {
    return id;
  }

  public String render(AccessDiff diff) {
    return renderer.apply(diff);
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
