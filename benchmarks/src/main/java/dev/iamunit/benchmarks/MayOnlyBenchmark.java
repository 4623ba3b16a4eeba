package dev.iamunit.benchmarks;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.space.AllowedRequests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Issue 26's target for {@code mayOnly}: the search of the whole catalog for one principal under
 * 1 s. Seed 003's MFAUser (Force_MFA and AmazonEC2FullAccess) as {@code @WithoutMFA} asks it
 * (console without MFA and access keys, the MFA set-up actions excepted), and signed in with MFA
 * (where EC2 and the services AmazonEC2FullAccess names are allowed: many findings). Each search
 * starts from the policies, as one assertion does; the first round is the cold one. Prints the
 * wall clock, the searching thread's CPU time and the whole process's (the search computes regions
 * on the common pool's threads too). Run it in a fresh JVM: {@code java -cp benchmarks/target/benchmarks.jar dev.iamunit.benchmarks.MayOnlyBenchmark [rounds]}.
 */
public final class MayOnlyBenchmark {

  private static final List<String> SET_UP_MFA = List.of(
      "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListVirtualMFADevices",
      "iam:ListMFADevices", "iam:ListAccountAliases", "iam:ListUsers", "iam:ListSSHPublicKeys", "iam:ListAccessKeys",
      "iam:GetAccountSummary", "sts:GetCallerIdentity", "sts:GetSessionToken");

  private MayOnlyBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ForceMfaScenario scenario = new ForceMfaScenario();
    AllowedRequests search = AllowedRequests.of(AwsData.bundled(), Evaluator.standard());
    System.out.printf("catalog: %d actions (iam-data %s)%n", AwsData.bundled().expandActionPattern("*").size(),
        AwsData.bundled().versions().iamData());
    measure("without MFA (console without MFA, access keys), MFA set-up excepted", rounds, () -> search.search(scenario.caller(),
        List.of(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS), ForceMfaScenario.NOW, Map.of(), false,
        AllowedRequests.matching(SET_UP_MFA).negate()));
    measure("with MFA (console with MFA), nothing excepted", rounds, () -> search.search(scenario.caller(),
        List.of(CredentialKind.CONSOLE_WITH_MFA), ForceMfaScenario.NOW, Map.of(), false, a -> true));
  }

  private static void measure(String what, int rounds, java.util.function.Supplier<AllowedRequests.Result> run) {
    List<Long> millis = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Long> processCpu = new ArrayList<>();
    // The thread's CPU time beside the wall clock: on cores other builds share, it is what an idle
    // machine would take of the searching thread. The search computes regions on the common pool's
    // threads too, so the whole process's CPU time (JIT compiler and GC threads included) is what
    // the search costs in all: no cost hides on another thread.
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    AllowedRequests.Result result = null;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long processStart = os.getProcessCpuTime();
      result = run.get();
      millis.add((System.nanoTime() - start) / 1_000_000);
      cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
      processCpu.add((os.getProcessCpuTime() - processStart) / 1_000_000);
    }
    System.out.printf("%s: %d actions, %d requests decided, %d allowed, proved: %s%n", what, result.actions(), result.requests(),
        result.allowed().size(), result.proved() ? "yes" : "no, sampled: " + result.sampled());
    System.out.printf("  wall clock: first (cold) %s (target < 1000 ms)%n", summary(millis));
    System.out.printf("  CPU time of the searching thread: first %s%n", summary(cpu));
    System.out.printf("  CPU time of the process (every thread): first %s%n", summary(processCpu));
  }

  /** {@code 812 ms, median 95 ms, min 70 ms, rounds [...]}: the first round, then the others' spread. */
  private static String summary(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format("%d ms, median %d ms, min %d ms, rounds %s", millis.get(0), sorted.get(sorted.size() / 2), sorted.get(0), millis);
  }
}
