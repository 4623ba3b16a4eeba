package dev.iamunit.diff.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: "Where the product of regions would explode, say which dimension and fall back to the
 * sampled space explicitly (the report states which parts are proved and which sampled); never
 * claim proof silently." An allow list of seven tag keys gives aws:TagKeys 2^8 sets of regions, past
 * the complete space's bound; the base also denies exactly the set {a, b}, which the head drops. The
 * sample (the empty set, each key alone, all together) never asks {a, b}, so the diff finds no change
 * where there is one: each format must say that part was sampled, which key exploded, and that a
 * change may be missed there.
 */
class SampledFallbackReportTests {

  private static final Path PAIR = Path.of("src/test/resources/changes/sampled-tag-keys");
  private static final String WHY = "user tagger ec2:CreateTags: aws:TagKeys is multivalued with 8 regions of values: the empty set, "
      + "each value alone and all together stand for the 2^8 sets";

  private static Account load(String version) {
    Path root = PAIR.resolve(version);
    return SourceFormats.standard().load(List.of(root), LoadOptions.defaults().withProjectRoot(root)).account();
  }

  private static AccessDiff diff() {
    Path base = PAIR.resolve("base");
    Path head = PAIR.resolve("head");
    return AccessDiffer.standard().compare(
        SourceFormats.standard().load(List.of(base), LoadOptions.defaults().withProjectRoot(base)).accounts(),
        SourceFormats.standard().load(List.of(head), LoadOptions.defaults().withProjectRoot(head)).accounts(), "base", "head");
  }

  /** The change the sample misses is real: tagging with exactly a and b is denied in the base, allowed in the head. */
  @Test
  void theHeadAllowsTaggingWithAAndBWhichTheBaseDenies() {
    for (String version : List.of("base", "head")) {
      Caller tagger = Caller.user(load(version), "tagger");
      boolean allowed = Evaluator.standard().decide(tagger.request("ec2:CreateTags", "*", CredentialKind.ACCESS_KEYS,
          AccessDiffer.REQUEST_TIME, Map.of("aws:TagKeys", List.of("a", "b")), Set.of())).isAllowed();
      assertThat(allowed).as(version).isEqualTo(version.equals("head"));
    }
  }

  @Test
  void textMarkdownAndJsonSayThePairWasSampledWhyAndThatAChangeMayBeMissed() throws Exception {
    AccessDiff diff = diff();

    assertThat(diff.space().proof().sampled()).hasSize(1);
    assertThat(diff.rows()).as("the sample misses {a, b}").isEmpty();
    String summary = "No change in who may do what. Proved for 476 principal/action pairs; SAMPLED for 1, where a change may be missed.";
    assertThat(TextReport.render(diff)).contains("\n  Sampled: " + WHY + "\n").contains("\n" + summary + "\n")
        .doesNotContain("Proved over every region");
    assertThat(MarkdownReport.render(diff)).contains("`base` → `head`: " + summary + "\n").contains("\n- Sampled: " + WHY + "\n");
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff));
    assertThat(json.get("requestSpace").get("sampledPairs")).hasSize(1);
    assertThat(json.get("requestSpace").get("sampledPairs").get(0).asText()).isEqualTo(WHY);
  }

  /**
   * A sampled pair with no finding is a warning in SARIF, in the words of the other formats, at the
   * edited statement that compares the key that exploded: code scanning must not show a clean pull
   * request.
   */
  @Test
  void sarifWarnsOfTheSampledPairAtTheStatementThatComparesTheKey() throws Exception {
    JsonNode run = new ObjectMapper().readTree(SarifReport.render(diff())).get("runs").get(0);

    JsonNode result = run.get("results").get(0);
    assertThat(run.get("results")).hasSize(1);
    assertThat(result.get("ruleId").asText()).isEqualTo("iamunit/not-proved");
    assertThat(result.get("level").asText()).isEqualTo("warning");
    assertThat(result.get("message").get("text").asText()).isEqualTo(Summary.notProved(WHY));
    assertThat(result.get("message").get("text").asText()).contains("user tagger", "aws:TagKeys", "may be missed");
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("main.tf");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(22);
    assertThat(run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("iamunit/not-proved");
  }

  /** A gate built on a sample has holes: new-access fails on the sampled pair unless the sample is accepted. */
  @Test
  void theNewAccessGateFailsOnTheSampleUnlessAccepted() {
    AccessDiff diff = diff();

    assertThat(dev.iamunit.diff.Gate.NEW_ACCESS.failures(diff, false)).singleElement().asString()
        .startsWith("could not prove that no access is new: 1 principal/action pair was sampled, not proved (" + WHY + ")");
    assertThat(dev.iamunit.diff.Gate.NEW_ACCESS.fails(diff)).isTrue();
    assertThat(dev.iamunit.diff.Gate.NEW_ACCESS.failures(diff, true)).isEmpty();
    assertThat(dev.iamunit.diff.Gate.ANY_CHANGE.failures(diff, false)).as("no row changed").isEmpty();
  }
}
