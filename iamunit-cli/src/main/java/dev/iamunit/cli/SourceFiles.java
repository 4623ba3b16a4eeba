package dev.iamunit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.iamunit.iac.SourceFormats;

/** The files named on a command line, folders expanded to the files a command reads in them. */
final class SourceFiles {

  private static final SourceFormats TEMPLATES = SourceFormats.standard();

  private SourceFiles() {}

  /**
   * Each file as given; a folder of templates (a Terraform module, CloudFormation stacks) as
   * itself; any other folder as its JSON, YAML and template files, sorted by path.
   */
  static List<Path> expand(List<Path> sources) {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source) && TEMPLATES.accepts(source)) {
        files.add(source);
      } else if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(".*\\.(json|ya?ml|template)$"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(source)) {
        files.add(source);
      } else {
        throw new UncheckedIOException(new NoSuchFileException(source.toString()));
      }
    }
    return files;
  }
}
