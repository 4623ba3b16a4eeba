package dev.iamunit.aws.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.aws.ManagedPolicyDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The AWS managed policies by name and by ARN. Immutable; the bundled one is read once, on first
 * use, apart from the service reference, so that callers who never resolve a managed policy do
 * not hold its documents.
 */
@API(status = INTERNAL, since = "0.1")
public final class ManagedPolicyCatalog {

  private static final String ARN_PREFIX = "arn:aws:iam::aws:policy";

  private static final class Holder {
    static final ManagedPolicyCatalog BUNDLED = readBundled();
  }

  private final Map<String, ManagedPolicyDocument> byName;
  private final Map<String, ManagedPolicyDocument> byArn;

  private ManagedPolicyCatalog(Map<String, ManagedPolicyDocument> byName) {
    this.byName = Map.copyOf(byName);
    Map<String, ManagedPolicyDocument> arns = new HashMap<>();
    byName.values().forEach(policy -> arns.put(policy.arn(), policy));
    this.byArn = Map.copyOf(arns);
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
    return Optional.ofNullable(
        arnOrName.startsWith("arn:") ? byArn.get(arnOrName) : byName.get(arnOrName));
  }

  public int size() {
    return byName.size();
  }

  private static ManagedPolicyCatalog readBundled() {
    String source = BundledResources.MANAGED_POLICIES;
    Map<String, ManagedPolicyDocument> byName = new HashMap<>();
    try (BufferedReader in = BundledResources.openLines(source)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (BundledResources.isComment(line)) {
          continue;
        }
        // name, path, version id, document: the minified JSON document holds no raw TAB.
        String[] fields = line.split("\t", 4);
        if (fields.length != 4) {
          throw new IllegalStateException(source + " line " + lineNumber + ": expected 4 fields");
        }
        String name = fields[0];
        String path = fields[1];
        byName.put(
            name,
            new ManagedPolicyDocument(name, ARN_PREFIX + path + name, path, fields[2], fields[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return new ManagedPolicyCatalog(byName);
  }
}
