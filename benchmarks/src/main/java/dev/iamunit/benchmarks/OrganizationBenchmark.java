package dev.iamunit.benchmarks;

import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 24's decision rate: requests of the roles IAM Identity Center provisions for permission sets
 * in the deepest accounts of {@link OrganizationTerraform}'s organization (an SCP level for the
 * root, six OUs and the account on every path), loaded through the one loading path. Each
 * operation is one decision of a fixed mix ({@link #mix}): allowed, denied by a deny list, by a
 * region lock, by an allow list, by the permission set's own Deny, across the callers.
 *
 * <ul>
 *   <li>{@code decide}: the requests bound to their policies once ({@link Caller#request}), the
 *       decision alone, explanation off.
 *   <li>{@code explain}: the same with the full explanation, as a test's assertion asks for it.
 *   <li>{@code requestAndDecide}: the caller builds the request each time (context, the resource's
 *       account and policies) and it is decided, as the JUnit extension does per request.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrganizationBenchmark {

  /** Callers: this many deepest accounts, each with every permission set assigned to it. */
  static final int ACCOUNTS_USED = 8;
  static final int REQUESTS = 96;

  /** One request of the mix, before its caller binds it. */
  record Spec(Caller caller, String action, String resource, Map<String, List<String>> context) {
    BoundRequest bind() {
      return caller.request(action, resource, caller.defaultCredentials(), ForceMfaScenario.NOW, context);
    }
  }

  private final Evaluator evaluator = Evaluator.standard();
  private Spec[] specs;
  private BoundRequest[] bound;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path folder = Files.createTempDirectory("iamunit-organization-");
    try {
      OrganizationTerraform.Layout layout = OrganizationTerraform.writeTo(folder);
      LoadedSources loaded = OrganizationLoad.load(folder);
      List<Spec> mix = mix(loaded.accounts(), layout);
      specs = mix.toArray(Spec[]::new);
      bound = mix.stream().map(Spec::bind).toArray(BoundRequest[]::new);
      Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
      for (BoundRequest request : bound) {
        outcomes.merge(evaluator.decide(request).outcome(), 1, Integer::sum);
      }
      System.out.println("\norganization: " + OrganizationLoad.summary(loaded));
      System.out.println("mix: " + specs.length + " requests of " + mix.stream().map(Spec::caller).distinct().count()
          + " permission-set roles in " + ACCOUNTS_USED + " accounts at OU depth " + OrganizationTerraform.OU_LEVELS + ", "
          + bound[0].policies().policies().size() + " policies for the first; outcomes " + outcomes);
    } finally {
      delete(folder);
    }
  }

  /**
   * The mix bound to its callers, for the harnesses that time or weigh {@link #decide} outside JMH
   * ({@link OrganizationCpuRate}, {@link OrganizationAllocation}): written, loaded, and the folder
   * deleted again.
   */
  static BoundRequest[] boundMix() throws IOException {
    Path folder = Files.createTempDirectory("iamunit-organization-");
    try {
      OrganizationTerraform.Layout layout = OrganizationTerraform.writeTo(folder);
      LoadedSources loaded = OrganizationLoad.load(folder);
      return mix(loaded.accounts(), layout).stream().map(Spec::bind).toArray(BoundRequest[]::new);
    } finally {
      delete(folder);
    }
  }

  /**
   * The mix: for each of {@link #ACCOUNTS_USED} deepest accounts, every permission set assigned to
   * it, asking what its people ask (read, deploy, write their bucket, stop CloudTrail, create a
   * user, delete a prod table) in the home region and, for a quarter, in another.
   */
  static List<Spec> mix(Accounts accounts, OrganizationTerraform.Layout layout) {
    List<Caller> callers = new ArrayList<>();
    List<OrganizationTerraform.Member> deepest = layout.deepest();
    for (int n = 0; n < ACCOUNTS_USED; n++) {
      // Spread over the deepest OUs, and so over the four top-level OUs and their SCPs.
      OrganizationTerraform.Member member = deepest.get(n * deepest.size() / ACCOUNTS_USED);
      Account account = accounts.byId(member.id()).orElseThrow(() -> new IllegalStateException("account " + member.id() + " not loaded"));
      for (Map.Entry<String, List<String>> set : layout.assignments().entrySet()) {
        if (set.getValue().contains(member.id())) {
          // The permission sets are the management account's (the Identity Center instance's); the roles, the account's.
          String role = Optional.ofNullable(accounts.home().permissionSets().get(set.getKey())).flatMap(account::provisionedRole)
              .orElseThrow(() -> new IllegalStateException("no role for " + set.getKey() + " in " + member.id())).name();
          callers.add(Caller.roleSession(accounts, account, role, "person@example.com"));
        }
      }
    }
    List<Spec> mix = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Caller caller = callers.get((i * 7) % callers.size());
      String id = caller.account().id();
      String region = i % 4 == 3 ? "us-east-1" : OrganizationTerraform.REGION;
      Map<String, List<String>> context = Map.of("aws:RequestedRegion", List.of(region));
      mix.add(switch (i % 8) {
        case 0 -> new Spec(caller, "s3:GetObject", "arn:aws:s3:::team1-" + id + "/reports/2026.csv", context);
        case 1 -> new Spec(caller, "ec2:RunInstances", "arn:aws:ec2:" + region + ":" + id + ":instance/*", context);
        case 2 -> new Spec(caller, "cloudtrail:StopLogging", "arn:aws:cloudtrail:" + region + ":" + id + ":trail/org-trail", context);
        case 3 -> new Spec(caller, "lambda:UpdateFunctionCode", "arn:aws:lambda:" + region + ":" + id + ":function:api", context);
        case 4 -> new Spec(caller, "iam:CreateUser", "arn:aws:iam::" + id + ":user/bob", context);
        case 5 -> new Spec(caller, "dynamodb:DeleteTable", "arn:aws:dynamodb:" + region + ":" + id + ":table/orders",
            Map.of("aws:RequestedRegion", List.of(region), "aws:ResourceTag/env", List.of("prod")));
        case 6 -> new Spec(caller, "ec2:DescribeInstances", "*", context);
        default -> new Spec(caller, "kms:ScheduleKeyDeletion", "arn:aws:kms:" + region + ":" + id + ":key/1234abcd-12ab-34cd-56ef-1234567890ab",
            context);
      });
    }
    return mix;
  }

  @Benchmark
  public Decision decide() {
    return evaluator.decide(nextBound());
  }

  @Benchmark
  public Decision explain() {
    return evaluator.explain(nextBound());
  }

  @Benchmark
  public Decision requestAndDecide() {
    Spec spec = specs[next];
    next = next + 1 == specs.length ? 0 : next + 1;
    return evaluator.decide(spec.bind());
  }

  private BoundRequest nextBound() {
    BoundRequest request = bound[next];
    next = next + 1 == bound.length ? 0 : next + 1;
    return request;
  }

  private static void delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
