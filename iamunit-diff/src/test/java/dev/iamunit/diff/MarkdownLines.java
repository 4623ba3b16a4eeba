package dev.iamunit.diff;

import java.util.ArrayList;
import java.util.List;

/** What a reader of a pull request comment sees before unfolding anything. */
final class MarkdownLines {

  private MarkdownLines() {}

  /**
   * The lines outside every {@code <details>} block; a block's first line, its summary, is
   * visible, its closing line is not.
   */
  static List<String> visible(String markdown) {
    List<String> visible = new ArrayList<>();
    int depth = 0;
    for (String line : markdown.split("\n", -1)) {
      if (depth == 0) {
        visible.add(line);
      }
      depth += count(line, "<details>") - count(line, "</details>");
    }
    return visible;
  }

  static int count(String line, String tag) {
    int n = 0;
    for (int at = line.indexOf(tag); at >= 0; at = line.indexOf(tag, at + 1)) {
      n++;
    }
    return n;
  }
}
