package dev.iamunit.oracle.terraform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Terraform itself as the second opinion on IAMUnit's static Terraform loader. For each unit:
 * {@code terraform plan} offline, {@code terraform show -json}, the plan through
 * {@code TerraformPlanLoader}, the sources through {@code TerraformLoader}, and the two accounts
 * compared fact by fact ({@link AccountFacts}). Prints a table per unit and one line per
 * difference with its status from KNOWN_DIFFERENCES.md.
 *
 * <pre>
 * java -jar tools/terraform-oracle/target/terraform-oracle.jar [--all] [--jobs N] [--details] [UNIT...]
 * </pre>
 *
 * Run from the repository root. Without units: the fixed set ({@code tools/terraform-oracle/fixed-set.txt}).
 * {@code --all}: the fixed set and every Terraform unit of {@code ../shared/corpus/terraform}.
 * Exit 0 when every difference is known and every unit of the fixed set planned; 1 otherwise; 2
 * when Terraform or the provider mirror is missing or the arguments are wrong.
 */
public final class TerraformOracle {

  static final Path HOME = Path.of("tools/terraform-oracle");

  private TerraformOracle() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    boolean all = false;
    boolean details = false;
    int jobs = 2;
    String terraform = System.getenv().getOrDefault("TERRAFORM", "terraform");
    Path mirror = Path.of(System.getenv().getOrDefault("TF_ORACLE_MIRROR", "/opt/tf-plugins"));
    List<Path> given = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--all" -> all = true;
        case "--details" -> details = true;
        case "--jobs" -> jobs = Integer.parseInt(args[++i]);
        case "--help", "-h" -> {
          out.println("usage: terraform-oracle [--all] [--jobs N] [--details] [UNIT...]   (run from the repository root)");
          return 0;
        }
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println("terraform-oracle: unknown option " + args[i]);
            return 2;
          }
          given.add(Path.of(args[i]));
        }
      }
    }
    if (!Files.isDirectory(mirror.resolve("registry.terraform.io/hashicorp/aws"))) {
      System.err.println("terraform-oracle: no AWS provider in the filesystem mirror " + mirror
          + " (set TF_ORACLE_MIRROR); Terraform cannot plan offline, nothing was compared");
      return 2;
    }
    List<Unit> units = given.isEmpty() ? fixedSet() : given.stream().map(TerraformOracle::unit).toList();
    List<Unit> fixed = List.copyOf(units);
    if (all) {
      List<Unit> everything = new ArrayList<>(units);
      corpusUnits().stream().filter(u -> everything.stream().noneMatch(f -> f.name().equals(u.name()))).forEach(everything::add);
      units = everything;
    }
    KnownDifferences known = KnownDifferences.read(HOME.resolve("KNOWN_DIFFERENCES.md"));
    Path work = Files.createTempDirectory("terraform-oracle");
    List<UnitResult> results = new ArrayList<>();
    long start = System.nanoTime();
    try (StsStub sts = new StsStub()) {
      TerraformRun run = new TerraformRun(terraform, mirror, work, sts.url());
      ExecutorService pool = Executors.newFixedThreadPool(jobs);
      try {
        List<Future<UnitResult>> futures = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
          Unit unit = units.get(i);
          Path into = work.resolve("unit-" + i);
          futures.add(pool.submit(() -> UnitResult.of(unit, run, into)));
        }
        for (Future<UnitResult> future : futures) {
          try {
            results.add(future.get());
          } catch (ExecutionException e) {
            throw new IllegalStateException("the oracle failed on a unit", e.getCause());
          }
        }
      } finally {
        pool.shutdown();
      }
    } finally {
      delete(work);
    }
    return report(results, fixed, known, details, (System.nanoTime() - start) / 1e9, out);
  }

  private static int report(List<UnitResult> results, List<Unit> fixed, KnownDifferences known, boolean details,
      double seconds, PrintStream out) {
    results.sort(Comparator.comparing(r -> r.unit().name()));
    Table units = new Table("unit", "planned", "static facts", "plan facts", "known", "new", "s");
    Table differences = new Table("unit", "subject", "kind", "status");
    List<String> newDetails = new ArrayList<>();
    Map<KnownDifferences.Row, Integer> used = new LinkedHashMap<>();
    known.rows().forEach(r -> used.put(r, 0));
    int fresh = 0;
    int failedFixed = 0;
    for (UnitResult result : results) {
      int newHere = 0;
      int knownHere = 0;
      for (Difference d : result.differences()) {
        Optional<KnownDifferences.Row> row = known.explain(d);
        row.ifPresent(r -> used.merge(r, 1, Integer::sum));
        if (row.isPresent()) {
          knownHere++;
        } else {
          newHere++;
          newDetails.add(d.unit() + " :: " + d.subject() + " (" + d.kind().label + ")\n    "
              + (details ? "static:\n" + d.staticValue() + "\n    plan:\n" + d.planValue() : d.firstDifferentLine()));
        }
        if (row.isEmpty() || details) {
          differences.add(d.unit(), d.subject(), d.kind().label, row.map(KnownDifferences.Row::status).orElse("NEW"));
        }
      }
      fresh += newHere;
      boolean inFixed = fixed.stream().anyMatch(u -> u.name().equals(result.unit().name()));
      if (!result.planned() && inFixed) {
        failedFixed++;
      }
      units.add(result.unit().name(), result.planned() ? "yes" : "no: " + result.notPlanned(),
          result.planned() ? String.valueOf(result.staticFacts().size()) : "-",
          result.planned() ? String.valueOf(result.planFacts().size()) : "-",
          String.valueOf(knownHere), String.valueOf(newHere), String.format("%.0f", result.seconds()));
    }
    units.print(out);
    out.println();
    if (differences.size() > 0) {
      differences.print(out);
      out.println();
    }
    newDetails.forEach(out::println);
    used.forEach((row, count) -> {
      if (count == 0 && results.size() > 1) {
        out.println("note: KNOWN_DIFFERENCES.md line " + row.line() + " (" + row.unit() + " / " + row.subject()
            + ") matched nothing in this run; if the bug is fixed, delete the row");
      }
    });
    long planned = results.stream().filter(UnitResult::planned).count();
    out.printf("%d units, %d planned, %d differences known, %d new, %d of the fixed set not planned, %.0f s%n",
        results.size(), planned, results.stream().mapToInt(r -> r.differences().size()).sum() - fresh, fresh, failedFixed, seconds);
    return fresh == 0 && failedFixed == 0 ? 0 : 1;
  }

  /** The units of fixed-set.txt, one path from the repository root a line; # starts a comment. */
  static List<Unit> fixedSet() throws IOException {
    return Files.readAllLines(HOME.resolve("fixed-set.txt"), StandardCharsets.UTF_8).stream()
        .map(l -> l.replaceFirst("#.*", "").strip())
        .filter(l -> !l.isEmpty())
        .map(l -> unit(Path.of(l)))
        .toList();
  }

  /** Every top-level .tf and .tf.json file and every folder of the corpus's terraform/ folder. */
  static List<Unit> corpusUnits() throws IOException {
    Path corpus = Path.of(System.getProperty("iamunit.shared", "../shared")).resolve("corpus/terraform");
    try (Stream<Path> list = Files.list(corpus)) {
      return list.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json"))
          .sorted()
          .map(TerraformOracle::unit)
          .toList();
    }
  }

  private static Unit unit(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("no Terraform unit at " + path);
    }
    return new Unit(path.normalize().toString(), path);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A plain text table, columns as wide as their widest cell. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void add(String... cells) {
      rows.add(cells);
    }

    int size() {
      return rows.size() - 1;
    }

    void print(PrintStream out) {
      int[] width = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      for (int r = 0; r < rows.size(); r++) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
          line.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", rows.get(r)[i]));
        }
        out.println(line.toString().stripTrailing());
        if (r == 0) {
          out.println("-".repeat(line.toString().stripTrailing().length()));
        }
      }
    }
  }
}
