package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamunit.model.Account;
import dev.iamunit.model.ManagedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one loading path: which format reads a path, the report it keeps, how units join, its order. */
class SourceFormatsTests {

  static final Path SOURCES = Path.of("src/test/resources/sources");
  static final Path SHARED = Path.of(System.getProperty("iamunit.shared", "../../shared")).toAbsolutePath().normalize();
  static final Path EXAMPLE_REPO = Path.of("../example-repo").toAbsolutePath().normalize();

  private final SourceFormats formats = SourceFormats.standard();
  private final LoadOptions options = LoadOptions.defaults().withBundledAwsManagedPolicies();

  /** Class 2 of issue 20: the load keeps the loader's problem instead of a silently missing policy. */
  @Test
  void anUnknownSamPolicyTemplateIsAProblemOfTheReportAndTheRestLoads() {
    LoadedSources loaded = formats.load(List.of(SOURCES.resolve("unknown-sam/template.yaml")), options);

    assertThat(loaded.report().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location().fileAndLine()).endsWith("unknown-sam/template.yaml:16");
      assertThat(problem.message()).contains("\"NoSuchSamPolicy\" is not a SAM policy template IAMUnit knows");
    });
    assertThat(loaded.complete()).isFalse();
    assertThat(loaded.account().roles().values()).singleElement().satisfies(role -> assertThat(role.inlinePolicies())
        .flatExtracting(p -> p.statements()).flatExtracting(s -> s.action().values()).contains("s3:GetObject"));
  }

  @Test
  void eachFormatHasTheNameIamTestGivesIt() {
    assertThat(Stream.of("terraform", "terraformPlan", "cloudFormation", "policy").map(formats::named))
        .allSatisfy(format -> assertThat(format).isPresent());
    assertThat(formats.source(SOURCES.resolve("duplicate-user/a")).format().name()).isEqualTo("terraform");
    assertThat(formats.source(SOURCES.resolve("unknown-sam/template.yaml")).format().name()).isEqualTo("cloudFormation");
    assertThat(formats.source(SOURCES.resolve("policies")).format().name()).isEqualTo("policy");
  }

  /** Plain policy files are one more format: identity documents become managed policies, others resource policies. */
  @Test
  void policyFilesLoadAsManagedAndResourcePoliciesAndAnInvalidOneIsAProblem() {
    LoadedSources loaded = formats.load(List.of(SOURCES.resolve("policies")), options);

    assertThat(loaded.account().managedPolicies().values()).extracting(ManagedPolicy::arn, ManagedPolicy::name)
        .containsExactly(tuple("arn:aws:iam::123456789012:policy/read-reports", "read-reports"));
    assertThat(loaded.account().resourcePolicies()).containsOnlyKeys(SOURCES.resolve("policies/reports-bucket.json").toString());
    assertThat(loaded.report().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location()).hasToString(SOURCES.resolve("policies/typo.json") + ":4:41");
      assertThat(problem.message()).startsWith("unknown element \"Actions\" in a statement");
    });
    assertThat(loaded.report().policies()).extracting(LoadReport.LoadedPolicy::address)
        .containsExactly("read-reports", "reports-bucket");
  }

  /** One rule for every merge: a name two units declare is a problem naming both places. */
  @Test
  void aUserTwoSourcesDeclareIsAProblemNamingBothAndTheFirstStays() {
    Path a = SOURCES.resolve("duplicate-user/a");
    Path b = SOURCES.resolve("duplicate-user/b");

    LoadedSources loaded = formats.load(List.of(b, a), options);

    assertThat(loaded.account().users().get("deployer").path()).isEqualTo("/");
    assertThat(loaded.report().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location().file()).endsWith("b/main.tf");
      assertThat(problem.message()).startsWith("user \"deployer\" is declared twice, at ").contains("a/main.tf:1");
    });
  }

  @Test
  void aMissingOrUnknownSourceIsAnErrorNamingIt() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> formats.load(List.of(SOURCES.resolve("nope")), options)))
        .hasMessageContaining("nope").hasMessageContaining("does not exist");
  }

  /**
   * Issue 23 item 5: the account, the report and every problem message are the same whatever
   * order the sources are given in, so a decision, a report or a file cannot change between runs.
   */
  @Test
  void theLoadDoesNotDependOnTheOrderOfTheSources() throws IOException {
    List<Path> sources = new ArrayList<>(List.of(
        EXAMPLE_REPO.resolve("terraform"),
        EXAMPLE_REPO.resolve("cloudformation/credentials.yaml"),
        SOURCES.resolve("unknown-sam/template.yaml"),
        SOURCES.resolve("duplicate-user/a"),
        SOURCES.resolve("duplicate-user/b"),
        SOURCES.resolve("policies")));
    try (Stream<Path> corpus = Files.list(SHARED.resolve("corpus/cloudformation"))) {
      corpus.filter(p -> p.toString().endsWith(".yaml")).sorted().limit(6).forEach(sources::add);
    }
    String expected = describe(formats.load(sources, options));

    Random random = new Random(20);
    for (int round = 0; round < 8; round++) {
      List<Path> shuffled = new ArrayList<>(sources);
      Collections.shuffle(shuffled, random);
      assertThat(describe(formats.load(shuffled, options))).as("load of %s", shuffled).isEqualTo(expected);
    }
  }

  /** Everything a load gives, in its iteration order, each placeholder as the same token. */
  static String describe(LoadedSources loaded) {
    Account account = loaded.account();
    String text = String.join("\n",
        account.users().toString(), account.groups().toString(), account.roles().toString(),
        account.managedPolicies().toString(), account.resourcePolicies().toString(),
        account.organization().toString(), account.unresolved().toString(), loaded.report().toString());
    return text.replaceAll("\uE000\\d+\uE001", "<?>");
  }
}
