package dev.iamunit.iac.terraform;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The modules {@code terraform init} (or {@code terraform get}) installed for a root module, as it
 * records them in {@code .terraform/modules/modules.json}: for each module call path ({@code vpc},
 * {@code vpc.subnets}) the source it was installed from, its version (registry modules) and the
 * folder, relative to the root module, that holds it. IAMUnit reads remote modules only from there:
 * it never downloads anything.
 *
 * <p>{@code TF_DATA_DIR} (which moves {@code .terraform}) is an environment variable, which IAMUnit
 * never reads, so the folder is always the root's {@code .terraform}.
 *
 * @param file the manifest as locations name it, empty when there is none
 */
record ModuleManifest(String file, Map<String, Entry> entries) {

  /** One installed module. {@code version} is empty for modules not from a registry. */
  record Entry(String key, String source, String version, String dir) {}

  static final String PATH = ".terraform/modules/modules.json";

  static ModuleManifest none() {
    return new ModuleManifest("", Map.of());
  }

  /** The manifest of the root module in {@code rootDir}, or {@link #none()} when Terraform was not initialized there. */
  static ModuleManifest read(Path rootDir, ModuleConfig root) {
    Path path = rootDir.resolve(PATH);
    if (!Files.isRegularFile(path)) {
      return none();
    }
    String name = root.displayName(path);
    DocNode json = JsonDocuments.read(SourceText.read(path, name, "Terraform module manifest", TerraformLoader.MAX_FILE_BYTES), name);
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (json instanceof DocObject o && o.member("Modules").map(DocObject.Member::value).orElse(null) instanceof DocArray modules) {
      for (DocNode item : modules.items()) {
        if (item instanceof DocObject module) {
          String key = text(module, "Key");
          entries.put(key, new Entry(key, text(module, "Source"), text(module, "Version"), text(module, "Dir")));
        }
      }
      return new ModuleManifest(name, Map.copyOf(entries));
    }
    throw new TemplateException(name + " is not the module manifest terraform init writes ({\"Modules\": [...]});"
        + " delete .terraform/modules and run terraform init again", json.location());
  }

  private static String text(DocObject object, String member) {
    return object.member(member).map(DocObject.Member::value).orElse(null) instanceof DocScalar s ? s.text() : "";
  }

  Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * Whether the manifest's source is the one the configuration now gives, as {@code terraform init}
   * writes it: a registry address gains its host ({@code registry.terraform.io/}), a GitHub
   * shorthand becomes its {@code git::https://} URL. A changed source makes Terraform refuse to plan
   * until {@code terraform init} runs again ("Module source has changed").
   */
  static boolean sameSource(String recorded, String given) {
    return recorded.equals(given) || recorded.equals("registry.terraform.io/" + given)
        || given.startsWith("github.com/") && recorded.equals(github(given));
  }

  /**
   * Whether {@code version} meets every comma-separated constraint of a module's {@code version}
   * argument ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ~>}: "~>
   * 1.2" allows 1.2 up to, not including, 2.0; "~> 1.2.3" up to 1.3.0; Terraform language, "Version
   * Constraints"). A constraint IAMUnit cannot read counts as met: Terraform itself rejects it.
   */
  static boolean satisfies(String version, String constraints) {
    int[] v = numbers(version);
    if (v == null) {
      return true;
    }
    for (String constraint : constraints.split(",")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(=|!=|>=|<=|>|<|~>)?\\s*v?([0-9][0-9.]*)\\s*").matcher(constraint);
      if (!m.matches() || numbers(m.group(2)) == null) {
        continue;
      }
      String operator = m.group(1) == null ? "=" : m.group(1);
      int segments = m.group(2).split("\\.").length;
      int[] c = numbers(m.group(2));
      int order = compare(v, c);
      boolean met = switch (operator) {
        case "=" -> order == 0;
        case "!=" -> order != 0;
        case ">" -> order > 0;
        case ">=" -> order >= 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        default -> {
          // ~>: at least c, and below c with its next-to-last given segment raised by one.
          int[] upper = c.clone();
          int raised = Math.max(0, segments - 2);
          upper[raised]++;
          for (int i = raised + 1; i < upper.length; i++) {
            upper[i] = 0;
          }
          yield order >= 0 && compare(v, upper) < 0;
        }
      };
      if (!met) {
        return false;
      }
    }
    return true;
  }

  /** major.minor.patch of a version without a pre-release part, missing segments 0; null otherwise. */
  private static int[] numbers(String version) {
    String[] parts = version.strip().split("\\.");
    if (parts.length == 0 || parts.length > 3) {
      return null;
    }
    int[] numbers = new int[3];
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].matches("[0-9]{1,9}")) {
        return null;
      }
      numbers[i] = Integer.parseInt(parts[i]);
    }
    return numbers;
  }

  private static int compare(int[] a, int[] b) {
    return java.util.Arrays.compare(a, b);
  }

  /** {@code github.com/o/r//sub?ref=x} as go-getter records it: {@code git::https://github.com/o/r.git//sub?ref=x}. */
  private static String github(String given) {
    String rest = given.substring("github.com/".length());
    int query = rest.indexOf('?');
    String suffix = query < 0 ? "" : rest.substring(query);
    rest = query < 0 ? rest : rest.substring(0, query);
    int sub = rest.indexOf("//");
    String subdir = sub < 0 ? "" : rest.substring(sub);
    rest = sub < 0 ? rest : rest.substring(0, sub);
    return "git::https://github.com/" + (rest.endsWith(".git") ? rest : rest + ".git") + subdir + suffix;
  }
}
