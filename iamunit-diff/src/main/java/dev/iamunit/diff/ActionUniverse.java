package dev.iamunit.diff;

import dev.iamunit.aws.AwsData;
import dev.iamunit.model.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The actions worth asking about: every action a statement names, wildcards expanded through the
 * bundled AWS data. {@code NotAction}, and a pattern whose service part is itself a wildcard
 * ({@code *}, {@code s3*:Get*}), could name every action of every service; they are expanded over
 * the services named anywhere in either version only, which the report says.
 */
final class ActionUniverse {

  private final List<String> actions;
  private final Set<String> services;
  private final boolean capped;

  private ActionUniverse(List<String> actions, Set<String> services, boolean capped) {
    this.actions = actions;
    this.services = services;
    this.capped = capped;
  }

  static ActionUniverse of(List<Statement> statements, AwsData aws) {
    Set<String> services = new TreeSet<>();
    for (Statement statement : statements) {
      for (String pattern : statement.action().values()) {
        int colon = pattern.indexOf(':');
        if (colon > 0) {
          String service = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
          if (service.indexOf('*') < 0 && service.indexOf('?') < 0) {
            services.add(service);
          }
        }
      }
    }
    // Keyed by lower case, as IAM compares actions; AWS's spelling wins where it is known.
    TreeMap<String, String> byKey = new TreeMap<>();
    boolean capped = false;
    for (Statement statement : statements) {
      boolean unbounded = statement.action().negated();
      for (String pattern : statement.action().values()) {
        int colon = pattern.indexOf(':');
        String service = colon > 0 ? pattern.substring(0, colon) : pattern;
        boolean wildService = colon < 0 || service.indexOf('*') >= 0 || service.indexOf('?') >= 0;
        if (wildService) {
          unbounded = true;
          continue;
        }
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
          aws.expandActionPattern(pattern).forEach(a -> add(byKey, a));
        } else {
          add(byKey, aws.action(pattern).map(a -> a.qualifiedName()).orElse(pattern));
        }
      }
      if (unbounded) {
        capped = true;
      }
    }
    if (capped) {
      for (String service : services) {
        aws.expandActionPattern(service + ":*").forEach(a -> add(byKey, a));
      }
    }
    // Sorted, as the report lists them: Set.copyOf's order changes from JVM to JVM.
    return new ActionUniverse(List.copyOf(new ArrayList<>(byKey.values())), Collections.unmodifiableSet(services), capped);
  }

  private static void add(TreeMap<String, String> byKey, String action) {
    byKey.putIfAbsent(action.toLowerCase(Locale.ROOT), action);
  }

  List<String> actions() {
    return actions;
  }

  /** The services named anywhere: what NotAction and wildcard services are expanded over. */
  Set<String> services() {
    return new TreeSet<>(services);
  }

  /** Whether some NotAction or wildcard service was expanded over the named services only. */
  boolean capped() {
    return capped;
  }
}
