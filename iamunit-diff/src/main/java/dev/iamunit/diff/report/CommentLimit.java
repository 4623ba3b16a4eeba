package dev.iamunit.diff.report;

import java.util.Locale;

/**
 * Keeps a Markdown comment within a length limit (GitHub refuses a comment body over 65,536
 * characters): whole lines are kept while they fit, then the open code block and {@code <details>}
 * are closed and a line says the comment was cut and where the whole report is.
 */
final class CommentLimit {

  /** Room kept for the closing tags and the line that says the comment was cut. */
  private static final int RESERVE = 512;

  private CommentLimit() {}

  static String fit(String markdown, int maxChars) {
    if (markdown.length() <= maxChars) {
      return markdown;
    }
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    int openDetails = 0;
    int kept = 0;
    String[] lines = markdown.split("\n", -1);
    for (String line : lines) {
      if (out.length() + line.length() + 1 > maxChars - RESERVE) {
        break;
      }
      out.append(line).append('\n');
      kept++;
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode) {
        openDetails += count(line, "<details>") - count(line, "</details>");
      }
    }
    if (inCode) {
      out.append("```\n");
    }
    for (int i = 0; i < openDetails; i++) {
      out.append("\n</details>\n");
    }
    out.append(String.format(Locale.ROOT,
        "%n**Cut here:** the whole report is longer than a GitHub comment may be (%,d characters; %,d lines left out)."
            + " Every request is in `iamunit diff --format json` and `--all`.%n", maxChars, lines.length - kept));
    return out.toString();
  }

  private static int count(String line, String tag) {
    int n = 0;
    for (int at = line.indexOf(tag); at >= 0; at = line.indexOf(tag, at + tag.length())) {
      n++;
    }
    return n;
  }
}
