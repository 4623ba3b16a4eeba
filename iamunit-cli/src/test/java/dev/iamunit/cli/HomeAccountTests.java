package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 24: every command that loads sources loads them into one home account by one rule
 * ({@code HomeAccount}): {@code --account} wins; else the account the sources declare (the
 * management account of the organization they declare, or the one account they deploy into);
 * else the default, 123456789012. Each command says which rule applied.
 */
class HomeAccountTests {

  /** An organization whose management account the default provider names, and a role there. */
  private static final String ORGANIZATION = """
      provider "aws" {
        region              = "eu-west-1"
        allowed_account_ids = ["999999999999"]
      }

      resource "aws_organizations_organization" "org" {
        feature_set          = "ALL"
        enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
      }
      """;

  private static final String ROLE = """
      resource "aws_iam_role" "admin" {
        name = "admin"
        assume_role_policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
        })
      }

      resource "aws_iam_role_policy" "admin" {
        role = aws_iam_role.admin.name
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
        })
      }
      """;

  static final String DEFAULT = "home account 123456789012 (the default: the sources declare no account; --account gives another)";

  @TempDir
  Path dir;

  /** Each command that loads sources, run on one source (the role "admin" asks where a principal is needed). */
  enum Command {
    SHOW(source -> List.of("show", source)),
    SHOW_JSON(source -> List.of("show", "--json", source)),
    LINT(source -> List.of("lint", source)),
    EXPLAIN(source -> List.of("explain", "--source", source, "--role", "admin", "--action", "s3:GetObject")),
    DIFF(source -> List.of("diff", "--base", source, "--head", source));

    private final Function<String, List<String>> arguments;

    Command(Function<String, List<String>> arguments) {
      this.arguments = arguments;
    }

    CliRun run(Path source, String... options) {
      List<String> args = new ArrayList<>(arguments.apply(source.toString()));
      args.addAll(1, List.of(options));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
      return run;
    }
  }

  private Path source(String name, String text) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("main.tf"), text);
    return folder;
  }

  @BeforeEach
  void sources() throws IOException {
    source("organization", ORGANIZATION + ROLE);
    source("plain", ROLE);
  }

  /** Without --account, the sources load into the management account of the organization they declare, and say so. */
  @ParameterizedTest
  @EnumSource(Command.class)
  void theDeclaredManagementAccountIsTheHome(Command command) {
    CliRun run = command.run(dir.resolve("organization"));

    assertThat(run.out()).contains("home account 999999999999 (declared: the management account of the organization declared at ")
        .contains("main.tf:6:1 (aws_organizations_organization.org); --account gives another)")
        // Nothing is loaded into the default account any more.
        .doesNotContain("123456789012");
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void aGivenAccountWins(Command command) {
    CliRun run = command.run(dir.resolve("organization"), "--account", "555555555555");

    assertThat(run.out()).contains("home account 555555555555 (given with --account)").doesNotContain("(declared: ");
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void sourcesThatDeclareNoAccountLoadIntoTheDefaultNamedAsSuch(Command command) {
    CliRun run = command.run(dir.resolve("plain"));

    assertThat(run.out()).contains(DEFAULT);
  }

  /** A CDK app whose stacks all deploy into one account (their env) declares that account. */
  @Test
  void theOneAccountACdkAppDeploysIntoIsDeclared() {
    CliRun run = CliRun.of("show", "../iac-loaders/src/test/resources/cdk/orders-app");

    assertThat(run.out()).contains("\nhome account 111111111111 (declared: the one account the sources deploy into; --account gives another)\n");
  }

  @Test
  void showsJsonNamesTheRule() {
    CliRun run = CliRun.of("show", "--json", dir.resolve("organization").toString());

    assertThat(run.out()).containsPattern("\"homeAccount\" : \\{\\s+\"accountId\" : \"999999999999\",\\s+\"rule\" : \"DECLARED\"");
  }

  /** lint loads each source on its own, so each has its home: the summary names the sources of each. */
  @Test
  void lintNamesTheSourcesOfEachHomeWhenTheyDiffer() {
    Path organization = dir.resolve("organization");
    Path plain = dir.resolve("plain");

    CliRun run = CliRun.of("lint", organization.toString(), plain.toString());

    assertThat(run.out()).containsPattern("in 2 files; home account 999999999999 \\(declared: [^\\n]*\\) for "
        + Pattern.quote(organization + "; " + DEFAULT + " for " + plain) + "\n$");
  }
}
