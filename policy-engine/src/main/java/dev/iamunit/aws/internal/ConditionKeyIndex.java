package dev.iamunit.aws.internal;

import dev.iamunit.aws.ConditionKeyInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Condition keys by name, ignoring case ("Condition key names are not case-sensitive", IAM JSON
 * policy elements: Condition). A key documented with a variable part, such as
 * {@code aws:PrincipalTag/${TagKey}}, {@code kms:EncryptionContext:${EncryptionContextKey}} or
 * {@code s3:ExistingObjectTag/<key>}, also answers for every concrete key it stands for.
 */
final class ConditionKeyIndex {

  // AWS writes the variable part as ${TagKey}, and for a few S3 keys as <key>.
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|<[^>]*>");

  private record Template(Pattern pattern, ConditionKeyInfo info) {}

  private final Map<String, ConditionKeyInfo> byName;
  private final Map<String, List<Template>> templatesByPrefix;
  private final List<Template> templatesWithVariablePrefix;

  private ConditionKeyIndex(
      Map<String, ConditionKeyInfo> byName,
      Map<String, List<Template>> templatesByPrefix,
      List<Template> templatesWithVariablePrefix) {
    this.byName = Map.copyOf(byName);
    this.templatesByPrefix = Map.copyOf(templatesByPrefix);
    this.templatesWithVariablePrefix = List.copyOf(templatesWithVariablePrefix);
  }

  Optional<ConditionKeyInfo> find(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    ConditionKeyInfo exact = byName.get(lower);
    if (exact != null) {
      return Optional.of(exact);
    }
    int colon = lower.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Optional<ConditionKeyInfo> found =
        firstMatch(templatesByPrefix.getOrDefault(lower.substring(0, colon), List.of()), key);
    return found.isPresent() ? found : firstMatch(templatesWithVariablePrefix, key);
  }

  private static Optional<ConditionKeyInfo> firstMatch(List<Template> templates, String key) {
    for (Template template : templates) {
      if (template.pattern().matcher(key).matches()) {
        return Optional.of(template.info());
      }
    }
    return Optional.empty();
  }

  /** Collects keys; the first definition of a name wins, except that a global key replaces any. */
  static final class Builder {
    private final Map<String, ConditionKeyInfo> byName = new HashMap<>();

    void add(ConditionKeyInfo info) {
      String lower = info.name().toLowerCase(Locale.ROOT);
      if (info.global()) {
        byName.put(lower, info);
      } else {
        byName.putIfAbsent(lower, info);
      }
    }

    ConditionKeyIndex build() {
      Map<String, List<Template>> byPrefix = new HashMap<>();
      List<Template> variablePrefix = new ArrayList<>();
      byName.values().stream()
          .filter(info -> VARIABLE.matcher(info.name()).find())
          .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
          .forEach(
              info -> {
                Template template = new Template(patternOf(info.name()), info);
                String prefix = info.name().substring(0, Math.max(0, info.name().indexOf(':')));
                if (prefix.isEmpty() || VARIABLE.matcher(prefix).find()) {
                  variablePrefix.add(template);
                } else {
                  byPrefix
                      .computeIfAbsent(prefix.toLowerCase(Locale.ROOT), p -> new ArrayList<>())
                      .add(template);
                }
              });
      byPrefix.replaceAll((prefix, templates) -> List.copyOf(templates));
      return new ConditionKeyIndex(byName, byPrefix, variablePrefix);
    }

    private static Pattern patternOf(String template) {
      StringBuilder regex = new StringBuilder();
      Matcher variable = VARIABLE.matcher(template);
      int literalStart = 0;
      while (variable.find()) {
        regex.append(Pattern.quote(template.substring(literalStart, variable.start())));
        regex.append(".+");
        literalStart = variable.end();
      }
      regex.append(Pattern.quote(template.substring(literalStart)));
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
  }
}
