package dev.iamunit.aws.internal;

import dev.iamunit.aws.AccessLevel;
import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.ConditionKeyInfo;
import dev.iamunit.aws.ConditionKeyType;
import dev.iamunit.aws.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code service-reference.tsv.gz} (format in {@code tools/aws-data/README.md}). Equal
 * strings, key lists and resource types are shared, which keeps 22,000 actions at a few MB.
 */
final class ServiceReferenceReader {

  private final String source;
  private final List<ServiceReference.Service> services = new ArrayList<>();
  private final Map<String, ServiceReference.Service> servicesByPrefix = new HashMap<>();
  private final Map<String, ActionInfo> actionsByName = new HashMap<>();
  private final ConditionKeyIndex.Builder conditionKeys = new ConditionKeyIndex.Builder();
  private final Set<String> rcpServices = new HashSet<>();

  private final Map<String, String> strings = new HashMap<>();
  private final Map<String, List<String>> keyLists = new HashMap<>();

  private String service;
  private List<ActionInfo> actions = new ArrayList<>();
  private final Map<String, List<String>> arnPatterns = new HashMap<>();
  private final Map<String, ResourceType> resourceTypes = new HashMap<>();
  private int lineNumber;

  private ServiceReferenceReader(String source) {
    this.source = source;
  }

  static ServiceReference readBundled() {
    try (BufferedReader in = BundledResources.openLines(BundledResources.SERVICE_REFERENCE)) {
      return read(in, BundledResources.SERVICE_REFERENCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BundledResources.SERVICE_REFERENCE, e);
    }
  }

  static ServiceReference read(BufferedReader in, String source) throws IOException {
    ServiceReferenceReader reader = new ServiceReferenceReader(source);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      reader.lineNumber++;
      if (!BundledResources.isComment(line)) {
        reader.record(line.split("\t", -1));
      }
    }
    reader.endService();
    reader.rcpServices.stream().filter(prefix -> !reader.servicesByPrefix.containsKey(prefix)).findFirst().ifPresent(prefix -> {
      throw new IllegalStateException(source + ": an RCP record names " + prefix + ", which no S record declares");
    });
    return new ServiceReference(
        reader.services,
        reader.servicesByPrefix,
        reader.actionsByName,
        reader.conditionKeys.build(),
        reader.rcpServices);
  }

  private void record(String[] fields) {
    switch (fields[0]) {
      case "S" -> {
        expectFields(fields, 3);
        endService();
        service = shared(fields[1]);
      }
      case "R" -> {
        expectFields(fields, 3);
        arnPatterns.put(fields[1], List.of(shared(fields[2])));
      }
      case "A" -> {
        expectFields(fields, 5);
        ActionInfo action =
            new ActionInfo(
                currentService(),
                fields[1],
                accessLevel(fields[2]),
                resourceTypes(fields[4]),
                keyList(fields[3]));
        actions.add(action);
        actionsByName.put(action.qualifiedName().toLowerCase(Locale.ROOT), action);
      }
      case "K", "G" -> {
        expectFields(fields, 3);
        conditionKeys.add(
            new ConditionKeyInfo(shared(fields[1]), keyType(fields[2]), fields[0].equals("G")));
      }
      case "RCP" -> {
        expectFields(fields, 2);
        rcpServices.add(fields[1].toLowerCase(Locale.ROOT));
      }
      default -> throw malformed("unknown record type " + fields[0]);
    }
  }

  private void endService() {
    if (service != null) {
      ServiceReference.Service done = new ServiceReference.Service(service, actions);
      services.add(done);
      servicesByPrefix.put(service.toLowerCase(Locale.ROOT), done);
    }
    actions = new ArrayList<>();
    arnPatterns.clear();
    resourceTypes.clear();
  }

  private String currentService() {
    if (service == null) {
      throw malformed("action before any service");
    }
    return service;
  }

  private List<ResourceType> resourceTypes(String field) {
    if (field.isEmpty()) {
      return List.of();
    }
    List<ResourceType> types = new ArrayList<>();
    for (String entry : field.split("\\|")) {
      types.add(resourceTypes.computeIfAbsent(entry, this::resourceType));
    }
    return List.copyOf(types);
  }

  /** {@code name}, {@code *} if required, then optionally {@code =} and condition keys. */
  private ResourceType resourceType(String entry) {
    int equals = entry.indexOf('=');
    String head = equals < 0 ? entry : entry.substring(0, equals);
    boolean required = head.endsWith("*");
    String name = required ? head.substring(0, head.length() - 1) : head;
    List<String> arns = arnPatterns.get(name);
    if (arns == null) {
      throw malformed("resource type " + name + " has no R record in service " + service);
    }
    List<String> keys = equals < 0 ? List.of() : keyList(entry.substring(equals + 1));
    return new ResourceType(shared(name), required, arns, keys);
  }

  private List<String> keyList(String field) {
    if (field.isEmpty()) {
      return List.of();
    }
    return keyLists.computeIfAbsent(
        field,
        csv -> {
          List<String> keys = new ArrayList<>();
          for (String key : csv.split(",")) {
            keys.add(shared(key));
          }
          return List.copyOf(keys);
        });
  }

  private AccessLevel accessLevel(String code) {
    return switch (code) {
      case "L" -> AccessLevel.LIST;
      case "R" -> AccessLevel.READ;
      case "W" -> AccessLevel.WRITE;
      case "P" -> AccessLevel.PERMISSIONS_MANAGEMENT;
      case "T" -> AccessLevel.TAGGING;
      default -> throw malformed("unknown access level " + code);
    };
  }

  private ConditionKeyType keyType(String awsName) {
    return ConditionKeyType.fromAwsName(awsName)
        .orElseThrow(() -> malformed("unknown condition key type " + awsName));
  }

  private String shared(String value) {
    return strings.computeIfAbsent(value, v -> v);
  }

  private void expectFields(String[] fields, int count) {
    if (fields.length != count) {
      throw malformed("expected " + count + " fields, found " + fields.length);
    }
  }

  private IllegalStateException malformed(String problem) {
    return new IllegalStateException(source + " line " + lineNumber + ": " + problem);
  }
}
