package dev.iamunit.iac.internal;

import dev.iamunit.document.DocNode;
import dev.iamunit.iac.Partition;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the sources place in one account while a load runs: its principals (IAM names are unique
 * per account, not per load), the addresses they are found by, its managed policies, the AWS
 * managed policies its principals use, and its resources' policies. Part of {@link AccountAssembler}.
 */
final class AccountContents {

  /** A known account id; compiled once, as every principal and policy ARN of a load is asked. */
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  record KmsKey(String address, SourceLocation location) {}

  final String id;
  final Map<PrincipalKind, Map<String, AccountAssembler.Principal>> principals = new EnumMap<>(PrincipalKind.class);
  final Map<PrincipalKind, Map<String, String>> addresses = new EnumMap<>(PrincipalKind.class);
  final Map<String, ManagedPolicy> managed = new LinkedHashMap<>();
  final Map<String, SourceLocation> managedAt = new LinkedHashMap<>();
  final Map<String, SourceLocation> awsManagedUses = new LinkedHashMap<>();
  final Map<String, Policy> resourcePolicies = new LinkedHashMap<>();
  final Map<String, SourceLocation> resourcePolicyAt = new LinkedHashMap<>();
  final Map<String, List<DocNode>> statements = new LinkedHashMap<>();
  final Map<String, KmsKey> kmsKeys = new LinkedHashMap<>();
  /** The regions the sources create what they place here in, as far as they name them. */
  final Set<String> regions = new LinkedHashSet<>();

  AccountContents(String id) {
    this.id = id;
    for (PrincipalKind kind : PrincipalKind.values()) {
      principals.put(kind, new LinkedHashMap<>());
      addresses.put(kind, new LinkedHashMap<>());
    }
  }

  /**
   * The account's region: the one region the sources create what they place here in (a Terraform
   * provider's, a stack set instance's); empty when they name none, or several (the load's region
   * stays then: one region per account is what the model holds).
   */
  Optional<String> region() {
    return regions.size() == 1 ? Optional.of(regions.iterator().next()) : Optional.empty();
  }

  /**
   * The partitions of the account's regions: one, as "each AWS account is scoped to one
   * partition" (AWS General Reference, "Amazon Resource Names (ARNs)"), unless the sources are
   * wrong; none when they name no region.
   */
  Set<Partition> partitions() {
    Set<Partition> partitions = new LinkedHashSet<>();
    regions.forEach(r -> Partition.ofRegion(r).ifPresent(partitions::add));
    return partitions;
  }

  /** Where the first thing the sources place here is declared; empty when they place nothing here. */
  Optional<SourceLocation> firstDeclaration() {
    return Stream.of(principals.values().stream().flatMap(byName -> byName.values().stream()).map(AccountAssembler.Principal::location),
            managedAt.values().stream(), resourcePolicyAt.values().stream(), kmsKeys.values().stream().map(KmsKey::location),
            statements.values().stream().map(list -> list.get(0).location()))
        .flatMap(locations -> locations)
        .findFirst();
  }

  /**
   * The account an ARN names ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:...}) when it names a
   * known twelve-digit one; else null (an S3 ARN, an account IAMUnit could not compute).
   */
  static String accountOf(String arn) {
    String[] fields = arn.split(":", 6);
    return fields.length == 6 && fields[0].equals("arn") && TWELVE_DIGITS.matcher(fields[4]).matches() ? fields[4] : null;
  }
}
