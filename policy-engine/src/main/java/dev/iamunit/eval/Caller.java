package dev.iamunit.eval;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.spelling.EditDistance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A principal of an {@link Account} ready to make requests: its policies gathered the way AWS
 * gathers them (inline, attached, through its groups, its permissions boundary, the organization's
 * SCPs) and its request context filled the way AWS fills it for its kind of credentials. Immutable
 * and thread-safe; its policies are compiled once.
 */
public final class Caller {

  /** Seconds since MFA sign-in that {@code aws:MultiFactorAuthAge} carries by default. */
  public static final long DEFAULT_MFA_AGE_SECONDS = 300;

  private final Account account;
  private final String arn;
  private final String principalArn;
  private final String description;
  private final CredentialKind defaultCredentials;
  private final RequestContext baseContext;
  private final PolicySet policies;
  /** Why it is unknown whether the principal exists; empty when it does. */
  private final List<Unresolved> existence;

  private Caller(
      Account account,
      String arn,
      String principalArn,
      String description,
      CredentialKind defaultCredentials,
      RequestContext baseContext,
      PolicySet policies,
      List<Unresolved> existence) {
    this.account = account;
    this.arn = arn;
    this.principalArn = principalArn;
    this.description = description;
    this.defaultCredentials = defaultCredentials;
    this.baseContext = baseContext;
    this.policies = policies;
    this.existence = existence;
  }

