package dev.iamunit.cli;

import dev.iamunit.IamUnitException;
import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.PolicyFiles;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Organization;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iamunit explain}: one request against policy files, with the evaluator's explanation. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Decides one request against policy files and explains the decision.",
      "",
      "The context is exactly what --context gives: nothing is inferred from the principal.",
      "",
      "With --source, the policies are read from templates as show reads them, and the principal",
      "is a user (--user) or a session of a role (--role) of that account: its policies, and the",
      "context AWS gives its credentials (--credentials), as @AsUser and @AsRole give them in a test.",
      "When the sources load several accounts, --in-account names the principal's, as @InAccount does.",
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  iamunit explain --policy force_mfa.json --action ec2:RunInstances \\",
      "    --principal arn:aws:iam::123456789012:user/MFAUser \\",
      "    --context aws:MultiFactorAuthPresent=false",
      "  iamunit explain --source terraform --user MFAUser --credentials ACCESS_KEYS --action ec2:RunInstances",
      "  iamunit explain --source terraform --role deployer --in-account Workloads/prod --action s3:PutObject"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the request is allowed",
      "1:the request is denied (explicitly or implicitly)",
      ExitCodes.USAGE_LINE,
      "3:input error: unreadable or invalid policy file, unknown action or principal, malformed --context,",
      "  a decision that depends on a value the templates leave unresolved",
      ExitCodes.INTERNAL_LINE
    })
final class ExplainCommand implements Callable<Integer> {

  static final String DEFAULT_PRINCIPAL = "arn:aws:iam::123456789012:user/iamunit";

  @Spec
  CommandSpec spec;

  @Option(names = "--policy", paramLabel = "FILE", description = "An identity-based policy of the principal (repeatable).")
  List<Path> identity = new ArrayList<>();

  @Option(
      names = "--resource-policy",
      paramLabel = "FILE",
      description = "The resource-based policy of the resource; the role's trust policy for sts:AssumeRole*.")
  Optional<Path> resource = Optional.empty();

  @Option(names = "--boundary", paramLabel = "FILE", description = "The principal's permissions boundary (repeatable: parts of one boundary).")
  List<Path> boundaries = new ArrayList<>();

  @Option(names = "--scp", paramLabel = "FILE", description = "A service control policy; each file is one level of the organization, root first (repeatable).")
  List<Path> scps = new ArrayList<>();

  @Option(names = "--without-full-aws-access",
      description = "The --scp files are each level's whole set of SCPs (FullAWSAccess detached: an allow list). "
          + "Without it, each level also holds the FullAWSAccess AWS attaches everywhere, as in an organization.")
  boolean withoutFullAwsAccess;

  @Option(names = "--rcp", paramLabel = "FILE", description = "A resource control policy; each file is one level, root first (repeatable).")
  List<Path> rcps = new ArrayList<>();

  @Option(names = "--session-policy", paramLabel = "FILE", description = "A session policy (repeatable).")
  List<Path> sessions = new ArrayList<>();

  @Option(
      names = "--principal",
      paramLabel = "ARN",
      description = "Who asks: a user, role session or service principal ARN (default: ${DEFAULT-VALUE}).")
  String principal = DEFAULT_PRINCIPAL;

  @Option(names = "--action", required = true, paramLabel = "SERVICE:ACTION", description = "The action, such as ec2:RunInstances.")
  String action;

  @Option(names = "--resource", paramLabel = "ARN", description = "The resource ARN (default: ${DEFAULT-VALUE}).")
  String resourceArn = "*";

  @Option(names = "--resource-account", paramLabel = "ID", description = "The account that owns the resource (default: the principal's).")
  Optional<String> resourceAccount = Optional.empty();

  @Option(names = "--source", paramLabel = "PATH",
      description = "Templates, policy files or folders of them, read as show reads them (repeatable): the account the principal is in.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--user", paramLabel = "NAME", description = "With --source: the user who asks.")
  Optional<String> user = Optional.empty();

  @Option(names = "--role", paramLabel = "NAME", description = "With --source: a session of this role asks.")
  Optional<String> role = Optional.empty();

  @Option(names = "--in-account", paramLabel = "ACCOUNT",
      description = "With --source: the account of the --user or --role, by the name the organization gives it, its path from the root "
          + "(Workloads/prod) or its id, as @InAccount names it (default: the account that declares the principal). "
          + "--account is another thing: the account the sources load into.")
  Optional<String> inAccount = Optional.empty();

