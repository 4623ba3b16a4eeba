package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The files templates read as their inputs, and the one rule about them: such a file is the
 * template's, not a source of its own. Terraform's {@code file("audit.yaml")} and {@code
 * templatefile()}, a nested stack's {@code TemplateURL} (a SAM application's {@code Location}) and
 * a stack set's local template all name one: loaded as a source besides, its principals would exist
 * in an account nothing deploys them to. {@code SourceFormats} leaves such files out of the units it
 * loads; a unit that loads as one (the CloudFormation templates of an account folder) leaves out the
 * files its own templates read, since it learns them only while it reads its templates.
 * Paths are kept absolute and normalized, as {@link #contains} compares them.
 */
@API(status = INTERNAL, since = "0.1")
public final class TemplateInputs {

  private final Set<Path> files = new LinkedHashSet<>();

  /** Records that a template reads {@code file}. */
  public void add(Path file) {
    files.add(key(file));
  }

  public void addAll(Collection<Path> more) {
    more.forEach(this::add);
  }

  /** Whether a template reads {@code file}: then it is no source of its own. */
  public boolean contains(Path file) {
    return files.contains(key(file));
  }

  /** Those of {@code candidates} whose {@code file} no template reads: the sources among them, in order. */
  public <T> List<T> sources(Collection<T> candidates, Function<T, Path> file) {
    return candidates.stream().filter(c -> !contains(file.apply(c))).toList();
  }

  /** The files, absolute and normalized, in the order they were first recorded. */
  public List<Path> files() {
    return List.copyOf(files);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