  /**
   * The IAM user {@code name}. Its requests default to long-term access keys, as the AWS CLI
   * signs them: {@code aws:MultiFactorAuthPresent} is then absent.
   */
  public static Caller user(Account account, String name) {
    User user =
        account.user(name).orElseThrow(() -> unknown("user", name, account.users().keySet().stream().toList()));
    // What exists only if an unknown value says so applies only if it does (Existence): the
    // user's own policies with the user, an attachment or a membership with its resource too.
    Existence existence = user.existence();
    PolicySet.Builder set = PolicySet.builder();
    user.inlinePolicies().forEach(p -> set.identity(Existence.onlyIf(p, existence.principal())));
    for (String policyArn : user.managedPolicyArns()) {
      set.identity(Existence.onlyIf(managed(account, policyArn, "user " + name, user.location()), existence.ofAttachment(policyArn)));
    }
    for (String groupName : user.groups()) {
      Group group =
          account.group(groupName)
              .orElseThrow(() -> new IamUnitException(
                  "user " + name + " is a member of group \"" + groupName + "\", which the loaded templates do not declare; "
                      + "add the group to the sources of the test",
                  user.location()));
      group.inlinePolicies().forEach(p -> set.identity(Existence.onlyIf(p, existence.ofMembership(group))));
      for (String policyArn : group.managedPolicyArns()) {
        set.identity(Existence.onlyIf(managed(account, policyArn, "group " + groupName, group.location()),
            existence.ofMembership(group, policyArn)));
      }
    }
    user.permissionsBoundaryArn().ifPresent(b -> set.boundary(
        Existence.onlyIf(managed(account, b, "the permissions boundary of user " + name, user.location()), existence.principal())));
    organization(account, set);
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:username", user.name())
        .put("aws:userid", uniqueId("AIDA", user.arn()))
        .put("aws:PrincipalArn", user.arn())
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "User");
    user.tags().forEach((key, value) -> context.put("aws:PrincipalTag/" + key, value));
    if (!user.tags().isEmpty()) {
      context.putMultivalued("aws:PrincipalTagKeys", List.copyOf(user.tags().keySet()));
    }
    return new Caller(account, user.arn(), user.arn(), "user " + name, CredentialKind.ACCESS_KEYS, context.build(), set.build(),
        existence.principal());
  }

  /**
   * A session of role {@code roleName} named {@code sessionName}: the request principal is
   * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} and {@code aws:PrincipalArn} is the role.
   */
  public static Caller roleSession(Account account, String roleName, String sessionName) {
    Role role =
        account.role(roleName).orElseThrow(() -> unknown("role", roleName, account.roles().keySet().stream().toList()));
    Existence existence = role.existence();
    PolicySet.Builder set = PolicySet.builder();
    role.inlinePolicies().forEach(p -> set.identity(Existence.onlyIf(p, existence.principal())));
    for (String policyArn : role.managedPolicyArns()) {
      set.identity(Existence.onlyIf(managed(account, policyArn, "role " + roleName, role.location()), existence.ofAttachment(policyArn)));
    }
    role.permissionsBoundaryArn().ifPresent(b -> set.boundary(Existence.onlyIf(
        managed(account, b, "the permissions boundary of role " + roleName, role.location()), existence.principal())));
    organization(account, set);
    String sessionArn = "arn:" + account.partition() + ":sts::" + account.id() + ":assumed-role/" + role.name() + "/" + sessionName;
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:userid", uniqueId("AROA", role.arn()) + ":" + sessionName)
        .put("aws:PrincipalArn", role.arn())
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "AssumedRole")
        .put("aws:RoleSessionName", sessionName);
    role.tags().forEach((key, value) -> context.put("aws:PrincipalTag/" + key, value));
    return new Caller(
        account, sessionArn, role.arn(), "role " + roleName + " (session " + sessionName + ")", CredentialKind.ASSUMED_ROLE,
        context.build(), set.build(), existence.principal());
  }

  /**
   * The account's root user, {@code arn:aws:iam::ACCOUNT:root}, which "has full access" in its own
   * account (IAM User Guide, How AWS enforcement code logic evaluates requests to allow or deny
   * access): no identity-based policy, boundary or session policy can be attached to it, so its
   * policy set holds only the organization's SCPs and RCPs, which bind it in a member account.
   * The organization's management account is not bound by SCPs ("SCPs have no effect on users or
   * roles in the management account"): model it with no organization policies. Its context is
   * what AWS gives the root user: {@code aws:PrincipalType} {@code Account}, {@code aws:userid}
   * the account id, and no {@code aws:username} (IAM User Guide, AWS global condition context
   * keys). Its requests default to long-term access keys, as for a user.
   */
  public static Caller root(Account account) {
    PolicySet.Builder set = PolicySet.builder();
    organization(account, set);
    String rootArn = "arn:" + account.partition() + ":iam::" + account.id() + ":root";
    RequestContext context = RequestContext.builder()
        .put("aws:userid", account.id())
        .put("aws:PrincipalArn", rootArn)
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "Account")
        .build();
    return new Caller(account, rootArn, rootArn, "the root user of account " + account.id(), CredentialKind.ACCESS_KEYS, context, set.build(),
        List.of());
  }

  private static void organization(Account account, PolicySet.Builder set) {
    account.organization().serviceControlPolicies().forEach(set::scpLevel);
    account.organization().resourceControlPolicies().forEach(set::rcpLevel);
  }

  private static Policy managed(Account account, String policyArn, String holder, SourceLocation location) {
    return account.managedPolicy(policyArn)
        .map(ManagedPolicy::document)
        .orElseThrow(() -> new IamUnitException(
            holder + " has managed policy " + policyArn + " attached, which is neither declared in the loaded templates nor an AWS managed policy IAMUnit knows; "
                + "add the template that declares it to the test's sources",
            location));
  }

  private static IamUnitException unknown(String kind, String name, List<String> known) {
    String suggestion =
        EditDistance.closest(name, known, Math.max(2, name.length() / 3))
            .map(k -> "; did you mean \"" + k + "\"?")
            .orElse(known.isEmpty() ? "; the loaded templates declare no " + kind + "s" : "; the loaded templates declare " + known);
    return new IamUnitException("unknown " + kind + " \"" + name + "\"" + suggestion);
  }

  /** A stable stand-in for the unique id AWS assigns, which templates cannot know. */
  private static String uniqueId(String prefix, String arn) {
    return prefix + UUID.nameUUIDFromBytes(arn.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT);
  }

  public Account account() {
    return account;
  }

  /** The request principal: the user's ARN or the session's ARN. */
  public String arn() {
    return arn;
  }

  /** {@code aws:PrincipalArn}: the user, or the role of a session. */
  public String principalArn() {
    return principalArn;
  }

  public String description() {
    return description;
  }

  public CredentialKind defaultCredentials() {
    return defaultCredentials;
  }

  /** The caller's own policies, compiled once. */
  public PolicySet policies() {
    return policies;
  }

  /**
   * The context AWS builds for this caller with {@code credentials} at {@code time}: the
   * principal keys, {@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:SecureTransport},
   * {@code aws:RequestedRegion}, {@code aws:ViaAWSService}, and the MFA keys of the credentials.
   */
  public RequestContext context(CredentialKind credentials, Instant time) {
    RequestContext.Builder context = baseContext.toBuilder()
        .put("aws:CurrentTime", time.toString())
        .put("aws:EpochTime", Long.toString(time.getEpochSecond()))
        .put("aws:SecureTransport", "true")
        .put("aws:RequestedRegion", account.region())
        .put("aws:ViaAWSService", "false");
    Boolean mfa = credentials.mfaPresent();
    if (mfa != null) {
      context.put("aws:MultiFactorAuthPresent", mfa.toString());
    }
    if (credentials.withMfa()) {
      context.put("aws:MultiFactorAuthAge", Long.toString(DEFAULT_MFA_AGE_SECONDS));
    }
    if (credentials.temporary()) {
      context.put("aws:TokenIssueTime", time.minusSeconds(DEFAULT_MFA_AGE_SECONDS).toString());
    }
    return context.build();
  }

  /**
   * A request by this caller. The resource-based policy of {@code resource}, when the account has
   * one (for {@code sts:AssumeRole}, the role's trust policy), joins the policy set.
   */
  public Request request(String action, String resource, CredentialKind credentials, Instant time, Map<String, List<String>> extraContext) {
    RequestContext.Builder context = context(credentials, time).toBuilder();
    extraContext.forEach((key, values) -> {
      if (values.size() == 1) {
        context.put(key, values.get(0));
      } else {
        context.putMultivalued(key, values);
      }
    });
    return new Request(arn, action, resource, Optional.of(resourceAccount(resource)), context.build(), credentials);
  }

  private String resourceAccount(String resource) {
    return dev.iamunit.eval.internal.Arns.account(resource).orElse(account.id());
  }

  /** The policies that apply to a request on {@code resource}: the caller's, plus the resource's. */
  public PolicySet policiesFor(String resource) {
    Optional<Policy> resourcePolicy = account.resourcePolicy(resource);
    if (resourcePolicy.isEmpty()) {
      String[] parts = dev.iamunit.eval.internal.Arns.split(resource);
      if (parts != null && parts[2].equals("s3") && parts[4].isEmpty() && parts[5].indexOf('/') > 0) {
        // An object's resource-based policy is its bucket's: "a bucket policy ... to grant
        // access permissions to your bucket and the objects in it" (Amazon S3 User Guide,
        // Bucket policies for Amazon S3).
        resourcePolicy = account.resourcePolicy(
            "arn:" + parts[1] + ":s3:::" + parts[5].substring(0, parts[5].indexOf('/')));
      } else if (parts != null && parts[2].equals("iam") && parts[5].startsWith("role/")) {
        String roleName = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        resourcePolicy = account.role(roleName).flatMap(Role::trustPolicy);
      }
    }
    // A principal that may not exist makes no request: the resource's grant to it applies only if it does.
    return resourcePolicy.map(p -> policies.withResourcePolicy(Existence.onlyIf(p, existence))).orElse(policies);
  }

  @Override
  public String toString() {
    return description;
  }
}
