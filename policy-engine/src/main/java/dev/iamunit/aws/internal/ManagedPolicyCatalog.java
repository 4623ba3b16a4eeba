package dev.iamunit.aws.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.aws.ManagedPolicyDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The AWS managed policies by name and by ARN. Immutable; the bundled one is read once, on first
 * use, apart from the service reference, so that callers who never resolve a managed policy do
 * not hold its documents. Reading indexes the lines of the data file and keeps its text whole: a
 * policy is cut out of it when it is asked for, since a load resolves a few of the more than a
 * thousand policies and splitting every line cost each cold run tens of milliseconds.
 */
@API(status = INTERNAL, since = "0.1")
public final class ManagedPolicyCatalog {

  private static final String ARN_PREFIX = "arn:aws:iam::aws:policy";

  private static final class Holder {
    static final ManagedPolicyCatalog BUNDLED = readBundled();
  }

  /** The data file: a policy per line, its name, path, version id and document TAB-separated. */
  private final String lines;

  /** Where each policy's line starts in {@link #lines}, by name and by ARN. */
  private final Map<String, Integer> byName;
  private final Map<String, Integer> byArn;

  private ManagedPolicyCatalog(String lines, Map<String, Integer> byName, Map<String, Integer> byArn) {
    this.lines = lines;
    this.byName = Map.copyOf(byName);
    this.byArn = Map.copyOf(byArn);
  }

  public static ManagedPolicyCatalog bundled() {
    return Holder.BUNDLED;
  }

  /**
   * The policy with this ARN or name, spelled exactly as AWS spells it: IAM resolves an ARN only
   * with the policy's path ({@code arn:aws:iam::aws:policy/service-role/AWSLambdaRole} is not
   * {@code arn:aws:iam::aws:policy/AWSLambdaRole}), so a wrong one must not resolve here either.
   */
  public Optional<ManagedPolicyDocument> find(String arnOrName) {
    Integer line = arnOrName.startsWith("arn:") ? byArn.get(arnOrName) : byName.get(arnOrName);
    return Optional.ofNullable(line).map(this::policyAt);
  }

  public int size() {
    return byName.size();
  }

  private ManagedPolicyDocument policyAt(int start) {
    int end = lineEnd(lines, start);
    // name, path, version id, document: the minified JSON document holds no raw TAB.
    String[] fields = lines.substring(start, end).split("\t", 4);
    String name = fields[0];
    String path = fields[1];
    return new ManagedPolicyDocument(name, ARN_PREFIX + path + name, path, fields[2], fields[3]);
  }

  private static ManagedPolicyCatalog readBundled() {
    String source = BundledResources.MANAGED_POLICIES;
    String lines = BundledResources.readText(source);
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byArn = new HashMap<>();
    int lineNumber = 0;
    for (int start = 0; start < lines.length(); start = lineEnd(lines, start) + 1) {
      lineNumber++;
      int end = lineEnd(lines, start);
      if (BundledResources.isComment(lines, start, end)) {
        continue;
      }
      int afterName = lines.indexOf('\t', start);
      int afterPath = afterName < 0 ? -1 : lines.indexOf('\t', afterName + 1);
      int afterVersion = afterPath < 0 ? -1 : lines.indexOf('\t', afterPath + 1);
      if (afterVersion < 0 || afterVersion >= end) {
        throw new IllegalStateException(source + " line " + lineNumber + ": expected 4 fields");
      }
      String name = lines.substring(start, afterName);
      byName.put(name, start);
      byArn.put(ARN_PREFIX + lines.substring(afterName + 1, afterPath) + name, start);
    }
    return new ManagedPolicyCatalog(lines, byName, byArn);
  }

  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }
}
