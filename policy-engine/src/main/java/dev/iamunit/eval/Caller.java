package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.spelling.EditDistance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apiguardian.api.API;

/**
 * A principal of an {@link Account} ready to make requests: its policies gathered the way AWS
 * gathers them ({@link PrincipalPolicies}, and the organization's SCPs and RCPs) and its request
 * context filled the way AWS fills it for its kind of credentials, its principal tags included.
 * {@link #request} is the one way to a request: it returns the request together with the policies
 * that apply to it. Immutable and thread-safe; its policies are compiled once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Caller {

  /** Seconds since MFA sign-in that {@code aws:MultiFactorAuthAge} carries by default. */
  public static final long DEFAULT_MFA_AGE_SECONDS = 300;

  /**
   * The client application {@code aws:UserAgent} names by default, the AWS CLI's: "This key is always
   * included in the request context" (IAM User Guide, AWS global condition context keys,
   * aws:UserAgent), and its value is "provided by the caller in an HTTP header", so any text is
   * possible; a test gives its own in the request's context, and the request space varies it.
   */
  public static final String DEFAULT_USER_AGENT = "aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0 exe/x86_64";

  private final Account account;
  /** The accounts the caller's requests may reach: the resource's policy and RCPs are its account's. */
  private final Accounts accounts;
  private final String arn;
  private final String principalArn;
  private final String description;
  private final CredentialKind defaultCredentials;
  private final Map<String, String> tags;
  private final RequestContext baseContext;
  private final PolicySet policies;
  /** Why it is unknown whether the principal exists; empty when it does. */
  private final List<Unresolved> existence;
  /** The policy set of each resource asked about, with its resource-based policy compiled once, and its account. */
  private final ConcurrentMap<ResourceKey, ForResource> byResource;
  /** The caller's policies with the RCPs of each other account asked about, compiled once. */
  private final ConcurrentMap<String, PolicySet> byResourceAccount;

  private record ForResource(PolicySet policies, String account) {}

  /** A resource asked about, and whether the action reads a role's trust policy ({@link ResourcePolicyOwner#readsTrustPolicy}). */
  private record ResourceKey(String resource, boolean trust) {}

  /** A context built for one time: an access diff asks many requests of each kind of credentials at one time. */
  private record BuiltContext(Instant time, RequestContext context) {}

  /** The context last built for each kind of credentials, by ordinal. */
  private final AtomicReferenceArray<BuiltContext> lastContexts =
      new AtomicReferenceArray<>(CredentialKind.values().length);
  /** What a role session carries to the next session of a role chain (RoleAssumption). */
  private final Session session;

  /**
   * Of a role session: the transitive session tags, which "pass to subsequent sessions in a role
   * chain" (IAM User Guide, Passing session tags in AWS STS, Chaining roles with session tags), and
   * the source identity, which "persists when a role is used to assume another role" (IAM User
   * Guide, Monitor and control actions taken with assumed roles). Empty for other callers.
   */
  private record Session(Map<String, String> transitiveTags, Optional<String> sourceIdentity) {
    static final Session NONE = new Session(Map.of(), Optional.empty());
  }

  private Caller(
      Account account,
      Accounts accounts,
      String arn,
      String principalArn,
      String description,
      CredentialKind defaultCredentials,
      Map<String, String> tags,
      RequestContext.Builder context,
      PolicySet policies,
      List<Unresolved> existence,
      ConcurrentMap<ResourceKey, ForResource> byResource,
      ConcurrentMap<String, PolicySet> byResourceAccount,
      Session session) {
    this.account = account;
    this.accounts = accounts;
    this.arn = arn;
    this.principalArn = principalArn;
    this.description = description;
    this.defaultCredentials = defaultCredentials;
    this.tags = tags;
    this.baseContext = principalTags(context, tags).build();
    this.policies = policies;
    this.existence = existence;
    this.byResource = byResource;
    this.byResourceAccount = byResourceAccount;
    this.session = session;
  }

  private Caller(
      Account account, Accounts accounts, String arn, String principalArn, String description, CredentialKind defaultCredentials,
      Map<String, String> tags, RequestContext.Builder context, PolicySet policies, List<Unresolved> existence) {
    this(account, accounts, arn, principalArn, description, defaultCredentials, sorted(tags), context, policies, existence,
        new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), Session.NONE);
  }

  /**
   * The IAM user {@code name}. Its requests default to long-term access keys, as the AWS CLI
   * signs them: {@code aws:MultiFactorAuthPresent} is then absent.
   */
  public static Caller user(Account account, String name) {
    return user(Accounts.of(account), account, name);
  }

  /**
   * The IAM user {@code name} of {@code account}, one of {@code accounts}: its requests reach the
   * resources of every one of them, each with its own account's resource policy and RCPs.
   */
  public static Caller user(Accounts accounts, Account account, String name) {
    User user =
        account.user(name).orElseThrow(() -> unknown("user", name, account.users().keySet().stream().toList()));
    PolicySet.Builder set = held(PrincipalPolicies.of(account, user));
    organization(account, set);
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:username", user.name())
        .put("aws:userid", uniqueId("AIDA", user.arn()))
        .put("aws:PrincipalArn", user.arn())
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "User");
    return new Caller(account, accounts, user.arn(), user.arn(), "user " + name, CredentialKind.ACCESS_KEYS, user.tags(), context, set.build(),
        user.existence().principal());
  }

  /**
   * A session of role {@code roleName} named {@code sessionName}: the request principal is
   * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} and {@code aws:PrincipalArn} is the role.
   */
  public static Caller roleSession(Account account, String roleName, String sessionName) {
    return roleSession(Accounts.of(account), account, roleName, sessionName);
  }

  /** A session of role {@code roleName} of {@code account}, one of {@code accounts} (see {@link #user(Accounts, Account, String)}). */
  public static Caller roleSession(Accounts accounts, Account account, String roleName, String sessionName) {
    Role role =
        account.role(roleName).orElseThrow(() -> unknown("role", roleName, account.roles().keySet().stream().toList()));
    PolicySet.Builder set = held(PrincipalPolicies.of(account, role));
    if (role.path().startsWith(SERVICE_LINKED_PATH)) {
      // "SCPs don't affect service-linked roles. Service-linked roles enable other AWS services to
      // integrate with AWS Organizations and can't be restricted by SCPs" (AWS Organizations User
      // Guide, Service control policies (SCPs), Tasks and entities not restricted by SCPs).
      account.organization().resourceControlPolicies().forEach(set::rcpLevel);
    } else {
      organization(account, set);
    }
    String sessionArn = "arn:" + account.partition() + ":sts::" + account.id() + ":assumed-role/" + role.name() + "/" + sessionName;
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:userid", uniqueId("AROA", role.arn()) + ":" + sessionName)
        .put("aws:PrincipalArn", role.arn())
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "AssumedRole")
        .put("aws:RoleSessionName", sessionName);
    return new Caller(
        account, accounts, sessionArn, role.arn(), "role " + roleName + " (session " + sessionName + ")", CredentialKind.ASSUMED_ROLE,
        role.tags(), context, set.build(), role.existence().principal());
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
    return root(Accounts.of(account), account);
  }

  /** The root user of {@code account}, one of {@code accounts} (see {@link #user(Accounts, Account, String)}). */
  public static Caller root(Accounts accounts, Account account) {
    PolicySet.Builder set = PolicySet.builder();
    organization(account, set);
    String rootArn = "arn:" + account.partition() + ":iam::" + account.id() + ":root";
    RequestContext.Builder context = RequestContext.builder()
        .put("aws:userid", account.id())
        .put("aws:PrincipalArn", rootArn)
        .put("aws:PrincipalAccount", account.id())
        .put("aws:PrincipalType", "Account");
    return new Caller(
        account, accounts, rootArn, rootArn, "the root user of account " + account.id(), CredentialKind.ACCESS_KEYS, Map.of(), context, set.build(),
        List.of());
  }

  /**
   * This caller with these principal tags besides its own; a tag of the same key, in any case,
   * replaces its own, as a session tag replaces a role's tag of the same key ("session tags
   * override a role tag with the same key", STS API Reference, AssumeRole, Tags).
   */
  public Caller withPrincipalTags(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(tags);
    more.forEach((key, value) -> {
      merged.remove(key);
      merged.put(key, value);
    });
    RequestContext.Builder context = baseContext.toBuilder();
    tags.keySet().forEach(key -> context.remove("aws:PrincipalTag/" + key));
    return new Caller(
        account, accounts, arn, principalArn, description, defaultCredentials, Collections.unmodifiableMap(merged), context, policies,
        existence, byResource, byResourceAccount, session);
  }

  /**
   * This role session as {@link RoleAssumption} makes it: with {@code sessionTags} (passed and
   * inherited transitive ones) over the role's tags, carrying {@code transitiveTags} to the next
   * session of a chain, and with {@code aws:SourceIdentity} in every request: "After a source
   * identity is set, the aws:SourceIdentity key is present in all subsequent requests made during
   * the role session" (IAM User Guide, Monitor and control actions taken with assumed roles).
   */
  Caller assumedWith(Map<String, String> sessionTags, Map<String, String> transitiveTags, Optional<String> sourceIdentity) {
    Caller tagged = withPrincipalTags(sessionTags);
    RequestContext.Builder context = tagged.baseContext.toBuilder();
    sourceIdentity.ifPresent(identity -> context.put("aws:SourceIdentity", identity));
    return new Caller(account, accounts, arn, principalArn, description, defaultCredentials, tagged.tags, context, policies,
        existence, byResource, byResourceAccount, new Session(sorted(transitiveTags), sourceIdentity));
  }

  /** The transitive session tags this role session passes on when it assumes another role; empty for others. */
  public Map<String, String> transitiveTags() {
    return session.transitiveTags();
  }

  /** The source identity of this role session, set when it or an earlier session of its chain was assumed. */
  public Optional<String> sourceIdentity() {
    return session.sourceIdentity();
  }

  /**
   * {@code aws:PrincipalTag/KEY} for each tag and {@code aws:PrincipalTagKeys}, the tags' keys,
   * always multivalued: "This key is included in the request context if the principal is using an
   * IAM user with attached tags. It is included for a principal using an IAM role with attached
   * tags or session tags" (IAM User Guide, AWS global condition context keys, aws:PrincipalTag and
   * aws:PrincipalTagKeys, whose value type is "Multivalued").
   */
  private static RequestContext.Builder principalTags(RequestContext.Builder context, Map<String, String> tags) {
    tags.forEach((key, value) -> context.put("aws:PrincipalTag/" + key, value));
    if (tags.isEmpty()) {
      context.remove("aws:PrincipalTagKeys");
    } else {
      context.putMultivalued("aws:PrincipalTagKeys", List.copyOf(tags.keySet()));
    }
    return context;
  }

  /** Tags in the order of their keys, ignoring case: a context reads the same in every JVM. */
  private static Map<String, String> sorted(Map<String, String> tags) {
    Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sorted.putAll(tags);
    return Collections.unmodifiableMap(sorted);
  }

  private static PolicySet.Builder held(PrincipalPolicies principal) {
    PolicySet.Builder set = PolicySet.builder();
    for (PrincipalPolicies.Held held : principal.requireComplete().policies()) {
      if (held.type() == PolicyType.PERMISSIONS_BOUNDARY) {
        set.boundary(Existence.onlyIf(held.document(), held.onlyIf()));
      } else {
        set.identity(Existence.onlyIf(held.document(), held.onlyIf()));
      }
    }
    return set;
  }

  /** The account part of the ARNs of what AWS owns and shares with every account. */
  private static final String AWS_OWNED = "aws";

  /** The IAM path AWS gives service-linked roles ({@code /aws-service-role/SERVICE/}). */
  static final String SERVICE_LINKED_PATH = "/aws-service-role/";

  private static void organization(Account account, PolicySet.Builder set) {
    account.organization().serviceControlPolicies().forEach(set::scpLevel);
    account.organization().resourceControlPolicies().forEach(set::rcpLevel);
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

  /** The principal's account. */
  public Account account() {
    return account;
  }

  /** The accounts the caller's requests reach, its own among them. */
  public Accounts accounts() {
    return accounts;
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
   * {@code aws:RequestedRegion}, {@code aws:UserAgent}, {@code aws:ViaAWSService} (which a request
   * for an action of a service that does not support it leaves out, {@link KeyAvailability}), and
   * the MFA keys of the credentials.
   */
  public RequestContext context(CredentialKind credentials, Instant time) {
    BuiltContext last = lastContexts.get(credentials.ordinal());
    if (last != null && last.time().equals(time)) {
      return last.context();
    }
    RequestContext built = newContext(credentials, time);
    lastContexts.set(credentials.ordinal(), new BuiltContext(time, built));
    return built;
  }

  private RequestContext newContext(CredentialKind credentials, Instant time) {
    RequestContext.Builder context = baseContext.toBuilder()
        .put("aws:CurrentTime", time.toString())
        .put("aws:EpochTime", Long.toString(time.getEpochSecond()))
        .put("aws:SecureTransport", "true")
        .put("aws:RequestedRegion", account.region())
        .put(KeyAvailability.USER_AGENT, DEFAULT_USER_AGENT)
        .put(KeyAvailability.VIA_AWS_SERVICE, "false");
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
   * A request by this caller with {@code credentials} at {@code time}, together with the policies
   * that apply to it: the caller's (its SCPs are its own account's path), the RCPs of the account
   * that owns {@code resource} ({@link Accounts#owning}), and the resource-based policy that
   * account holds for it (for {@code sts:AssumeRole} on a role, the role's trust policy). The
   * request names the resource's account, so that a request across accounts needs both sides. {@code
   * extraContext} adds keys to the caller's context or replaces them; a key with one value is
   * single-valued.
   */
  public BoundRequest request(
      String action, String resource, CredentialKind credentials, Instant time, Map<String, List<String>> extraContext) {
    return request(action, resource, credentials, time, extraContext, Set.of());
  }

  /**
   * A request as {@link #request(String, String, CredentialKind, Instant, Map)} makes it, without
   * {@code absentKeys}: keys this caller's context always has that AWS leaves out of some requests
   * ({@code aws:ViaAWSService} is "always included in the request context for most services", IAM
   * User Guide, AWS global condition context keys), so that a {@code Null} condition or an
   * {@code ...IfExists} operator can be asked about their absence. {@code extraContext} applies
   * first; a key in both is absent. A request for an action of a service that does not support
   * {@code aws:ViaAWSService} leaves it out ({@link KeyAvailability#carriesViaAwsService}) unless
   * {@code extraContext} gives it.
   */
  public BoundRequest request(String action, String resource, CredentialKind credentials, Instant time,
      Map<String, List<String>> extraContext, Set<String> absentKeys) {
    RequestContext.Builder context = context(credentials, time).toBuilder();
    if (!KeyAvailability.carriesViaAwsService(action)) {
      context.remove(KeyAvailability.VIA_AWS_SERVICE);
    }
    extraContext.forEach((key, values) -> {
      if (values.size() == 1) {
        context.put(key, values.get(0));
      } else {
        context.putMultivalued(key, values);
      }
    });
    absentKeys.forEach(context::remove);
    ForResource bound = forResource(resource, action);
    RequestContext built = context.build();
    Request request = new Request(arn, action, resource, Optional.of(bound.account()), built, credentials);
    // The VPC endpoint the request comes through (aws:SourceVpce, one value): its policy applies.
    List<Policy> endpointPolicies = built.get("aws:SourceVpce").filter(e -> !e.multivalued())
        .map(e -> ResourcePolicyOwner.endpointPolicies(account, e.value())).orElse(List.of());
    return new BoundRequest(request, endpointPolicies.isEmpty() ? bound.policies() : bound.policies().withEndpointPolicies(endpointPolicies));
  }

  /**
   * The policies that apply to a request for {@code action} on {@code resource}, and the account
   * that owns it. Looked up once per resource, and whether the action reads a trust policy (all
   * the action changes): an access diff asks about each resource many times.
   */
  private ForResource forResource(String resource, String action) {
    ResourceKey key = new ResourceKey(resource, ResourcePolicyOwner.readsTrustPolicy(action));
    ForResource known = byResource.get(key);
    if (known != null) {
      return known;
    }
    return byResource.computeIfAbsent(key, k -> {
      String r = k.resource();
      Optional<Account> owner = accounts.owning(r);
      String ownerId = dev.iamunit.eval.internal.Arns.account(r).orElse(owner.map(Account::id).orElse(account.id()));
      PolicySet base = ownerId.equals(account.id()) ? policies : byResourceAccount.computeIfAbsent(ownerId,
          // "RCPs ... apply to resources in member accounts" and "RCPs don't affect resources in the
          // management account" (AWS Organizations User Guide, Resource control policies (RCPs)):
          // the RCPs of the resource's account, whoever asks; none known for an account the
          // sources do not load.
          id -> policies.withResourceControlPolicies(owner.map(a -> a.organization().resourceControlPolicies()).orElse(List.of())));
      // A resource of an account the sources do not load has no known policy; a single-account
      // caller's account may hold resources of other accounts' ARNs (loaded as one account).
      List<Policy> found = ResourcePolicyOwner.policies(owner.orElse(account), r, action);
      // A principal that may not exist makes no request: the resource's grant to it applies only if it does.
      PolicySet set = found.isEmpty() ? base : base.withResourcePolicies(found.stream().map(p -> Existence.onlyIf(p, existence)).toList());
      // What AWS owns in its "aws" account it shares with every account, as the AWS managed
      // policies, arn:aws:iam::aws:policy/...: "a single AWS managed policy can be attached to
      // principal entities in different AWS accounts" (IAM User Guide, Managed policies and inline
      // policies, AWS managed policies). The caller's own policies decide, not a cross-account
      // grant no one can write; no account's RCPs apply (base above).
      return new ForResource(set, AWS_OWNED.equals(ownerId) ? account.id() : ownerId);
    });
  }

  @Override
  public String toString() {
    return description;
  }
}
