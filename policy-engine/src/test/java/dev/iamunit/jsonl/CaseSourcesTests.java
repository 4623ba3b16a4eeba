package dev.iamunit.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.TokenReader;
import dev.iamunit.document.TokenSources;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.fuzzing.JsonMutants;
import dev.iamunit.fuzzing.Mutations;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyInputs;
import dev.iamunit.policy.PolicyKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case line is read by one grammar ({@link CaseReader}, with {@code PolicyParser} for its
 * policies) from either source of tokens: its scanned text, or the tree {@code JsonDocuments}
 * reads of it. Both must make the very same case, policies, request and locations included, or
 * refuse the line with the same message at the same place: checked on iam-simulate's contract
 * cases, the seed policies in every place a case can hold a policy, and many thousand damaged
 * copies of them.
 */
class CaseSourcesTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceLocation LINE = SourceLocation.of("cases.jsonl:7", 1, 1);

  /** What a source made of a line: the case, or the message (with its location) it was refused with. */
  private record Read(EvaluationCase evaluationCase, String error) {}

  private static Path contractCases() {
    return Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance", "iam-simulate", "contract-cases.jsonl");
  }

  /** Every contract case that reads is plain, so that reading a case per decision never builds a tree. */
  @Test
  void readsEveryContractCaseAlikeFromItsTextAndFromItsTree() throws IOException {
    List<String> lines = Files.readAllLines(contractCases());
    int accepted = 0;
    for (String line : lines) {
      boolean plain = sameFromBoth(line);
      if (read(TokenSources.tree(line, LINE)).error() == null) {
        assertThat(plain).as(line).isTrue();
        accepted++;
      }
    }
    assertThat(accepted).isGreaterThan(300);
  }

  @Test
  void readsTheSeedPoliciesInEveryPlaceOfACase() throws IOException {
    List<String> policies = compacted(PolicyInputs.policies());
    assertThat(policies).hasSizeGreaterThanOrEqualTo(4);
    int accepted = 0;
    for (String line : seedLines(policies)) {
      assertThat(sameFromBoth(line)).as(line).isTrue();
      if (read(TokenSources.text(line, LINE)).error() == null) {
        accepted++;
      }
    }
    assertThat(accepted).isPositive();
  }

  @Test
  void readsDamagedCopiesAlikeFromTheirTextAndFromTheirTree() throws IOException {
    List<String> bases = new ArrayList<>();
    List<String> contract = Files.readAllLines(contractCases());
    for (int i = 0; i < contract.size(); i += 9) {
      bases.add(contract.get(i));
    }
    List<String> seeds = seedLines(compacted(PolicyInputs.policies()));
    for (int i = 0; i < seeds.size(); i += 5) {
      bases.add(seeds.get(i));
    }
    int[] mutants = {0, 0};
    for (String base : bases) {
      JsonMutants.of(base, mutant -> {
        mutants[0]++;
        mutants[1] += sameFromBoth(mutant) ? 1 : 0;
      });
      for (byte[] mutant : Mutations.of(base.getBytes(StandardCharsets.UTF_8), 40)) {
        mutants[0]++;
        mutants[1] += sameFromBoth(new String(mutant, StandardCharsets.UTF_8)) ? 1 : 0;
      }
    }
    assertThat(mutants[0]).isGreaterThan(20_000);
    assertThat(mutants[1]).isGreaterThan(mutants[0] / 2);
  }

  /** Pretty-printed lines (not what a case file holds, but what a user may paste) read as the compact ones. */
  @Test
  void readsDocumentsOfMoreThanOneLineAsTheCompactOnes() throws IOException {
    List<String> lines = Files.readAllLines(contractCases());
    for (int i = 0; i < lines.size(); i += 5) {
      String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(lines.get(i)));
      boolean plain = sameFromBoth(pretty);
      Read compact = read(TokenReader.of(lines.get(i), LINE));
      if (compact.error() != null) {
        continue;
      }
      assertThat(plain).as(pretty).isEqualTo(TokenSources.text(lines.get(i), LINE) != null);
      EvaluationCase read = CaseFormat.read(pretty, "cases.jsonl:7");
      assertThat(read.id()).isEqualTo(compact.evaluationCase().id());
      assertThat(read.request()).isEqualTo(compact.evaluationCase().request());
      assertThat(read.policies().policies()).hasSameSizeAs(compact.evaluationCase().policies().policies());
    }
  }

  /**
   * The resource-based policy is read as what the request's action makes it, wherever the request
   * stands in the line: a role's trust policy for sts:AssumeRole, which has no Resource; a
   * resource-based policy otherwise, which must have one.
   */
  @Test
  void readsTheResourcePolicyAsTheKindTheActionMakesIt() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
        + "\"Action\":\"%s\"}]}";
    String request = "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":\"%s\","
        + "\"resource\":\"arn:aws:iam::111122223333:role/r\"}";
    for (String action : List.of("sts:AssumeRole", "s3:GetObject")) {
      String policies = "\"policies\":{\"resource\":" + trust.formatted(action) + "}";
      for (String line : List.of(
          "{\"id\":\"t\"," + policies + "," + request.formatted(action) + "}",
          "{\"id\":\"t\"," + request.formatted(action) + "," + policies + "}")) {
        assertThat(sameFromBoth(line)).isTrue();
        if (action.startsWith("sts:")) {
          assertThat(CaseFormat.read(line, "cases.jsonl:7").policies().policies())
              .singleElement()
              .satisfies(policy -> assertThat(policy.statements().get(0).resource()).isEmpty());
        } else {
          assertThatThrownBy(() -> CaseFormat.read(line, "cases.jsonl:7"))
              .isInstanceOf(IamUnitException.class)
              .hasMessageEndingWith("the statement has neither Resource nor NotResource, which a resource-based policy requires; "
                  + "add \"Resource\": \"*\" or the ARNs it allows");
        }
      }
    }
    assertThat(CaseReader.resourcePolicyKind("STS:AssumeRoleWithSAML")).isEqualTo(PolicyKind.TRUST);
  }

  /**
   * The account's root user in a case line: the principal {@code arn:aws:iam::ACCOUNT:root}, read
   * alike from both sources, decided as AWS decides it ("all requests are implicitly denied with
   * the exception of the AWS account root user, which has full access"; SCPs still bind it), and
   * refused with identity-based policies, which the root user cannot have.
   */
  @Test
  void readsAndDecidesTheAccountsRootUser() {
    String scps = "\"scps\":[[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"cloudtrail:StopLogging\",\"Resource\":\"*\"}]}]]";
    String request = ",\"request\":{\"principal\":\"arn:aws:iam::111122223333:root\",\"action\":\"%s\",\"resource\":\"*\","
        + "\"resourceAccount\":\"111122223333\",\"context\":{\"aws:PrincipalType\":\"Account\"}}}";
    Evaluator evaluator = Evaluator.standard();
    for (String action : List.of("cloudtrail:StopLogging", "cloudtrail:DescribeTrails")) {
      String line = "{\"id\":\"root\",\"policies\":{" + scps + "}" + request.formatted(action);
      assertThat(sameFromBoth(line)).as(line).isTrue();
      EvaluationCase root = CaseFormat.read(line, "cases.jsonl:1");
      assertThat(evaluator.decide(root.request(), root.policies()).outcome())
          .isEqualTo(action.endsWith("StopLogging") ? Outcome.EXPLICIT_DENY : Outcome.ALLOWED);
    }
    String withIdentity = "{\"id\":\"root\",\"policies\":{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}]}" + request.formatted("s3:ListAllMyBuckets");
    assertThat(sameFromBoth(withIdentity)).isTrue();
    EvaluationCase refused = CaseFormat.read(withIdentity, "cases.jsonl:2");
    assertThatThrownBy(() -> evaluator.decide(refused.request(), refused.policies()))
        .isInstanceOf(IamUnitException.class)
        .hasMessageContaining("is the account's root user, which cannot have identity-based policies");
  }

  /**
   * A bug met while reading a line (here planted in its source, at each token in turn) reaches the
   * caller as it is: the reader has no catch that would turn it into a refusal or a second reading.
   */
  @Test
  void letsABugThrough() throws IOException {
    String line = Files.readAllLines(contractCases()).get(0);
    EvaluationCase whole = CaseFormat.read(line, "cases.jsonl:7");
    int tokens = TokenSources.count(TokenSources.text(line, LINE));
    int met = 0;
    for (int position = 0; position < tokens; position++) {
      IllegalStateException bug = new IllegalStateException("planted at token " + position);
      try {
        EvaluationCase read = CaseFormat.read(TokenSources.failingAt(TokenSources.text(line, LINE), position, bug));
        assertThat(read.policies().policies()).isEqualTo(whole.policies().policies());
        assertThat(read.request()).isEqualTo(whole.request());
      } catch (IllegalStateException e) {
        assertThat(e).isSameAs(bug);
        met++;
      }
    }
    assertThat(met).isGreaterThan(tokens / 2);
  }

  @Test
  void namesWhatIsWrongWithALine() {
    String request = "\"request\":{\"principal\":\"p\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}";
    assertThatThrownBy(() -> CaseFormat.read("{\"policies\":{}," + request + "}", "cases.jsonl:3"))
        .hasMessage("cases.jsonl:3:1:1: missing \"id\"");
    assertThatThrownBy(() -> CaseFormat.read("{\"id\":\"a\",\"policies\":{\"scps\":[null]}," + request + "}", "cases.jsonl:3"))
        .hasMessage("cases.jsonl:3:1:31: policies.scps[0] must be an array, not null");
    assertThatThrownBy(() -> CaseFormat.read("{\"id\":\"a\",\"policies\":{},\"request\":{\"principal\":\"p\",\"resource\":\"*\"}}",
        "cases.jsonl:3"))
        .hasMessage("cases.jsonl:3:1:35: missing \"action\"");
    assertThatThrownBy(() -> CaseFormat.read("{\"id\":\"a\",\"expected\":\"DENY\",\"policies\":{}," + request + "}", "cases.jsonl:3"))
        .hasMessage("cases.jsonl:3:1:22: expected must be ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY, not \"DENY\"");
  }

  /**
   * Whether the line was plain, and so read by both sources; fails when the two made different
   * cases or errors of it.
   */
  private static boolean sameFromBoth(String line) {
    TokenReader text = TokenSources.text(line, LINE);
    if (text == null) {
      return false;
    }
    Read fromText = read(text);
    Read fromTree;
    try {
      fromTree = read(TokenSources.tree(line, LINE));
    } catch (IamUnitException e) {
      throw new AssertionError("scanned a line the tree reader rejects (" + e.getMessage() + "): " + line, e);
    }
    assertThat(fromText.error()).as(line).isEqualTo(fromTree.error());
    if (fromText.error() == null) {
      EvaluationCase a = fromText.evaluationCase();
      EvaluationCase b = fromTree.evaluationCase();
      assertThat(a.id()).as(line).isEqualTo(b.id());
      assertThat(a.request()).as(line).isEqualTo(b.request());
      assertThat(a.expected()).as(line).isEqualTo(b.expected());
      // Policy records, with their statements and locations; their names say which place of the set holds them.
      assertThat(a.policies().policies()).as(line).isEqualTo(b.policies().policies());
    }
    return true;
  }

  private static Read read(TokenReader tokens) {
    try {
      return new Read(CaseFormat.read(tokens), null);
    } catch (IamUnitException e) {
      return new Read(null, e.getMessage());
    }
  }

  /** The policies as one line each, as a case file holds them. */
  private static List<String> compacted(List<String> policies) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String policy : policies) {
      lines.add(JSON.readTree(policy).toString());
    }
    return lines;
  }

  /** Each policy in each place of a case, for an action that makes a resource policy a trust policy and one that does not. */
  private static List<String> seedLines(List<String> policies) {
    List<String> lines = new ArrayList<>();
    for (String policy : policies) {
      for (String place : List.of("{\"identity\":[%s]}", "{\"permissionBoundaries\":[%s]}", "{\"scps\":[[%s],[%1$s]]}",
          "{\"rcps\":[[%s]]}", "{\"session\":%s}", "{\"session\":[%s]}", "{\"resource\":%s}")) {
        String held = place.formatted(policy);
        lines.add(line(held, "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"));
        lines.add(line(held, "sts:AssumeRole", "arn:aws:iam::111122223333:role/admin"));
      }
    }
    return lines;
  }

  private static String line(String policies, String action, String resource) {
    return "{\"id\":\"seed\",\"policies\":" + policies + ",\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/MFAUser\","
        + "\"action\":\"" + action + "\",\"resource\":\"" + resource + "\",\"resourceAccount\":\"111122223333\","
        + "\"context\":{\"aws:username\":\"MFAUser\",\"aws:MultiFactorAuthPresent\":\"false\",\"aws:TagKeys\":[\"a\",\"b\"]}},"
        + "\"expected\":\"IMPLICIT_DENY\",\"source\":{\"file\":\"seeds\",\"names\":[{\"a\":1},{\"a\":2}]}}";
  }
}
