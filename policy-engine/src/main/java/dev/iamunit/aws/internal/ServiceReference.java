package dev.iamunit.aws.internal;

import dev.iamunit.spelling.EditDistance;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.ConditionKeyInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The Service Authorization Reference: services, their actions, and condition keys, indexed by
 * lower-cased name. Immutable; the bundled one is read once, on first use.
 */
@API(status = INTERNAL, since = "0.1")
public final class ServiceReference {

  /** A service prefix and its actions, sorted by name ignoring case. */
  record Service(String prefix, List<ActionInfo> actions) {
    Service {
      actions = List.copyOf(actions);
    }
  }

  private record Suggestion(String action, boolean sameService, int distance) {}

  private static final Comparator<Suggestion> BEST_FIRST =
      Comparator.comparing((Suggestion s) -> !s.sameService())
          .thenComparingInt(Suggestion::distance)
          .thenComparing(Suggestion::action, String.CASE_INSENSITIVE_ORDER);

  private static final class Holder {
    static final ServiceReference BUNDLED = ServiceReferenceReader.readBundled();
  }

  private final List<Service> services;
  private final Map<String, Service> servicesByPrefix;
  private final Map<String, ActionInfo> actionsByName;
  private final ConditionKeyIndex conditionKeys;
  private final Set<String> rcpServices;
  /** Every action, in {@link #expandActionPattern}'s order: {@code *} is asked by every request space. */
  private final List<String> allActions;
  private final List<String> prefixes;

  ServiceReference(
      List<Service> services,
      Map<String, Service> servicesByPrefix,
      Map<String, ActionInfo> actionsByName,
      ConditionKeyIndex conditionKeys,
      Set<String> rcpServices) {
    this.services = List.copyOf(services);
    this.servicesByPrefix = Map.copyOf(servicesByPrefix);
    this.actionsByName = Map.copyOf(actionsByName);
    this.conditionKeys = conditionKeys;
    this.rcpServices = Set.copyOf(rcpServices);
    List<String> all = new ArrayList<>();
    this.services.forEach(service -> service.actions().forEach(action -> all.add(action.qualifiedName())));
    this.allActions = List.copyOf(all);
    this.prefixes = this.services.stream().map(Service::prefix).toList();
  }

  public static ServiceReference bundled() {
    return Holder.BUNDLED;
  }

  public boolean serviceExists(String prefix) {
    return servicesByPrefix.containsKey(prefix.toLowerCase(Locale.ROOT));
  }

  /** Whether resource control policies apply to the service with this prefix (lower case). */
  public boolean supportsResourceControlPolicies(String lowerCasePrefix) {
    return rcpServices.contains(lowerCasePrefix);
  }

  public Optional<ActionInfo> action(String qualifiedName) {
    return Optional.ofNullable(actionsByName.get(qualifiedName.toLowerCase(Locale.ROOT)));
  }

  /** The services' prefixes as the catalog spells them, in {@link #expandActionPattern}'s order. */
  public List<String> services() {
    return prefixes;
  }

  /** The actions of the service with this prefix (ignoring case), in {@link #expandActionPattern}'s order; empty for an unknown one. */
  public List<ActionInfo> actionsOf(String prefix) {
    Service service = servicesByPrefix.get(prefix.toLowerCase(Locale.ROOT));
    return service == null ? List.of() : service.actions();
  }

  public Optional<ConditionKeyInfo> conditionKey(String key) {
    return conditionKeys.find(key);
  }

  public List<String> expandActionPattern(String pattern) {
    if (pattern.equals("*")) {
      return allActions;
    }
    List<String> matches = new ArrayList<>();
    int colon = pattern.indexOf(':');
    if (colon >= 0 && !WildcardPattern.hasWildcard(pattern.substring(0, colon))) {
      // The service is spelled out: only its actions can match.
      Service service = servicesByPrefix.get(pattern.substring(0, colon).toLowerCase(Locale.ROOT));
      if (service != null) {
        String actionPattern = pattern.substring(colon + 1);
        for (ActionInfo action : service.actions()) {
          if (WildcardPattern.matchesIgnoringCase(actionPattern, action.name())) {
            matches.add(action.qualifiedName());
          }
        }
      }
      return List.copyOf(matches);
    }
    for (Service service : services) {
      for (ActionInfo action : service.actions()) {
        String name = action.qualifiedName();
        if (WildcardPattern.matchesIgnoringCase(pattern, name)) {
          matches.add(name);
        }
      }
    }
    return List.copyOf(matches);
  }

  /**
   * Actions spelled like {@code unknown}: within a few edits of its action name (more for longer
   * names), and of its service prefix if it has one. The same service's actions come first, then
   * the closest. Without a service prefix, every service's action names are compared.
   */
  public List<String> suggestActions(String unknown, int max) {
    if (max <= 0) {
      return List.of();
    }
    String input = unknown.strip();
    int colon = input.indexOf(':');
    String servicePart = colon < 0 ? null : input.substring(0, colon).toLowerCase(Locale.ROOT);
    String actionPart = colon < 0 ? input : input.substring(colon + 1);
    int limit = Math.max(1, Math.min(4, actionPart.length() / 3));

    List<Suggestion> suggestions = new ArrayList<>();
    for (Service service : services) {
      int serviceDistance =
          servicePart == null ? 0 : EditDistance.atMost(servicePart, service.prefix(), limit);
      if (serviceDistance > limit) {
        continue;
      }
      int remaining = limit - serviceDistance;
      for (ActionInfo action : service.actions()) {
        int distance = EditDistance.atMost(actionPart, action.name(), remaining);
        if (distance <= remaining) {
          suggestions.add(
              new Suggestion(
                  action.qualifiedName(),
                  service.prefix().equals(servicePart),
                  serviceDistance + distance));
        }
      }
    }
    return suggestions.stream().sorted(BEST_FIRST).limit(max).map(Suggestion::action).toList();
  }
}
