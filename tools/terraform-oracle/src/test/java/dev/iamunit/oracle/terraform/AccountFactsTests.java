package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.model.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountFactsTests {

  /**
   * A role whose name AWS or the provider generates is keyed by its address, whatever name each
   * load gives it (the static load {@code worker-<?>}, the plan {@code <?>}); the name is a fact.
   */
  @Test
  void aPrincipalWithAGeneratedNameIsKeyedByItsAddress(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_iam_role" "prefixed" {
          name_prefix        = "worker-"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        resource "aws_iam_role" "named" {
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        """);
    SortedMap<String, String> facts = staticFacts(dir);

    assertThat(facts).containsEntry("role (aws_iam_role.prefixed) name", "worker-<?>")
        .containsEntry("role (aws_iam_role.prefixed) arn", "arn:aws:iam::123456789012:role/worker-<?>")
        .containsKey("role deployer arn")
        .doesNotContainKey("role deployer name");
    assertThat(facts.keySet()).noneMatch(subject -> subject.startsWith("role worker-"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      group "g" is declared twice: at main.tf:11:1 (aws_iam_group.a) and at main.tf:30:1 (aws_iam_group.b); rename one | group "g" is declared twice: at (aws_iam_group.a) and at (aws_iam_group.b); rename one
      group "g" is declared twice: at oracle.tfplan.json#resource_changes[0].change.after (aws_iam_group.b) and at oracle.tfplan.json#resource_changes[1].change.after (aws_iam_group.a); x | group "g" is declared twice: at (aws_iam_group.b) and at (aws_iam_group.a); x
      local value "x" is declared twice; the first is used                                                               | local value "x" is declared twice; the first is used
      """)
  void aProblemIsComparedWithoutItsLocationsButWithItsAddressesInOrder(String message, String fact) {
    assertThat(AccountFacts.withoutLocations(message)).isEqualTo(fact);
  }

  private static SortedMap<String, String> staticFacts(Path dir) {
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir.toAbsolutePath());
    Account.Builder account = Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
    LoadReport report = TerraformLoader.loadInto(dir, options, account);
    return AccountFacts.of(account.build(), report);
  }
}
