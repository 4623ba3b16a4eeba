package dev.iamunit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two versions load at once, the base on a thread of its own ({@code BackgroundLoad}): the diff
 * is the one of the two versions loaded one after the other into the head's home account, and a
 * mistake in either version is thrown as loading that version alone throws it, led by the version
 * ({@link VersionLoadException}), the head's first when both have one.
 */
class VersionLoadTests {

  /** An organization whose management account the default provider names: the head's declared home. */
  private static final String ORGANIZATION = """
      provider "aws" {
        allowed_account_ids = ["999999999999"]
      }

      resource "aws_organizations_organization" "org" {
        feature_set          = "ALL"
        enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
      }
      """;

  /** A role that may read an object of the home account's bucket, named by the account it loads into. */
  private static final String ROLE = """
      data "aws_caller_identity" "current" {}

      resource "aws_iam_role" "reader" {
        name = "reader"
        assume_role_policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
        })
      }

      resource "aws_iam_role_policy" "reader" {
        role = aws_iam_role.reader.name
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = "s3:GetObject"
            Resource = "arn:aws:s3:::reports-${data.aws_caller_identity.current.account_id}/*"
          }]
        })
      }
      """;

  private static final String BROKEN = """
      resource "aws_iam_role" "broken" {
        name = "broken"
      """;

  @TempDir
  Path dir;

  private Version version(String name, String text) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.writeString(root.resolve("main.tf"), text);
    return new Version(name, root, false);
  }

  private static AccessDiffer.InHome inHome(Version base, Version head) {
    return AccessDiffer.standard().compareInHome(base, head, List.of(), SourceFormats.standard(), LoadOptions.defaults(), false);
  }

  /** The diff of the two versions loaded one after the other into {@code account}, as the differ loaded them before. */
  private static List<String> loadedOneAfterTheOther(Version base, Version head, String account) {
    LoadOptions options = LoadOptions.defaults().withAccountId(account);
    AccessDiff diff = AccessDiffer.standard().compare(
        SourceFormats.standard().load(List.of(base.root()), options.withProjectRoot(base.root())).accounts(),
        SourceFormats.standard().load(List.of(head.root()), options.withProjectRoot(head.root())).accounts(),
        base.name(), head.name());
    return rows(diff);
  }

  private static List<String> rows(AccessDiff diff) {
    return Changes.rows(diff, Change.values());
  }

  @Test
  void theBaseLoadsIntoTheHomeTheHeadDeclaresThoughTheBaseDeclaresNone() throws IOException {
    Version base = version("base", ROLE);
    Version head = version("head", ORGANIZATION + ROLE);

    AccessDiffer.InHome compared = inHome(base, head);

    assertThat(compared.home().id()).isEqualTo("999999999999");
    assertThat(compared.home().rule()).isEqualTo(HomeAccount.Rule.DECLARED);
    // Loaded into the default account instead, the base's role would read another bucket.
    assertThat(rows(compared.diff()))
        .isEqualTo(loadedOneAfterTheOther(base, head, "999999999999"))
        .isNotEqualTo(loadedOneAfterTheOther(base, head, LoadOptions.defaults().accountId()));
  }

  @Test
  void aMistakeInTheBaseIsThrownAsLoadingTheBaseAloneThrowsIt() throws IOException {
    Version base = version("base", BROKEN);
    Version head = version("head", ROLE);
    Throwable alone = catchThrowable(() -> SourceFormats.standard().load(List.of(base.root()), LoadOptions.defaults().withProjectRoot(base.root())));

    Throwable inHome = catchThrowable(() -> inHome(base, head));
    Throwable compared = catchThrowable(() -> AccessDiffer.standard().compare(base, head, List.of(), SourceFormats.standard()));

    assertThat(alone).isInstanceOf(TemplateException.class).hasMessageStartingWith("main.tf:");
    for (Throwable thrown : List.of(inHome, compared)) {
      assertThat(thrown).isInstanceOf(VersionLoadException.class).hasMessage("in the base (folder base): " + alone.getMessage())
          .hasCauseInstanceOf(TemplateException.class);
      assertThat(((VersionLoadException) thrown).side()).isEqualTo("base");
      assertThat(((VersionLoadException) thrown).location()).isEqualTo(((TemplateException) alone).location()).isPresent();
    }
  }

  /** The same file name in both versions: the message says which version's file holds the mistake. */
  @Test
  void aMistakeInTheHeadNamesTheHead() throws IOException {
    Version base = version("base", ROLE);
    Version head = version("head", BROKEN);
    Throwable alone = catchThrowable(() -> SourceFormats.standard().load(List.of(head.root()), LoadOptions.defaults().withProjectRoot(head.root())));

    Throwable inHome = catchThrowable(() -> inHome(base, head));
    Throwable compared = catchThrowable(() -> AccessDiffer.standard().compare(base, head, List.of(), SourceFormats.standard()));

    for (Throwable thrown : List.of(inHome, compared)) {
      assertThat(thrown).isInstanceOf(VersionLoadException.class).hasMessage("in the head (folder head): " + alone.getMessage());
    }
  }

  @Test
  void aMistakeInBothVersionsIsThrownForTheHead() throws IOException {
    Version base = version("base", BROKEN);
    Version head = version("head", ROLE + "\n\n" + BROKEN);
    Throwable headAlone = catchThrowable(() -> SourceFormats.standard().load(List.of(head.root()), LoadOptions.defaults().withProjectRoot(head.root())));
    Throwable baseAlone = catchThrowable(() -> SourceFormats.standard().load(List.of(base.root()), LoadOptions.defaults().withProjectRoot(base.root())));

    Throwable inHome = catchThrowable(() -> inHome(base, head));
    Throwable compared = catchThrowable(() -> AccessDiffer.standard().compare(base, head, List.of(), SourceFormats.standard()));

    assertThat(headAlone.getMessage()).isNotEqualTo(baseAlone.getMessage());
    for (Throwable thrown : List.of(inHome, compared)) {
      assertThat(thrown).isInstanceOf(VersionLoadException.class).hasMessage("in the head (folder head): " + headAlone.getMessage());
    }
  }
}
