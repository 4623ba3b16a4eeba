package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A Terraform module folder (its {@code .tf} and {@code .tf.json} files) or one {@code .tf} file. */
public final class TerraformSourceLoader implements SourceLoader {

  @Override
  public boolean accepts(Path file) {
    return Files.isDirectory(file) ? isModule(file) : isTerraformFile(file);
  }

  /** Whether {@code folder} directly holds Terraform files. */
  public static boolean isModule(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(TerraformSourceLoader::isTerraformFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isTerraformFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".tf") || name.endsWith(".tf.json");
  }

  @Override
  public Account load(Path file, LoadOptions options) {
    return TerraformLoader.load(file, options);
  }
}
