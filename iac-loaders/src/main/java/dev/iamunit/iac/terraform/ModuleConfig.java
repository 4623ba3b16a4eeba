package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The blocks of one module folder (or one file), merged across its {@code .tf} and {@code .tf.json} files. */
record ModuleConfig(
    Path dir,
    Path projectRoot,
    Map<String, Body.Block> variables,
    Map<String, Body.Attribute> locals,
    Map<String, Body.Block> resources,
    Map<String, Body.Block> data,
    Map<String, Body.Block> modules,
    Map<String, Body.Block> outputs,
    Map<String, Body.Block> providers,
    Map<String, Body.Block> imports,
    List<Path> files) {

  static ModuleConfig read(Path dirOrFile, Path projectRoot, LoadReportBuilder report) {
    Path dir = Files.isDirectory(dirOrFile) ? dirOrFile : dirOrFile.toAbsolutePath().getParent();
    List<Path> files;
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> list = Files.list(dirOrFile)) {
        files = list.filter(p -> p.getFileName().toString().endsWith(".tf") || p.getFileName().toString().endsWith(".tf.json"))
            .filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new TemplateException("cannot list " + dirOrFile + ": " + e.getMessage(), SourceLocation.of(dirOrFile.toString(), 0, 0));
      }
    } else {
      files = List.of(dirOrFile);
    }
    ModuleConfig config = new ModuleConfig(dir.toAbsolutePath().normalize(), projectRoot.toAbsolutePath().normalize(),
        new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
        new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), files);
    for (Path file : files) {
      String name = config.displayName(file);
      report.file(name);
      String text = SourceText.read(file, name, "Terraform", TerraformLoader.MAX_FILE_BYTES);
      Body body = file.getFileName().toString().endsWith(".json") ? HclJson.parseFile(name, text) : HclParser.parseFile(name, text, report);
      config.add(body, report);
    }
    return config;
  }

  private void add(Body body, LoadReportBuilder report) {
    for (Body.Block block : body.blocks()) {
      switch (block.type()) {
        case "variable" -> put(variables, block.label(0), block, "variable", report);
        case "locals" -> block.body().attributes().values().forEach(a -> {
          if (locals.putIfAbsent(a.name(), a) != null) {
            report.problem(a.span().location(""), "local value \"" + a.name() + "\" is declared twice; the first is used");
          }
        });
        case "resource" -> put(resources, block.label(0) + "." + block.label(1), block, "resource", report);
        case "data" -> put(data, block.label(0) + "." + block.label(1), block, "data source", report);
        case "module" -> put(modules, block.label(0), block, "module", report);
        case "output" -> put(outputs, block.label(0), block, "output", report);
        case "provider" -> {
          // Only the AWS provider decides where IAM resources and their ARNs live.
          if (block.label(0).equals("aws")) {
            String alias = block.body().attribute("alias").map(a -> AwsProvider.unquoted(a.expr().span().text())).orElse("");
            put(providers, alias.isEmpty() ? "aws" : "aws." + alias, block, "provider configuration", report);
          }
        }
        // An import block's id is the id of an existing object: what AWS generated is known (an
        // account's id). By the address it imports to.
        case "import" -> block.body().attribute("to")
            .ifPresent(to -> put(imports, to.expr().span().text().strip(), block, "import", report));
        default -> {
          // terraform, moved...: nothing IAM depends on.
        }
      }
    }
  }

  private static void put(Map<String, Body.Block> into, String key, Body.Block block, String what, LoadReportBuilder report) {
    Body.Block earlier = into.putIfAbsent(key, block);
    if (earlier != null) {
      report.problem(block.span().location(""), what + " \"" + key + "\" is declared twice (first at " + earlier.span().file() + ":"
          + earlier.span().line() + "); Terraform rejects duplicates, and only the first is loaded");
    }
  }

  /** A file as locations name it: relative to the project root when inside it. */
  String displayName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(projectRoot) ? projectRoot.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
  }

  /** {@code path.module}: absolute, so that {@code file("${path.module}/x.json")} finds the file. */
  String relativeDir() {
    return dir.toString().replace('\\', '/');
  }
}
