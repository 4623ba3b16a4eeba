package dev.iamunit.diff;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.model.Account;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources worth asking about for an action: each resource a policy names that is of one of
 * the action's resource types (policy variables filled in for the principal, wildcards replaced
 * by a sample name), plus one representative ARN of each of the action's ARN formats. An action
 * without resource types is asked about {@code *} only, as AWS authorizes it.
 */
final class ResourceSamples {

  /** What a wildcard or an unknown variable in a named resource becomes. */
  static final String SAMPLE = "example";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final AwsData aws;
  private final String partition;
  private final String accountId;
  private final String region;
  private final List<String> named;
  private final Map<String, Pattern> arnFormats = new HashMap<>();

  private ResourceSamples(AwsData aws, Account account, List<String> named) {
    this.aws = aws;
    this.partition = account.partition();
    this.accountId = account.id();
    this.region = account.region();
    this.named = named;
  }

  static ResourceSamples of(List<Account> accounts, List<Statement> statements, AwsData aws) {
    Set<String> named = new TreeSet<>();
    for (Statement statement : statements) {
      statement.resource().map(ResourceElement::values).ifPresent(named::addAll);
    }
    for (Account account : accounts) {
      named.addAll(account.resourcePolicies().keySet());
      account.users().values().forEach(u -> named.add(u.arn()));
      account.roles().values().forEach(r -> named.add(r.arn()));
    }
    named.remove("*");
    return new ResourceSamples(aws, accounts.get(accounts.size() - 1), List.copyOf(named));
  }

  /** Every resource a policy names, with {@code variables} (such as aws:username) filled in. */
  List<String> named(Map<String, String> variables) {
    Set<String> concrete = new LinkedHashSet<>();
    for (String value : named) {
      instantiate(value, variables).ifPresent(concrete::add);
    }
    return List.copyOf(concrete);
  }

  /** The resources to ask {@code action} about, given the principal's named resources. */
  List<String> forAction(String action, List<String> namedForPrincipal) {
    Optional<ActionInfo> info = aws.action(action);
    Set<String> resources = new LinkedHashSet<>();
    if (info.isEmpty()) {
      resources.add("*");
      String service = action.substring(0, Math.max(0, action.indexOf(':')));
      for (String arn : namedForPrincipal) {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[2].equalsIgnoreCase(service)) {
          resources.add(arn);
        }
      }
      return List.copyOf(resources);
    }
    List<ResourceType> types = info.get().resourceTypes();
    if (types.stream().noneMatch(ResourceType::required)) {
      resources.add("*");
    }
    for (ResourceType type : types) {
      for (String format : type.arnPatterns()) {
        Pattern pattern = arnFormats.computeIfAbsent(format, ResourceSamples::compile);
        for (String arn : namedForPrincipal) {
          if (pattern.matcher(arn).matches()) {
            resources.add(arn);
          }
        }
        resources.add(representative(format));
      }
    }
    return List.copyOf(resources);
  }

  /** An ARN format of the Service Authorization Reference as a pattern: a variable matches anything. */
  private static Pattern compile(String format) {
    StringBuilder regex = new StringBuilder();
    Matcher m = VARIABLE.matcher(format);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(format.substring(last, m.start())));
      String name = m.group(1);
      regex.append(name.equals("Partition") || name.equals("Region") || name.equals("Account") ? "[^:]*" : ".+");
      last = m.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    return Pattern.compile(regex.toString());
  }

  private String representative(String format) {
    Matcher m = VARIABLE.matcher(format);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "Partition" -> partition;
        case "Region" -> region;
        case "Account" -> accountId;
        default -> SAMPLE;
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A named resource as a concrete ARN: policy variables from {@code variables} ({@code ${*}},
   * {@code ${?}}, {@code ${$}} as the characters), a wildcard account or region as the account's,
   * any other wildcard as {@link #SAMPLE}. Empty for what is not an ARN.
   */
  Optional<String> instantiate(String value, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder filled = new StringBuilder();
    List<int[]> literalStars = new ArrayList<>();
    while (m.find()) {
      String key = m.group(1);
      String replacement = switch (key) {
        case "*", "?", "$" -> key;
        default -> variables.getOrDefault(key.toLowerCase(java.util.Locale.ROOT), SAMPLE);
      };
      m.appendReplacement(filled, "");
      literalStars.add(new int[] {filled.length(), filled.length() + replacement.length()});
      filled.append(replacement);
    }
    m.appendTail(filled);
    String text = filled.toString();
    String[] parts = text.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn")) {
      return Optional.empty();
    }
    parts[1] = isWild(parts[1]) ? partition : parts[1];
    parts[3] = isWild(parts[3]) ? region : parts[3];
    parts[4] = isWild(parts[4]) ? accountId : parts[4];
    StringBuilder arn = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      arn.append(wildcardsAsSample(parts[i])).append(':');
    }
    // Characters a variable produced stay literal, even * and ?.
    int resourceStart = text.length() - parts[5].length();
    StringBuilder resource = new StringBuilder();
    for (int i = resourceStart; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean fromVariable = false;
      for (int[] range : literalStars) {
        fromVariable |= i >= range[0] && i < range[1];
      }
      resource.append(!fromVariable && c == '*' ? SAMPLE : !fromVariable && c == '?' ? "x" : String.valueOf(c));
    }
    return Optional.of(arn.append(resource).toString());
  }

  private static boolean isWild(String part) {
    return part.contains("*") || part.contains("?");
  }

  private static String wildcardsAsSample(String part) {
    return part.replace("*", SAMPLE).replace("?", "x");
  }
}