  @Option(names = "--credentials", paramLabel = "KIND",
      description = "With --source: ${COMPLETION-CANDIDATES} (default: access keys for a user, an assumed-role session for a role).")
  Optional<CredentialKind> credentials = Optional.empty();

  @Mixin
  LoadDefaults defaults = new LoadDefaults();

  @Option(
      names = "--context",
      paramLabel = "KEY=VALUE",
      description = "A request context value (repeatable); the same key given twice makes a multivalued key.")
  List<String> context = new ArrayList<>();

  @Override
  public Integer call() {
    checkAction(action);
    if (!sources.isEmpty()) {
      return explainInAccount();
    }
    if (user.isPresent() || role.isPresent() || credentials.isPresent() || inAccount.isPresent()) {
      throw new InputException("--user, --role, --in-account and --credentials name a principal of the accounts --source loads; give --source");
    }
    PolicySet.Builder set = PolicySet.builder();
    identity.forEach(file -> set.identity(PolicyFiles.read(file, PolicyKind.IDENTITY)));
    PolicyKind resourceKind = ResourcePolicyOwner.readsTrustPolicy(action) ? PolicyKind.TRUST : PolicyKind.RESOURCE;
    resource.ifPresent(file -> set.resource(PolicyFiles.read(file, resourceKind)));
    boundaries.forEach(file -> set.boundary(PolicyFiles.read(file, PolicyKind.PERMISSIONS_BOUNDARY)));
    scpLevels().serviceControlPolicies().forEach(set::scpLevel);
    rcps.forEach(file -> set.rcpLevel(List.of(PolicyFiles.read(file, PolicyKind.RESOURCE_CONTROL))));
    sessions.forEach(file -> set.session(PolicyFiles.read(file, PolicyKind.SESSION)));

    // A principal ARN names its partition; a service principal asks in any.
    String[] arn = principal.split(":", 3);
    if (arn.length == 3 && arn[0].equals("arn") && Partition.named(arn[1]).isPresent()) {
      requireRegionsIn(arn[1], "principal " + principal);
    }
    Request request = new Request(principal, action, resourceArn, resourceAccount, requestContext(), CredentialKind.UNSPECIFIED);
    return print(request, set.build(), List.of(), Optional.empty());
  }

  /** The principal and its policies from the loaded templates, as the JUnit extension's scenarios have them. */
  private int explainInAccount() {
    if (!identity.isEmpty() || resource.isPresent() || !boundaries.isEmpty() || !scps.isEmpty() || withoutFullAwsAccess || !rcps.isEmpty()
        || !sessions.isEmpty() || !principal.equals(DEFAULT_PRINCIPAL) || resourceAccount.isPresent()) {
      throw new InputException("with --source the principal and its policies come from the templates: name the principal "
          + "with --user or --role, and leave out --principal, --resource-account and the policy files");
    }
    if (user.isPresent() == role.isPresent()) {
      throw new InputException("with --source, name the principal who asks with --user NAME or --role NAME (one of them)");
    }
    LoadDefaults.requireExisting(sources);
    HomeAccount.Loaded homed = defaults.load(sources, defaults.options());
    LoadedSources loaded = homed.sources();
    Accounts accounts = loaded.accounts();
    Account principalAccount = inAccount.isPresent() ? namedAccount(accounts, inAccount.get())
        : declaringAccount(accounts, user.isPresent() ? "user" : "role", user.or(() -> role).orElseThrow());
    Caller caller;
    try {
      caller = user.isPresent()
          ? Caller.user(accounts, principalAccount, user.get())
          : Caller.roleSession(accounts, principalAccount, role.get(), "iamunit");
    } catch (IamUnitException unknown) {
      // The account's principals are not the sources' principals: say whose were searched.
      throw inAccount.isEmpty() ? unknown : new InputException("in account " + accounts.describe(principalAccount) + " (--in-account "
          + inAccount.get() + "): " + unknown.getMessage());
    }
    requireRegionsIn(caller.account().partition(), "account " + caller.account().id());
    BoundRequest request =
        caller.request(action, resourceArn, credentials.orElse(caller.defaultCredentials()), Instant.now(), contextValues());
    return print(request.request(), request.policies(), loaded.report().problems(), Optional.of(homed.home()));
  }

