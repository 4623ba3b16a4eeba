package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DifferenceTests {

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      arn:aws:s3:::logs                   | arn:aws:s3:::logs                  | same
      arn:aws:s3:::logs                   | arn:aws:s3:::other                 | differs
      arn:aws:iam::123456789012:role/<?>  | arn:aws:iam::123456789012:role/a   | static-unresolved
      arn:aws:iam::123456789012:role/a    | <?>                                | static-knows-unknown
      [arn:aws:iam::aws:policy/A]         | [<?>, arn:aws:iam::aws:policy/A]   | static-knows-unknown
      []                                  | [<?>]                              | static-knows-unknown
      [arn:aws:iam::aws:policy/B]         | [<?>, arn:aws:iam::aws:policy/A]   | differs
      """)
  void kindOfDifference(String ours, String terraform, String kind) {
    List<Difference> differences = Difference.between("u", facts("role r arn", ours), facts("role r arn", terraform), Set.of());
    assertThat(differences).extracting(d -> d.kind().label).containsExactlyElementsOf(kind.equals("same") ? List.of() : List.of(kind));
  }

  @Test
  void aSubjectOnOneSideOnlyIsMissingOrExtra() {
    List<Difference> differences = Difference.between("u", facts("role a arn", "x"), facts("role b arn", "y"), Set.of());
    assertThat(differences).extracting(Difference::subject, d -> d.kind().label)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("role a arn", "extra-in-static"),
            org.assertj.core.groups.Tuple.tuple("role b arn", "missing-in-static"));
  }

  @Test
  void aPolicyThePlanLeftUnknownIsAValueTerraformLeavesUnknown() {
    List<Difference> differences = Difference.between("u", facts("policy aws_sqs_queue_policy.q aws_sqs_queue_policy.q", "Allow"),
        new TreeMap<>(), Set.of("aws_sqs_queue_policy.q"));
    assertThat(differences).extracting(d -> d.kind().label).containsExactly("static-knows-unknown");
  }

  /**
   * The plan load keeps a policy attribute Terraform left unknown as a policy with one unreadable
   * statement; that is still a value Terraform leaves unknown, but only when the plan says so.
   */
  @ParameterizedTest(name = "plan left it unknown: {0} -> {1}")
  @CsvSource({"true, static-knows-unknown", "false, differs"})
  void aPolicyThePlanKeptUnreadableIsAValueTerraformLeavesUnknownOnlyWhenThePlanLeftItUnknown(boolean unknown, String kind) {
    String subject = "policy aws_s3_bucket_policy.b aws_s3_bucket_policy.b";
    List<Difference> differences = Difference.between("u", facts(subject, "Version=2012-10-17\nAllow s3:GetObject"),
        facts(subject, "Version=- unreadable-statements=1"), unknown ? Set.of("aws_s3_bucket_policy.b") : Set.of());
    assertThat(differences).extracting(d -> d.kind().label).containsExactly(kind);
  }

  @Test
  void aPartlyReadablePolicyThePlanLeftUnknownStillDiffers() {
    String subject = "policy aws_s3_bucket_policy.b aws_s3_bucket_policy.b";
    List<Difference> differences = Difference.between("u", facts(subject, "Version=2012-10-17\nAllow s3:GetObject"),
        facts(subject, "Version=2012-10-17 unreadable-statements=1\nAllow s3:PutObject"), Set.of("aws_s3_bucket_policy.b"));
    assertThat(differences).extracting(d -> d.kind().label).containsExactly("differs");
  }

  @Test
  void theFirstDifferentLineShowsBothSides() {
    Difference d = new Difference("u", "s", Difference.Kind.DIFFERS, "Version=1\nAllow a", "Version=1\nAllow b");
    assertThat(d.firstDifferentLine()).isEqualTo("static: Allow a\n    plan:   Allow b");
  }

  private static TreeMap<String, String> facts(String subject, String value) {
    TreeMap<String, String> facts = new TreeMap<>();
    facts.put(subject, value);
    return facts;
  }
}
