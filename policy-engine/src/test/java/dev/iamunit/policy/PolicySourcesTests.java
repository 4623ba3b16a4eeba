package dev.iamunit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.TokenReader;
import dev.iamunit.document.TokenSources;
import dev.iamunit.fuzzing.JsonMutants;
import dev.iamunit.fuzzing.Mutations;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One grammar, two sources: {@link PolicyParser} reads a document's text scanned into tokens and
 * the same document's tree replayed as tokens, and must make the same policy of both, locations
 * included, or refuse both with the same message at the same place. Checked for every kind of
 * policy on the seed policies (AWS's documentation pages), on the documents of PolicyParserTests,
 * and on their copies with each member removed, repeated, renamed or its value replaced, and with
 * their bytes damaged.
 */
class PolicySourcesTests {

  private static final SourceLocation FILE = SourceLocation.of("p.json", 1, 1);
  /** Where a policy written inside a template starts: a heredoc's first line. */
  private static final SourceLocation HEREDOC = SourceLocation.of("main.tf", 12, 17);

  /** What a source made of a document: the policy, or the message (with its location) it was refused with. */
  private record Outcome(Policy policy, String error) {}

  /** The documents of PolicyParserTests: each rule's mistakes and a policy of every element. */
  private static final List<String> PARSER_TEST_DOCUMENTS = List.of(
      "{\"Version\":\"2012-10-17\",\"Statment\":[]}",
      "{\"version\":\"2012-10-17\",\"Statement\":[]}",
      "{\"Version\":\"2012-10-18\",\"Statement\":[]}",
      "{\"Version\":\"2012-10-17\"}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
      "{\"Statement\":\"x\"}",
      "[]",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
          + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\" s3:PutObject\"],\"Resource\":\"*\"}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3\",\"Resource\":\"s3:::bucket\",\"Foo\":1}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"NotResource\":[\"arn:aws:iam::*:user/${aws:username}\"],"
          + "\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"],\"Service\":\"ec2.amazonaws.com\"},"
          + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"a\",\"b\"],\"s3:delimiter\":\"/\"},\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[]},"
          + "\"NumericLessThan\":{\"s3:max-keys\":10},\"Bool\":{\"aws:SecureTransport\":false}}}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"NotPrincipal\":\"*\","
          + "\"Condition\":{\"BoolIfExist\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{}}}]}");

  @Test
  void readsEveryDocumentAlikeFromItsTextAndFromItsTree() throws IOException {
    List<String> documents = new ArrayList<>(PARSER_TEST_DOCUMENTS);
    documents.addAll(PolicyInputs.policies());
    int plain = 0;
    int refused = 0;
    for (String document : documents) {
      for (SourceLocation origin : List.of(FILE, HEREDOC)) {
        if (sameFromBoth(document, origin)) {
          plain++;
        }
      }
      refused += refusedByAnyKind(document);
    }
    // Every document here is plain JSON, so every one went through both sources.
    assertThat(plain).isEqualTo(2 * documents.size());
    assertThat(refused).isGreaterThanOrEqualTo(PARSER_TEST_DOCUMENTS.size());
  }

  @Test
  void readsDamagedCopiesAlikeFromTheirTextAndFromTheirTree() throws IOException {
    List<String> bases = new ArrayList<>(PARSER_TEST_DOCUMENTS);
    List<String> seeds = PolicyInputs.policies();
    for (int i = 0; i < seeds.size(); i += 3) {
      bases.add(seeds.get(i));
    }
    int[] compared = {0, 0};
    for (String base : bases) {
      JsonMutants.of(base, mutant -> {
        compared[1]++;
        if (sameFromBoth(mutant, FILE)) {
          compared[0]++;
        }
      });
      for (byte[] mutant : Mutations.of(base.getBytes(StandardCharsets.UTF_8), 30)) {
        compared[1]++;
        if (sameFromBoth(new String(mutant, StandardCharsets.UTF_8), FILE)) {
          compared[0]++;
        }
      }
    }
    assertThat(compared[1]).isGreaterThan(5_000);
    // The duplicates and the damaged bytes that break the JSON are read by the tree alone.
    assertThat(compared[0]).isGreaterThan(compared[1] / 2);
  }

  /** A bug met while reading (here planted in the source) reaches the caller as it is: nothing turns it into a refusal. */
  @Test
  void letsABugThrough() {
    String document = PARSER_TEST_DOCUMENTS.get(10);
    int tokens = TokenSources.count(TokenSources.text(document, FILE));
    int met = 0;
    for (int position = 0; position < tokens; position++) {
      IllegalStateException bug = new IllegalStateException("planted at token " + position);
      TokenReader failing = TokenSources.failingAt(TokenSources.text(document, FILE), position, bug);
      failing.next();
      try {
        assertThat(PolicyParser.parse(failing, PolicyKind.RESOURCE, "p")).isEqualTo(parse(document, PolicyKind.RESOURCE));
      } catch (IllegalStateException e) {
        assertThat(e).isSameAs(bug);
        met++;
      }
    }
    assertThat(met).isGreaterThan(tokens / 2);
    assertThatThrownBy(() -> PolicyParser.parse(document, "p.json", PolicyKind.IDENTITY, "p"))
        .isInstanceOf(InvalidPolicyException.class);
  }

  private static Policy parse(String document, PolicyKind kind) {
    TokenReader tokens = TokenSources.text(document, FILE);
    tokens.next();
    return PolicyParser.parse(tokens, kind, "p");
  }

  /**
   * Whether the text of {@code document} was plain, and so read by both sources; fails when the
   * two made different policies or errors of it, as any kind of policy.
   */
  private static boolean sameFromBoth(String document, SourceLocation origin) {
    TokenReader probe = TokenSources.text(document, origin);
    if (probe == null) {
      return false;
    }
    for (PolicyKind kind : PolicyKind.values()) {
      Outcome text = outcome(TokenSources.text(document, origin), kind);
      Outcome tree;
      try {
        tree = outcome(TokenSources.tree(document, origin), kind);
      } catch (IamUnitException e) {
        throw new AssertionError("scanned text the tree reader rejects (" + e.getMessage() + "): " + document, e);
      }
      assertThat(text).as("%s as %s", document, kind).isEqualTo(tree);
    }
    return true;
  }

  private static int refusedByAnyKind(String document) {
    int refused = 0;
    for (PolicyKind kind : PolicyKind.values()) {
      if (outcome(TokenSources.text(document, FILE), kind).error() != null) {
        refused++;
      }
    }
    return refused > 0 ? 1 : 0;
  }

  private static Outcome outcome(TokenReader tokens, PolicyKind kind) {
    tokens.next();
    try {
      return new Outcome(PolicyParser.parse(tokens, kind, "p"), null);
    } catch (InvalidPolicyException e) {
      return new Outcome(null, e.getMessage());
    }
  }
}
