package dev.iamunit.eval.space;

import dev.iamunit.eval.internal.ActionNames;
import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the catalog says of the resources of each action, as the request space reads it: its ARN
 * formats as tests ({@code ${Partition}}, {@code ${Account}} ... read as {@code *}) and whether
 * AWS may send it with {@code *}. It depends on the catalog only, not on any principal or policy,
 * so it is computed once per {@link AwsData}, a service at a time on the first question about one
 * of its actions, and shared by every search and thread: a cold search asks the formats of the
 * catalog's 22,000 actions, and a test run asks them search after search.
 */
final class CatalogFormats {

  /**
   * The resources of one action.
   *
   * @param formats its ARN formats, each once, in the catalog's order (one object per format text:
   *     every action that has the format holds the same one)
   * @param star whether it may be asked about {@code *}: none of its resource types is required
   *     ("Some actions don't support resource-level permissions ... you must use the * wildcard",
   *     Service Authorization Reference)
   */
  record ActionFormats(List<Format> formats, boolean star) {
    ActionFormats {
      formats = List.copyOf(formats);
    }
  }

  /**
   * One ARN format as a test read part by part, and its service when every ARN of it has that one
   * (null when the format leaves it open).
   */
  record Format(TextTest test, String service) {}

  private static final Map<AwsData, CatalogFormats> BY_CATALOG = Collections.synchronizedMap(new WeakHashMap<>());

  private final AwsData aws;
  /** The services read (lower case). */
  private final Map<String, Boolean> services = new ConcurrentHashMap<>();
  /** Each action of the services read, by its name as the catalog spells it. */
  private final Map<String, ActionFormats> byName = new ConcurrentHashMap<>();
  /**
   * One format per test text ({@link #variablesAsStars}), whatever the service, and the format of
   * each ARN text of the catalog: a class's formats are told apart by identity, without hashing a
   * test ({@link TextTest#hashCode} reads every character) per member.
   */
  private final Map<String, Format> byTest = new ConcurrentHashMap<>();
  private final Map<String, Format> byArn = new ConcurrentHashMap<>();

  private CatalogFormats(AwsData aws) {
    this.aws = aws;
  }

  /** The formats of {@code aws}'s catalog. */
  static CatalogFormats of(AwsData aws) {
    return BY_CATALOG.computeIfAbsent(aws, CatalogFormats::new);
  }

  /** The resources of {@code action} ({@code service:Name}, any case); empty when the catalog lacks it. */
  Optional<ActionFormats> action(String action) {
    // The classes' members are spelled as the catalog spells them: one lookup, no lower-casing.
    ActionFormats known = byName.get(action);
    if (known != null) {
      return Optional.of(known);
    }
    String service = ActionNames.serviceOf(action);
    if (service.isEmpty()) {
      return Optional.empty();
    }
    services.computeIfAbsent(service, this::read);
    return aws.action(action.strip()).map(info -> byName.get(info.qualifiedName()));
  }

  /**
   * Reads one service: each action's formats are its resource types' ARN formats, each text made a
   * test once ({@link #byTest}), from the catalog's actions as they are, without a lookup by name.
   */
  private Boolean read(String service) {
    for (ActionInfo info : aws.actionsOf(service)) {
      List<Format> own = new ArrayList<>(2);
      boolean star = true;
      for (ResourceType type : info.resourceTypes()) {
        star &= !type.required();
        for (String arn : type.arnPatterns()) {
          Format format = byArn.computeIfAbsent(arn, a -> byTest.computeIfAbsent(variablesAsStars(a), CatalogFormats::format));
          if (!own.contains(format)) {
            own.add(format);
          }
        }
      }
      byName.put(info.qualifiedName(), new ActionFormats(own, star));
    }
    return Boolean.TRUE;
  }

  private static Format format(String starred) {
    TextTest test = TextTest.glob(starred, TextTest.Mode.ARN_PARTS);
    return new Format(test, RequestRegions.literalPart(test, 2));
  }

  /** {@code arn} with each {@code ${Variable}} replaced by {@code *}. */
  static String variablesAsStars(String arn) {
    StringBuilder out = new StringBuilder(arn.length());
    int i = 0;
    while (i < arn.length()) {
      int end = arn.startsWith("${", i) ? arn.indexOf('}', i + 2) : -1;
      if (end > 0) {
        out.append('*');
        i = end + 1;
      } else {
        out.append(arn.charAt(i++));
      }
    }
    return out.toString();
  }
}
