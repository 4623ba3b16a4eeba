package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.coverage.internal.Glob;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule of the gate in JaCoCo's grammar: every {@code element} (template, policy, principal or
 * the whole bundle) whose name matches an include and no exclude must meet every limit.
 *
 * @param element what the limits are checked on
 * @param includes name patterns ({@code *} any text, {@code ?} one character); empty means all
 * @param excludes name patterns left out
 * @param limits the bounds each element must keep
 */
@API(status = EXPERIMENTAL)
public record CoverageRule(ElementKind element, List<String> includes, List<String> excludes, List<Limit> limits) {

  public CoverageRule {
    Objects.requireNonNull(element, "element");
    includes = includes.isEmpty() ? List.of("*") : List.copyOf(includes);
    excludes = List.copyOf(excludes);
    limits = List.copyOf(limits);
  }

  public static CoverageRule of(ElementKind element, Limit... limits) {
    return new CoverageRule(element, List.of(), List.of(), List.of(limits));
  }

  public boolean appliesTo(String name) {
    return includes.stream().anyMatch(p -> Glob.matches(p, name)) && excludes.stream().noneMatch(p -> Glob.matches(p, name));
  }
}