  /**
   * The account that declares the principal ({@link Accounts#homesOf}); two that do ask for {@code
   * --in-account}, not {@code --account}, which would move every source without an account of its
   * own into the one given.
   */
  private static Account declaringAccount(Accounts accounts, String kind, String name) {
    List<Account> homes = accounts.homesOf(kind.equals("role"), name);
    if (homes.size() > 1) {
      throw new InputException(kind + " " + name + " is declared in " + homes.size() + " accounts, "
          + accounts.describe(homes) + ": give the one you mean with --in-account NAME|ID");
    }
    return homes.get(0);
  }

  /** The account {@code --in-account} names, by the lookup {@code @InAccount} uses ({@link Accounts#requireNamed}). */
  private static Account namedAccount(Accounts accounts, String nameOrId) {
    try {
      return accounts.requireNamed(nameOrId);
    } catch (IamUnitException unknownOrAmbiguous) {
      throw new InputException("--in-account " + nameOrId + ": " + unknownOrAmbiguous.getMessage());
    }
  }

  /**
   * Decides and prints; a problem of the load is a policy the decision could not include, so it is
   * said first, after the home account the sources were loaded into, when they were.
   */
  private int print(Request request, PolicySet policies, List<LoadReport.Problem> problems, Optional<HomeAccount> home) {
    Decision decision = Evaluator.standard().explain(request, policies);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Request: " + request);
    out.println("Context: " + request.context());
    home.ifPresent(h -> out.println("Sources: " + LoadDefaults.homeLine(h)));
    // A problem with a stand-in is in the decision as a policy no one can read: it fails if it matters.
    problems.stream().filter(p -> p.standIn().isEmpty()).forEach(problem -> out.println("Not loaded, so not in this decision: " + problem));
    out.println("Decision: " + DecisionText.explained(decision, Optional.of(request.context())));
    out.flush();
    return decision.isAllowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /**
   * One level per {@code --scp} file, by the rule the loaders apply to SCPs no organization tree
   * places ({@link Organization#unplaced}): AWS's FullAWSAccess beside each, unless the user says it
   * is detached.
   */
  private Organization scpLevels() {
    List<List<Policy>> levels = scps.stream().map(file -> List.of(PolicyFiles.read(file, PolicyKind.SERVICE_CONTROL))).toList();
    if (withoutFullAwsAccess) {
      return new Organization(levels, List.of());
    }
    return Organization.unplaced(levels, List.of(), OrganizationTree.ScpRule.AWS_DEFAULT, (allowList, allow) -> Unresolved.of(
        "--scp " + allowList.location().file(), allow.location(), "allows some actions but not all (an allow list), which "
            + "restricts only where FullAWSAccess is detached; give --without-full-aws-access if it is detached at every level"));
  }

  /**
   * Each {@code --context aws:RequestedRegion} is a Region of {@code partition}, the principal's,
   * by the one check {@code @InRegion} goes through too ({@link Partition#checkRequestRegion}).
   */
  private void requireRegionsIn(String partition, String whose) {
    for (String region : contextValues().getOrDefault("aws:RequestedRegion", List.of())) {
      try {
        Partition.checkRequestRegion(region, partition, whose);
      } catch (IllegalArgumentException e) {
        throw new InputException("--context aws:RequestedRegion=" + region + ": " + e.getMessage());
      }
    }
  }

  /** An action that does not exist is a typo far more often than a new AWS action. */
  static void checkAction(String action) {
    if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
      throw new InputException("--action names one action, not a pattern: \"" + action + "\"");
    }
    if (AwsData.bundled().action(action).isPresent()) {
      return;
    }
    List<String> suggestions = AwsData.bundled().suggestActions(action, 3);
    throw new InputException("unknown action \"" + action + "\""
        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
  }

  private RequestContext requestContext() {
    RequestContext.Builder builder = RequestContext.builder();
    contextValues().forEach((key, list) -> {
      if (list.size() == 1) {
        builder.put(key, list.get(0));
      } else {
        builder.putMultivalued(key, list);
      }
    });
    return builder.build();
  }

  /** Each --context key with its values, in the order given. */
  private Map<String, List<String>> contextValues() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String entry : context) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InputException("--context takes KEY=VALUE, such as aws:MultiFactorAuthPresent=true, not \"" + entry + "\"");
      }
      values.computeIfAbsent(entry.substring(0, equals), key -> new ArrayList<>()).add(entry.substring(equals + 1));
    }
    return values;
  }
}
