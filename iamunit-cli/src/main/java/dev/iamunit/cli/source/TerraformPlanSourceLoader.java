package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON of {@code terraform show -json plan.out}: it names a {@code terraform_version}. */
public final class TerraformPlanSourceLoader implements SourceLoader {

  @Override
  public boolean accepts(Path file) {
    if (!file.getFileName().toString().endsWith(".json") || !Files.isRegularFile(file)) {
      return false;
    }
    char[] head = new char[4096];
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int read = reader.read(head);
      return read > 0 && new String(head, 0, read).contains("\"terraform_version\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Account load(Path file, LoadOptions options) {
    return TerraformPlanLoader.load(file, options);
  }
}
