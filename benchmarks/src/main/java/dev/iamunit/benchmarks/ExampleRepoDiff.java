package dev.iamunit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Version;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Issue 26's speed targets for the complete request space: example-repo's access diff (its
 * Terraform, {@code iam:ListUsers} dropped from Force_MFA's NotAction, as {@code
 * ExampleRepoDiffTests} does; target under 5 s; {@code example-all} adds its CloudFormation) and the organization's ({@code
 * organization/} as its management account loads it, {@code s3:*} added to RegionLock's
 * NotAction; target under 30 s). Each round loads both versions and compares them in this JVM; the
 * first round is cold. Prints CPU time (this thread's, and the process's with the JIT and GC) and
 * the size of the space. Run from the repository root:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.iamunit.benchmarks.ExampleRepoDiff [example|example-all|organization] [rounds]
 * </pre>
 */
public final class ExampleRepoDiff {

  private ExampleRepoDiff() {}

  /** One diff to time: the folders copied into each version, the edit made to the head, how to load. */
  private record Case(List<String> folders, Edit edit, LoadOptions options) {}

  @FunctionalInterface
  private interface Edit {
    void apply(Path head) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    String which = args.length > 0 ? args[0] : "example";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Case c = switch (which) {
      case "example" -> new Case(List.of("terraform"), ExampleRepoDiff::dropListUsers, LoadOptions.defaults());
      case "example-all" -> new Case(List.of("terraform", "cloudformation"), ExampleRepoDiff::dropListUsers, LoadOptions.defaults());
      case "organization" -> new Case(List.of("organization"), ExampleRepoDiff::spareS3FromRegionLock,
          LoadOptions.defaults().withAccountId("999999999999").withRegion("eu-west-1"));
      default -> throw new IllegalArgumentException("example, example-all or organization, not " + which);
    };
    Path example = Path.of("example-repo");
    if (!Files.isDirectory(example)) {
      throw new IllegalStateException("run from the repository root, where example-repo/ is");
    }
    Path work = Files.createTempDirectory("iamunit-diff-bench-");
    for (String side : List.of("base", "head")) {
      for (String folder : c.folders()) {
        FileTrees.copy(example.resolve(folder), work.resolve(side).resolve(folder));
      }
    }
    c.edit().apply(work.resolve("head"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long processCpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      AccessDiff diff = AccessDiffer.standard().compare(new Version("base", work.resolve("base"), false),
          new Version("head", work.resolve("head"), false), c.folders(), SourceFormats.standard(), c.options());
      double wallS = (System.nanoTime() - wall) / 1e9;
      double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      double processS = (os.getProcessCpuTime() - processCpu) / 1e9;
      System.out.printf(Locale.ROOT, "%s round %d: %.2f s CPU (thread), %.2f s CPU (process), %.2f s wall; %s; %,d pairs proved, %,d sampled;"
              + " %,d rows%n", which, round, cpuS, processS, wallS, diff.space().describe(), diff.space().proof().proved(),
          diff.space().proof().sampled().size(), diff.rows().size());
    }
  }

  /** Drops {@code "iam:ListUsers"} from the NotAction of Force_MFA's BlockMostAccessUnlessSignedInWithMFA. */
  private static void dropListUsers(Path head) throws IOException {
    Path file = head.resolve("terraform/modules/force-mfa-group/main.tf");
    String text = Files.readString(file);
    int block = text.indexOf("\"Sid\": \"BlockMostAccessUnlessSignedInWithMFA\"");
    int at = text.indexOf("\"iam:ListUsers\",\n", block);
    int lineStart = text.lastIndexOf('\n', at) + 1;
    Files.writeString(file, text.substring(0, lineStart) + text.substring(text.indexOf('\n', at) + 1));
  }

  /** Adds {@code s3:*} to the NotAction of the Workloads OU's RegionLock SCP. */
  private static void spareS3FromRegionLock(Path head) throws IOException {
    Path file = head.resolve("organization/main.tf");
    String text = Files.readString(file);
    String from = "\"route53:*\", \"support:*\"]";
    if (!text.contains(from)) {
      throw new IllegalStateException("RegionLock's NotAction changed: update the benchmark's edit");
    }
    Files.writeString(file, text.replace(from, "\"route53:*\", \"support:*\", \"s3:*\"]"));
  }
}
