package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.IamUnitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads may run at once on several threads (the access diff loads its two versions so): every
 * source of ../shared/corpus, loaded by four threads at once in four orders, loads exactly as it
 * loads alone, report for report, and a source refused alone is refused with the same message. A
 * cache a loader shared between loads without guarding it would mix two loads' values here.
 */
class ConcurrentLoadTests {

  private static final Path CORPUS = PolicyCompletenessTests.CORPUS;
  private static final int THREADS = 4;

  /** Where an unresolved value stands in a string: a number unique in the JVM, so it differs between any two loads. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\uE000\\d+\uE001");

  /**
   * A source's load as text: its report (records print every component), or the message of the
   * exception that refused it; placeholders numbered by first appearance, so that two loads of
   * one source read alike.
   */
  private static String load(Path source) {
    LoadOptions options = LoadOptions.defaults().withProjectRoot(CORPUS).withBundledAwsManagedPolicies();
    String loaded;
    try {
      loaded = SourceFormats.standard().load(List.of(source), options).report().toString();
    } catch (IamUnitException e) {
      loaded = "refused: " + e.getMessage();
    }
    Map<String, String> numbers = new HashMap<>();
    return PLACEHOLDER.matcher(loaded).replaceAll(found -> "<placeholder " + numbers.computeIfAbsent(found.group(), p -> Integer.toString(numbers.size())) + ">");
  }

  private static List<Path> sources() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String format : List.of("terraform", "tfplan", "cloudformation")) {
      try (Stream<Path> entries = Files.list(CORPUS.resolve(format))) {
        entries.sorted().forEach(sources::add);
      }
    }
    return sources;
  }

  @Test
  void everyCorpusSourceLoadsOnFourThreadsAtOnceAsItLoadsAlone() throws Exception {
    List<Path> sources = sources();
    Map<Path, String> alone = new LinkedHashMap<>();
    sources.forEach(source -> alone.put(source, load(source)));
    assertThat(alone.values()).filteredOn(outcome -> !outcome.startsWith("refused: ")).hasSizeGreaterThan(100);

    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<Path, String>>> passes = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Path> order = new ArrayList<>(sources);
        Collections.shuffle(order, new Random(t));
        passes.add(threads.submit(() -> {
          Map<Path, String> outcomes = new LinkedHashMap<>();
          order.forEach(source -> outcomes.put(source, load(source)));
          return outcomes;
        }));
      }
      for (Future<Map<Path, String>> pass : passes) {
        Map<Path, String> together = pass.get();
        for (Path source : sources) {
          assertThat(together.get(source)).as(CORPUS.relativize(source).toString()).isEqualTo(alone.get(source));
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
