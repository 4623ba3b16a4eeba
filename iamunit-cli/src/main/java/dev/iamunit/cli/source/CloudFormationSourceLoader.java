package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CloudFormation or SAM template: YAML always, JSON when it declares {@code Resources} or
 * {@code AWSTemplateFormatVersion} near its start (a policy document does neither).
 */
public final class CloudFormationSourceLoader implements SourceLoader {

  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template")) {
      return true;
    }
    if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
      return false;
    }
    char[] head = new char[8192];
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int read = reader.read(head);
      String text = read > 0 ? new String(head, 0, read) : "";
      return text.contains("\"AWSTemplateFormatVersion\"") || text.contains("\"Resources\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Account load(Path file, LoadOptions options) {
    return CloudFormationLoader.load(List.of(file), options);
  }
}
