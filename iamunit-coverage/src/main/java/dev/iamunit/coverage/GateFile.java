package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The gate's settings in a small properties file, for builds without Maven ({@code iamunit
 * coverage check --rules FILE}): the same rules as the {@code check} goal's {@code <rules>},
 * numbered.
 *
 * <pre>
 * rule.1.element = TEMPLATE                  # BUNDLE (default), TEMPLATE, POLICY, PRINCIPAL
 * rule.1.includes = terraform/*, cloudformation/*
 * rule.1.excludes = terraform/legacy/*
 * rule.1.limit.1.counter = STATEMENT         # STATEMENT (default), ALLOW, DENY, CONDITION
 * rule.1.limit.1.value = COVEREDRATIO        # COVEREDRATIO (default), MISSEDCOUNT, ...
 * rule.1.limit.1.minimum = 0.80              # and/or maximum: 0.80, 80% or a count
 * requiredSids = BlockMostAccessUnlessSignedInWithMFA, DenyAllExceptListedIfNoMFA
 * baseline = iamunit-baseline.txt            # relative to this file's folder
 * </pre>
 *
 * <p>One {@code key = value} a line; {@code #} or {@code !} starts a comment line; lists are
 * separated by commas. Rules and limits apply in the order of their numbers. A mistake names
 * {@code file:line}.
 *
 * @param rules the rules, in the order of their numbers
 * @param requiredSids Sids whose statements must be covered
 * @param baseline the baseline file, resolved against the file's folder
 */
@API(status = EXPERIMENTAL)
public record GateFile(List<CoverageRule> rules, List<String> requiredSids, Optional<Path> baseline) {

  private static final Pattern RULE_KEY = Pattern.compile("rule\\.(\\d+)\\.(element|includes|excludes)");
  private static final Pattern LIMIT_KEY = Pattern.compile("rule\\.(\\d+)\\.limit\\.(\\d+)\\.(counter|value|minimum|maximum)");
  private static final String KEYS = "rule.N.element, rule.N.includes, rule.N.excludes, rule.N.limit.M.counter, "
      + "rule.N.limit.M.value, rule.N.limit.M.minimum, rule.N.limit.M.maximum, requiredSids, baseline";

  public GateFile {
    rules = List.copyOf(rules);
    requiredSids = List.copyOf(requiredSids);
  }

  /**
   * Reads {@code file}.
   *
   * @throws GateConfigurationException naming file:line and what is wrong, or that the file is missing
   */
  public static GateFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new GateConfigurationException("rules file " + file + " does not exist");
    } catch (IOException e) {
      throw new GateConfigurationException("cannot read the rules file " + file + ": " + e.getMessage());
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw mistake(file, i + 1, "'" + line + "' is not key = value");
      }
      Setting setting = new Setting(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), i + 1);
      Setting earlier = settings.putIfAbsent(setting.key(), setting);
      if (earlier != null) {
        throw mistake(file, setting.line(), setting.key() + " is set twice (first on line " + earlier.line() + ")");
      }
    }
    return new Reader(file).read(settings.values());
  }

  private record Setting(String key, String value, int line) {
    String shown() {
      return key + " = " + value;
    }
  }

  private static GateConfigurationException mistake(Path file, int line, String message) {
    return new GateConfigurationException(file + ":" + line + ": " + message);
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Collects the numbered settings into rules and limits. */
  private static final class Reader {
    private final Path file;
    private final Map<Integer, Map<String, Setting>> rules = new TreeMap<>();
    private final Map<Integer, Map<Integer, Map<String, Setting>>> limits = new TreeMap<>();

    Reader(Path file) {
      this.file = file;
    }

    GateFile read(Iterable<Setting> settings) {
      List<String> requiredSids = List.of();
      Optional<Path> baseline = Optional.empty();
      for (Setting s : settings) {
        Matcher rule = RULE_KEY.matcher(s.key());
        Matcher limit = LIMIT_KEY.matcher(s.key());
        if (s.key().equals("requiredSids")) {
          requiredSids = list(s.value());
        } else if (s.key().equals("baseline")) {
          baseline = s.value().isEmpty() ? Optional.empty()
              : Optional.of(file.toAbsolutePath().getParent().resolve(s.value()).normalize());
        } else if (rule.matches()) {
          rules.computeIfAbsent(Integer.valueOf(rule.group(1)), n -> new TreeMap<>()).put(rule.group(2), s);
        } else if (limit.matches()) {
          int n = Integer.parseInt(limit.group(1));
          rules.computeIfAbsent(n, k -> new TreeMap<>());
          limits.computeIfAbsent(n, k -> new TreeMap<>()).computeIfAbsent(Integer.valueOf(limit.group(2)), k -> new TreeMap<>())
              .put(limit.group(3), s);
        } else {
          throw mistake(file, s.line(), "unknown key " + s.key() + ": the keys are " + KEYS);
        }
      }
      List<CoverageRule> read = new ArrayList<>();
      rules.forEach((n, rule) -> read.add(rule(n, rule)));
      return new GateFile(read, requiredSids, baseline);
    }

    private CoverageRule rule(int n, Map<String, Setting> rule) {
      List<Limit> ruleLimits = new ArrayList<>();
      limits.getOrDefault(n, Map.of()).forEach((m, limit) -> ruleLimits.add(limit(n, m, limit)));
      ElementKind element = word(ElementKind.class, rule.get("element"), ElementKind.BUNDLE);
      List<String> includes = Optional.ofNullable(rule.get("includes")).map(s -> list(s.value())).orElse(List.of());
      List<String> excludes = Optional.ofNullable(rule.get("excludes")).map(s -> list(s.value())).orElse(List.of());
      return new CoverageRule(element, includes, excludes, ruleLimits);
    }

    private Limit limit(int n, int m, Map<String, Setting> limit) {
      CounterKind counter = word(CounterKind.class, limit.get("counter"), CounterKind.STATEMENT);
      Counter.Value value = word(Counter.Value.class, limit.get("value"), Counter.Value.COVEREDRATIO);
      Optional<BigDecimal> minimum = number(limit.get("minimum"));
      Optional<BigDecimal> maximum = number(limit.get("maximum"));
      if (minimum.isEmpty() && maximum.isEmpty()) {
        int line = limit.values().stream().mapToInt(Setting::line).min().orElse(0);
        throw mistake(file, line, "rule." + n + ".limit." + m + " needs a minimum or a maximum");
      }
      return new Limit(counter, value, minimum, maximum);
    }

    private <E extends Enum<E>> E word(Class<E> type, Setting setting, E absent) {
      if (setting == null) {
        return absent;
      }
      try {
        return RuleWords.parse(type, setting.value(), setting.shown());
      } catch (IllegalArgumentException e) {
        throw mistake(file, setting.line(), e.getMessage());
      }
    }

    private Optional<BigDecimal> number(Setting setting) {
      if (setting == null || setting.value().isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Limit.parse(setting.value()));
      } catch (IllegalArgumentException e) {
        throw mistake(file, setting.line(), setting.key() + ": " + e.getMessage());
      }
    }
  }
}
