package dev.iamunit.eval.space;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.eval.Evaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * @param formats its ARN formats, each once, in the catalog's order (the tests are shared by every
   *     action that has the format)
   * @param star whether it may be asked about {@code *}: none of its resource types is required
   *     ("Some actions don't support resource-level permissions ... you must use the * wildcard",
   *     Service Authorization Reference)
   * @param refusable whether the evaluator may refuse it a change ({@link
   *     Evaluator#mayRefuseChanges})
   */
  record ActionFormats(List<Format> formats, boolean star, boolean refusable) {
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
  /** Per service (lower case): its actions (lower case) and their formats. */
  private final Map<String, Map<String, ActionFormats>> byService = new ConcurrentHashMap<>();

  private CatalogFormats(AwsData aws) {
    this.aws = aws;
  }

  /** The formats of {@code aws}'s catalog. */
  static CatalogFormats of(AwsData aws) {
    return BY_CATALOG.computeIfAbsent(aws, CatalogFormats::new);
  }

  /** The resources of {@code action} ({@code service:Name}, any case); empty when the catalog lacks it. */
  Optional<ActionFormats> action(String action) {
    String lower = action.strip().toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(byService.computeIfAbsent(lower.substring(0, colon), this::service).get(lower));
  }

  private Map<String, ActionFormats> service(String service) {
    Map<String, ActionFormats> out = new HashMap<>();
    // One test per format text in the service: actions that share a format share its test.
    Map<String, Format> formats = new HashMap<>();
    for (String name : aws.expandActionPattern(service + ":*")) {
      Optional<ActionInfo> info = aws.action(name);
      if (info.isEmpty()) {
        continue;
      }
      Set<Format> own = new LinkedHashSet<>();
      for (ResourceType type : info.get().resourceTypes()) {
        for (String arn : type.arnPatterns()) {
          own.add(formats.computeIfAbsent(arn, CatalogFormats::format));
        }
      }
      boolean star = info.get().resourceTypes().stream().noneMatch(ResourceType::required);
      out.put(name.toLowerCase(Locale.ROOT), new ActionFormats(new ArrayList<>(own), star, Evaluator.mayRefuseChanges(name)));
    }
    return Map.copyOf(out);
  }

  private static Format format(String arn) {
    TextTest test = TextTest.glob(variablesAsStars(arn), TextTest.Mode.ARN_PARTS);
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
