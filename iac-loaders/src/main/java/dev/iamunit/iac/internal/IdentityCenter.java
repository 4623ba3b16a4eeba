package dev.iamunit.iac.internal;

import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * IAM Identity Center: what the sources declare (permission sets, the policies attached to them by
 * resources of their own, account assignments), and {@link #provision}, the roles IAM Identity
 * Center creates from them in each account. Part of {@link AccountAssembler}: a reference no
 * declared permission set answers is reported, never dropped.
 */
final class IdentityCenter {

  /** A permission set being declared; what other resources attach to it is added by its key. */
  private static final class Draft {
    final String name;
    final String region;
    final String address;
    final SourceLocation location;
    final List<Policy> inline = new ArrayList<>();
    final Set<String> awsManaged = new LinkedHashSet<>();
    final List<PermissionSet.CustomerManaged> customerManaged = new ArrayList<>();
    Optional<PermissionSet.PolicyReference> boundary = Optional.empty();

    Draft(String name, String region, String address, SourceLocation location) {
      this.name = name;
      this.region = region;
      this.address = address;
      this.location = location;
    }
  }

  /** An assignment as declared: its permission set by key, its account as given. */
  private record Assignment(String permissionSetKey, String accountId, AccountAssignment.PrincipalType type, String principalId,
      String address, SourceLocation location) {}

  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private final List<Runnable> references = new ArrayList<>();
  private final List<Assignment> assignments = new ArrayList<>();
  private final LoadReportBuilder report;

  IdentityCenter(LoadReportBuilder report) {
    this.report = report;
  }

  void permissionSet(String key, String name, String region, String address, SourceLocation at) {
    Optional<Draft> sameName = drafts.values().stream().filter(d -> d.name.equals(name)).findFirst();
    if (sameName.isPresent()) {
      // CreatePermissionSet: a name is unique in the instance (ConflictException otherwise).
      report.problem(at, "permission set \"" + name + "\" is declared twice: at " + sameName.get().location + " and at " + at
          + "; a permission set's name is unique in the IAM Identity Center instance: rename or remove one (the first is kept)");
      return;
    }
    drafts.putIfAbsent(key, new Draft(name, region, address, at));
  }

  void inline(String key, Policy policy, String address, SourceLocation at) {
    on(key, address, at, d -> {
      if (!d.inline.isEmpty()) {
        report.problem(at, "permission set \"" + d.name + "\" is given a second inline policy here; it has one, and which one "
            + "applies depends on the order they are applied: merge the statements into one policy");
        return;
      }
      d.inline.add(policy);
    });
  }

  void awsManaged(String key, String arn, String address, SourceLocation at) {
    on(key, address, at, d -> d.awsManaged.add(arn));
  }

  void customerManaged(String key, String name, String path, String address, SourceLocation at) {
    on(key, address, at, d -> d.customerManaged.add(new PermissionSet.CustomerManaged(name, path, at)));
  }

  void boundary(String key, PermissionSet.PolicyReference boundary, String address, SourceLocation at) {
    on(key, address, at, d -> d.boundary = Optional.of(boundary));
  }

  void assignment(String permissionSetKey, String accountId, AccountAssignment.PrincipalType type, String principalId, String address,
      SourceLocation at) {
    assignments.add(new Assignment(permissionSetKey, accountId, type, principalId, address, at));
  }

  /** Runs {@code action} on the permission set {@code key} names, once every source is read. */
  private void on(String key, String address, SourceLocation at, java.util.function.Consumer<Draft> action) {
    references.add(() -> draft(key, address, at).ifPresent(action));
  }

  private Optional<Draft> draft(String key, String address, SourceLocation at) {
    Draft draft = drafts.get(key);
    if (draft == null) {
      report.add(Unresolved.of(address, at, "refers to permission set " + Unresolved.replacePlaceholders(key, "<generated ARN>")
          + ", which the loaded sources do not declare; declare the aws_ssoadmin_permission_set (AWS::SSO::PermissionSet) "
          + "in the same sources and refer to it through that resource (aws_ssoadmin_permission_set.NAME.arn, "
          + "!GetAtt NAME.PermissionSetArn), since AWS generates a permission set's ARN"));
    }
    return Optional.ofNullable(draft);
  }

  /** The permission sets declared, with everything attached to them. */
  List<PermissionSet> permissionSets() {
    references.forEach(Runnable::run);
    references.clear();
    return drafts.entrySet().stream().map(e -> {
      Draft d = e.getValue();
      return new PermissionSet(d.name, e.getKey(), d.inline.stream().findFirst(), List.copyOf(d.awsManaged), d.customerManaged,
          d.boundary, d.region, d.location);
    }).toList();
  }

  /** The assignments declared, each naming its permission set; one whose permission set is not declared is reported. */
  List<AccountAssignment> assignments() {
    List<AccountAssignment> result = new ArrayList<>();
    for (Assignment a : assignments) {
      draft(a.permissionSetKey(), a.address(), a.location())
          .ifPresent(d -> result.add(new AccountAssignment(d.name, a.accountId(), a.type(), a.principalId(), a.location())));
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Provisioning, as IAM Identity Center does it

  /** Why IAM Identity Center refuses to provision a permission set into an account. */
  record Refusal(SourceLocation location, String message) {}

  /** The roles per account id, and the provisioning AWS refuses. */
  record Provisioning(Map<String, List<Role>> roles, List<Refusal> refusals) {}

  /**
   * The roles IAM Identity Center creates: one per permission set and account it is assigned to,
   * however many groups and users the assignments name. "When you assign a permission set, IAM
   * Identity Center creates corresponding IAM Identity Center-controlled IAM roles in each account,
   * and attaches the policies specified in the permission set to those roles" (IAM Identity Center
   * User Guide, IAM roles created by IAM Identity Center). A customer managed policy (or boundary)
   * is the policy of that name and path in the account; where the account's policies are known
   * ({@code customerManagedArns} answers) and it has none, provisioning is refused: "You must have
   * an IAM policy that matches the name and path in each AWS account where you want to deploy your
   * permission set" (API Reference, CustomerManagedPolicyReference).
   *
   * @param customerManagedArns the ARNs of the customer managed policies of an account, or empty
   *     when the account's policies are not loaded (nothing is checked then)
   */
  static Provisioning provision(List<PermissionSet> sets, List<AccountAssignment> assignments, String partition,
      Function<String, Optional<Set<String>>> customerManagedArns) {
    Map<String, PermissionSet> byName = new LinkedHashMap<>();
    sets.forEach(s -> byName.putIfAbsent(s.name(), s));
    Map<String, List<Role>> roles = new LinkedHashMap<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    // Every role IAM Identity Center creates in an account trusts the same provider: one policy per account.
    Map<String, Policy> trust = new HashMap<>();
    for (AccountAssignment assignment : assignments) {
      PermissionSet set = byName.get(assignment.permissionSet());
      if (set == null || !done.add(assignment.permissionSet() + "\u0000" + assignment.accountId())) {
        continue;
      }
      String account = assignment.accountId();
      Optional<Set<String>> known = customerManagedArns.apply(account);
      List<String> managed = new ArrayList<>(set.awsManagedPolicyArns());
      List<String> missing = new ArrayList<>();
      for (PermissionSet.CustomerManaged policy : set.customerManagedPolicies()) {
        managed.add(customerManaged(policy, partition, account, known, missing));
      }
      Optional<String> boundary = set.permissionsBoundary().map(b -> b instanceof PermissionSet.CustomerManaged c
          ? customerManaged(c, partition, account, known, missing) : ((PermissionSet.AwsManaged) b).arn());
      if (!missing.isEmpty()) {
        refusals.add(new Refusal(assignment.location(), "IAM Identity Center cannot provision permission set \"" + set.name()
            + "\" into account " + account + ": it names the customer managed " + (missing.size() == 1 ? "policy " : "policies ")
            + String.join(", ", missing) + ", which the account does not have (no loaded source declares "
            + (missing.size() == 1 ? "it" : "them") + "), and \"You must have an IAM policy that matches the name and path in each AWS"
            + " account where you want to deploy your permission set\" (IAM Identity Center API Reference, "
            + "CustomerManagedPolicyReference); declare the policy in the account's sources, or load them together. "
            + "No role is created for it"));
        continue;
      }
      String name = set.roleName(suffix(set.name() + "\u0000" + account));
      String path = set.rolePath();
      String arn = "arn:" + partition + ":iam::" + account + ":role" + path + name;
      Role role = new Role(name, path, arn, Optional.of(trust.computeIfAbsent(account, a -> trustPolicy(partition, a))), Map.of(), set.inlinePolicy().stream().toList(),
          managed, boundary, assignment.location());
      roles.computeIfAbsent(account, k -> new ArrayList<>()).add(role);
    }
    roles.replaceAll((account, list) -> List.copyOf(list));
    return new Provisioning(Map.copyOf(roles), List.copyOf(refusals));
  }

  private static String customerManaged(PermissionSet.CustomerManaged policy, String partition, String account,
      Optional<Set<String>> known, List<String> missing) {
    String arn = policy.arnIn(partition, account);
    if (known.isPresent() && !known.get().contains(arn)) {
      missing.add(policy + " (" + policy.location() + ")");
    }
    return arn;
  }

  /**
   * The trust policy of the roles IAM Identity Center creates: "Permission sets ultimately get
   * created as IAM roles in a given AWS account, with trust policies that allow users to assume the
   * role through AWS SSO" (IAM Identity Center User Guide, Permission sets). AWS's guides do not
   * print the document; this is the one IAM Identity Center writes (as the IAM console shows it
   * on these roles): the account's SAML provider {@code AWSSSO_<suffix>_DO_NOT_DELETE} may call
   * {@code sts:AssumeRoleWithSAML} and {@code sts:TagSession}, with {@code SAML:aud} the sign-in
   * endpoint. No IAM user or role of any account is trusted, so a test's {@code sts:AssumeRole} of
   * such a role is denied, as it is in AWS.
   */
  static Policy trustPolicy(String partition, String account) {
    String provider = "arn:" + partition + ":iam::" + account + ":saml-provider/AWSSSO_" + suffix("saml\u0000" + account) + "_DO_NOT_DELETE";
    String json = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},\
        "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],\
        "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}""".formatted(provider);
    // Located by an ARN in the account "aws", as every policy AWS writes itself (FullAWSAccess, AWS
    // managed policies): coverage leaves such policies out of a repository's statements.
    return PolicyParser.parse(json, "arn:" + partition + ":sso::aws:trustPolicy/AWSReservedSSO", PolicyKind.TRUST, "AWSReservedSSO trust policy");
  }

  /**
   * The "unique suffix" AWS draws at random (Referencing permission sets in resource policies: a new
   * assignment after all were deleted gets "a different, unique suffix"): here 16 hexadecimal
   * digits derived from {@code seed}, the same on every load, so a role's ARN is stable between
   * runs. Tests find the role by its permission set's name ({@code Account.permissionSetRole}).
   */
  static String suffix(String seed) {
    try {
      // A clone of one digest: looking SHA-256 up among the security providers for each of an
      // organization's thousands of roles costs more than hashing.
      byte[] hash = ((MessageDigest) SHA_256.clone()).digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 digest can be cloned", e);
    }
  }

  private static final MessageDigest SHA_256 = sha256();

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
