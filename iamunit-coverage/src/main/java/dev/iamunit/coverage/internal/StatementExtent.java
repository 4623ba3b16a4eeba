package dev.iamunit.coverage.internal;

import java.util.List;

/**
 * The last line of a statement in its source, found without parsing the template: JSON and HCL
 * statements end at the brace matching the first one at or after the statement's start; YAML
 * statements ({@code - Sid: X}) end before the next line indented no deeper than the start line.
 */
final class StatementExtent {

  private StatementExtent() {}

  static int end(List<String> lines, int line, int column) {
    String first = lines.get(line - 1);
    int from = Math.max(0, Math.min(column - 1, first.length()));
    if (first.indexOf('{', from) >= 0 || first.substring(from).isBlank() && nextNonBlankStartsWithBrace(lines, line)) {
      return braceEnd(lines, line, from);
    }
    return indentEnd(lines, line);
  }

  private static boolean nextNonBlankStartsWithBrace(List<String> lines, int line) {
    for (int i = line; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i).strip().startsWith("{");
      }
    }
    return false;
  }

  private static int braceEnd(List<String> lines, int line, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = line - 1; i < lines.size(); i++) {
      String text = lines.get(i);
      for (int c = i == line - 1 ? from : 0; c < text.length(); c++) {
        char ch = text.charAt(c);
        if (inString) {
          if (ch == '\\') {
            c++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '{') {
          depth++;
        } else if (ch == '}' && --depth == 0) {
          return i + 1;
        }
      }
    }
    return line;
  }

  private static int indentEnd(List<String> lines, int line) {
    int indent = indentation(lines.get(line - 1));
    int end = line;
    for (int i = line; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      if (indentation(text) <= indent) {
        break;
      }
      end = i + 1;
    }
    return end;
  }

  private static int indentation(String text) {
    int n = 0;
    while (n < text.length() && text.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
