package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.any;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Terraform's filesystem functions (developer.hashicorp.com/terraform/language/functions,
 * "Filesystem Functions"). Files are read only inside the project root.
 *
 * <p>An absolute path depends on the machine that runs Terraform, so IAMUnit never writes one into
 * a value: {@code abspath} of a relative path, and {@code path.cwd}, are the working directory as an
 * unresolved part followed by the path inside it. The functions here read such a path as the
 * working directory's file, and {@code basename(path.cwd)} is the working directory's own name, as
 * in Terraform; the same text in a policy stays unresolved.
 */
final class FilesystemFunctions {

  private FilesystemFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.of("file", FilesystemFunctions::file, string("path").orUnknown()),
      FunctionSpec.of("templatefile", FilesystemFunctions::templatefile, string("path").orUnknown(), any("vars").orUnknown()),
      FunctionSpec.of("fileset", FilesystemFunctions::fileset, string("path").orUnknown(), string("pattern")),
      FunctionSpec.of("basename", FilesystemFunctions::basename, string("path").orUnknown()),
      FunctionSpec.of("dirname", FilesystemFunctions::dirname, string("path").orUnknown()),
      FunctionSpec.of("abspath", FilesystemFunctions::abspath, string("path").orUnknown()));

  /** Why an absolute path inside the working directory is not written out. */
  static final String MACHINE_PATH =
      "an absolute path depends on the machine that runs Terraform; IAMUnit never writes one into a policy";

  /**
   * The {@code path} object of a module: {@code path.module} and {@code path.root} are relative to
   * the working directory, as in Terraform ("." for the root module); {@code path.cwd} is the
   * working directory as a machine path, made only when read so that reading {@code path.module}
   * reports nothing.
   */
  static Value pathObject(String prefix, String moduleDir, ExpressionEvaluator ev, Expr.Span span) {
    return new Value.Instance(prefix + "path", name -> switch (name) {
      case "module" -> Value.of(relativeToWorkingDirectory(moduleDir, ev));
      case "root" -> Value.of(".");
      case "cwd" -> workingDirectory(ev, span.withText("path.cwd"));
      default -> throw new EvalError("path has no attribute \"" + name + "\"; it has module, root and cwd", span);
    });
  }

  private static String relativeToWorkingDirectory(String dir, ExpressionEvaluator ev) {
    Path path = Path.of(dir);
    if (!path.isAbsolute()) {
      return dir;
    }
    String relative = ev.scope().workingDirectory().toAbsolutePath().normalize().relativize(path).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  /**
   * {@code path.cwd}: Terraform's working directory, as an absolute path IAMUnit does not write out.
   * It is not reported here: the functions above read it without making anything unknown
   * ({@code basename(path.cwd)} is known), and where it stays part of a value, the place that
   * value ends in (a policy, a name) reports the value's unresolved parts, as for every string.
   */
  static Value.Str workingDirectory(ExpressionEvaluator ev, Expr.Span span) {
    Unresolved cwd = Unresolved.of(span.text(), ev.location(span), MACHINE_PATH);
    return new Value.Str(cwd.placeholder(), List.of(cwd), Optional.empty());
  }

  /** The path inside the working directory that a machine path names ("." for the directory itself); empty for other values. */
  private static Optional<String> insideWorkingDirectory(Value.Str path) {
    if (path.parts().size() != 1 || !path.parts().get(0).reason().equals(MACHINE_PATH)) {
      return Optional.empty();
    }
    String placeholder = path.parts().get(0).placeholder();
    if (!path.text().startsWith(placeholder)) {
      return Optional.empty();
    }
    String rest = path.text().substring(placeholder.length());
    return rest.isEmpty() || rest.startsWith("/") ? Optional.of(clean("." + rest)) : Optional.empty();
  }

  /** The text of a path argument, relative to the working directory when it is a machine path; empty when unknown. */
  private static Optional<String> pathText(FunctionCall c, int i) {
    Value.Str path = c.str(i);
    return path.known() ? Optional.of(path.text()) : insideWorkingDirectory(path);
  }

  private static Value givenUnknown(FunctionCall c, int i) {
    return c.unknown(c.name() + "() is given " + ExpressionEvaluator.describe(c.arg(i)));
  }

  /** {@code abspath}: "if the path is not absolute, it will be joined with the current working directory". */
  private static Value abspath(FunctionCall c) {
    Value.Str path = c.str(0);
    if (path.known() && path.text().startsWith("/")) {
      return Value.of(clean(path.text()));
    }
    Optional<String> inside = path.known() ? Optional.of(clean(path.text())) : insideWorkingDirectory(path);
    if (inside.isEmpty()) {
      return givenUnknown(c, 0);
    }
    Value.Str cwd = workingDirectory(c.ev(), c.span());
    return FunctionCall.string(cwd.text() + (inside.get().equals(".") ? "" : "/" + inside.get()), cwd);
  }

  /** {@code basename}: the last element of the path, as Go's {@code filepath.Base} gives it. */
  private static Value basename(FunctionCall c) {
    Value.Str path = c.str(0);
    if (path.known()) {
      return Value.of(base(path.text()));
    }
    Optional<String> inside = insideWorkingDirectory(path);
    if (inside.isEmpty()) {
      return givenUnknown(c, 0);
    }
    Path named = c.ev().scope().workingDirectory().toAbsolutePath().resolve(inside.get()).normalize();
    // The name of a folder in or above the project, never a whole machine path.
    return Value.of(named.getFileName() == null ? "/" : named.getFileName().toString());
  }

  /** {@code dirname}: all but the last element of the path, as Go's {@code filepath.Dir} gives it. */
  private static Value dirname(FunctionCall c) {
    Value.Str path = c.str(0);
    if (path.known()) {
      return Value.of(dir(path.text()));
    }
    Optional<String> inside = insideWorkingDirectory(path);
    if (inside.isEmpty() || inside.get().equals(".") || inside.get().startsWith("..")) {
      // Outside the working directory: only the machine knows that path.
      return givenUnknown(c, 0);
    }
    String parent = dir(inside.get());
    String placeholder = path.parts().get(0).placeholder();
    return FunctionCall.string(placeholder + (parent.equals(".") ? "" : "/" + parent), path);
  }

  /** Go's {@code filepath.Clean} for "/"-separated paths: the shortest equivalent path. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String element : path.split("/")) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
        out.remove(out.size() - 1);
      } else if (!element.equals("..") || !rooted) {
        out.add(element);
      }
    }
    String joined = String.join("/", out);
    return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  static String base(String path) {
    String trimmed = path.replaceAll("/+$", "");
    if (path.isEmpty()) {
      return ".";
    }
    if (trimmed.isEmpty()) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  /** What {@code read} makes of the file argument 0 names, or why that file cannot be read. */
  static Value withFile(FunctionCall c, String what, Function<Path, Value> read) {
    Optional<String> name = pathText(c, 0);
    if (name.isEmpty()) {
      return givenUnknown(c, 0);
    }
    Path resolved = resolve(name.get(), c);
    if (!Files.isRegularFile(resolved)) {
      return c.unknown("the " + what + " " + c.ev().scope().displayName(resolved) + " does not exist in the loaded sources");
    }
    return read.apply(resolved);
  }

  private static Value file(FunctionCall c) {
    return withFile(c, "file", path -> {
      c.ev().report.input(path);
      String display = c.ev().scope().displayName(path);
      String text = SourceText.read(path, display, "Terraform", TerraformLoader.MAX_FILE_BYTES);
      return PolicyText.withDocument(text, List.of(), SourceLocation.of(display, 1, 1).withAddress(c.ev().address()));
    });
  }

  private static Value templatefile(FunctionCall c) {
    if (c.ev().insideTemplateFile()) {
      // Terraform refuses this too; a template naming itself would otherwise recurse forever.
      throw c.error("cannot be called from inside a template that templatefile() reads");
    }
    return withFile(c, "template", path -> {
      c.ev().report.input(path);
      if (!(c.arg(1) instanceof Value.Obj vars)) {
        if (Operators.isKnown(c.arg(1))) {
          throw c.error("takes a map of variables, not " + Value.typeName(c.arg(1)));
        }
        return c.unknownFrom(c.arg(1));
      }
      String display = c.ev().scope().displayName(path);
      String text = SourceText.read(path, display, "Terraform", TerraformLoader.MAX_FILE_BYTES);
      Value result = c.ev().isolated(vars.members()).evaluate(HclParser.parseTemplate(display, text, 1));
      if (result instanceof Value.Str s) {
        return PolicyText.withDocument(s.text(), s.parts(), SourceLocation.of(display, 1, 1).withAddress(c.ev().address()));
      }
      return result;
    });
  }

  /**
   * {@code fileset(path, pattern)}: the regular files under {@code path} whose path relative to it
   * matches {@code pattern}, sorted, with "/" as the separator. Supported pattern syntax: "*"
   * matches any sequence of non-separator characters, "**" any sequence of characters including
   * separators, "?" one non-separator character, "{alternative1,...}" any one of the
   * alternatives, "[CLASS]" a character class ("[!...]" negated).
   */
  private static Value fileset(FunctionCall c) {
    Optional<String> name = pathText(c, 0);
    if (name.isEmpty()) {
      return givenUnknown(c, 0);
    }
    Path dir = resolve(name.get(), c);
    if (!Files.isDirectory(dir)) {
      return new Value.Tuple(List.of());
    }
    Pattern matcher = glob(c.text(1), c);
    Path root = c.ev().scope().projectRoot().toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(dir)) {
      return new Value.Tuple(files
          .filter(Files::isRegularFile)
          .filter(f -> ProjectPaths.isInside(f, root))
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .filter(f -> matcher.matcher(f).matches())
          .sorted()
          .map(Value::of)
          .toList());
    } catch (IOException | UncheckedIOException e) {
      return c.unknown("the folder " + c.ev().scope().displayName(dir) + " could not be listed: " + e.getMessage());
    }
  }

  /** A fileset pattern as a regular expression; "**" followed by "/" also matches no folder at all. */
  static Pattern glob(String pattern, FunctionCall c) {
    StringBuilder regex = new StringBuilder();
    int groups = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      switch (ch) {
        case '*' -> {
          if (pattern.startsWith("**/", i)) {
            regex.append("(?:.*/)?");
            i += 2;
          } else if (pattern.startsWith("**", i)) {
            regex.append(".*");
            i++;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '{' -> {
          regex.append("(?:");
          groups++;
        }
        case '}' -> {
          if (groups == 0) {
            throw c.error("was given the pattern \"" + Functions.printable(pattern) + "\", which closes a group it never opened");
          }
          regex.append(')');
          groups--;
        }
        case ',' -> regex.append(groups > 0 ? "|" : ",");
        case '[' -> {
          int close = pattern.indexOf(']', i + 2);
          if (close < 0) {
            throw c.error("was given the pattern \"" + Functions.printable(pattern) + "\", whose character class is not closed");
          }
          String body = pattern.substring(i + 1, close);
          regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
          i = close;
        }
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    if (groups > 0) {
      throw c.error("was given the pattern \"" + Functions.printable(pattern) + "\", whose group is not closed");
    }
    try {
      return Pattern.compile(regex.toString());
    } catch (java.util.regex.PatternSyntaxException e) {
      throw c.error("was given the pattern \"" + Functions.printable(pattern) + "\", which is not a valid pattern");
    }
  }

  /** A path a function names, relative to the working directory, refused outside the project root. */
  static Path resolve(String name, FunctionCall c) {
    Path resolved = ProjectPaths.resolve(c.ev().scope().workingDirectory(), name).orElseThrow(() -> new TemplateException(
        c.name() + "(\"" + Functions.printable(name) + "\"): not a valid file path", c.location()));
    Path root = c.ev().scope().projectRoot().toAbsolutePath().normalize();
    if (!ProjectPaths.isInside(resolved, root)) {
      throw new TemplateException(
          c.name() + "(\"" + Functions.printable(name) + "\") reads outside the project root " + root
              + (resolved.startsWith(root) ? " through a symbolic link" : "")
              + "; keep policy files inside the project, or set the root with LoadOptions.withProjectRoot",
          c.location());
    }
    return resolved;
  }
}
