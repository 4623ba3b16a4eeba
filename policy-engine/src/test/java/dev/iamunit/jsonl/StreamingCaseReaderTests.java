package dev.iamunit.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.fuzzing.Mutations;
import dev.iamunit.policy.PolicyInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamingCaseReader} against the tree reader it stands in for: on every line it does not
 * decline, it must make the very case {@link CaseFormat#readTree} makes, policies, request and
 * locations included, and it must decline every line the tree reader rejects, so that the error
 * comes from the tree reader. Checked on iam-simulate's contract cases, the seed policies in every
 * place a case can hold a policy, and many thousand damaged copies of them.
 */
class StreamingCaseReaderTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a value of a case is replaced with in the damaged copies: every type, and valid values of the wrong element. */
  private static final List<String> REPLACEMENTS = List.of(
      "null", "1", "true", "\"\"", "\"*\"", "\"x\"", "[]", "{}", "[\"*\",\"*\"]", "[null]", "[[\"*\"]]",
      "\"arn:aws:s3:::bucket/*\"", "\"s3:GetObject\"", "\"sts:AssumeRole\"", "{\"AWS\":\"*\"}",
      "{\"StringEquals\":{\"aws:username\":\"a\"}}", "\"2008-10-17\"", "\"Deny\"", "\"EXPLICIT_DENY\"");

  private static Path contractCases() {
    return Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance", "iam-simulate", "contract-cases.jsonl");
  }

  @Test
  void readsEveryContractCaseAsTheTreeReaderDoes() throws IOException {
    List<String> lines = Files.readAllLines(contractCases());
    int streamed = 0;
    for (String line : lines) {
      if (agrees(line)) {
        streamed++;
      }
    }
    // Every case the tree reader reads is streamed: the fallback is for lines that are wrong.
    int readable = (int) lines.stream().filter(StreamingCaseReaderTests::treeReads).count();
    assertThat(streamed).isEqualTo(readable).isGreaterThan(300);
  }

  @Test
  void readsTheSeedPoliciesInEveryPlaceOfACase() {
    List<String> policies = compacted(PolicyInputs.policies());
    assertThat(policies).hasSizeGreaterThanOrEqualTo(4);
    int streamed = 0;
    for (String line : seedLines(policies)) {
      if (agrees(line)) {
        streamed++;
      } else {
        assertThat(treeReads(line)).as("declined, although the tree reader reads it: %s", line).isFalse();
      }
    }
    assertThat(streamed).isPositive();
  }

  @Test
  void streamsTheForceMfaCaseOfTheBenchmarks() {
    String forceMfa = compacted(PolicyInputs.policies()).stream()
        .filter(p -> p.contains("BlockMostAccessUnlessSignedInWithMFA")).findFirst().orElseThrow();
    String line = line("{\"identity\":[" + forceMfa + "]}", "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*");
    assertThat(StreamingCaseReader.read(line, "cases.jsonl:1")).isNotNull();
    assertThat(agrees(line)).isTrue();
  }

  /**
   * The account's root user in a case line: the principal {@code arn:aws:iam::ACCOUNT:root}, read
   * alike by both readers, decided as AWS decides it ("all requests are implicitly denied with the
   * exception of the AWS account root user, which has full access"; SCPs still bind it), and
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
      assertThat(agrees(line)).as(line).isTrue();
      EvaluationCase root = CaseFormat.read(line, "cases.jsonl:1");
      assertThat(evaluator.decide(root.request(), root.policies()).outcome())
          .isEqualTo(action.endsWith("StopLogging") ? Outcome.EXPLICIT_DENY : Outcome.ALLOWED);
    }
    String withIdentity = "{\"id\":\"root\",\"policies\":{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}]}" + request.formatted("s3:ListAllMyBuckets");
    assertThat(agrees(withIdentity)).isTrue();
    EvaluationCase refused = CaseFormat.read(withIdentity, "cases.jsonl:2");
    assertThatThrownBy(() -> evaluator.decide(refused.request(), refused.policies()))
        .isInstanceOf(IamUnitException.class)
        .hasMessageContaining("is the account's root user, which cannot have identity-based policies");
  }

  @Test
  void readsDamagedCopiesAsTheTreeReaderDoes() throws IOException {
    List<String> bases = new ArrayList<>();
    List<String> contract = Files.readAllLines(contractCases());
    for (int i = 0; i < contract.size(); i += 9) {
      bases.add(contract.get(i));
    }
    List<String> seeds = seedLines(compacted(PolicyInputs.policies()));
    for (int i = 0; i < seeds.size(); i += 5) {
      bases.add(seeds.get(i));
    }
    int[] mutants = {0};
    for (String base : bases) {
      structuralMutants(base, mutant -> {
        mutants[0]++;
        agrees(mutant);
      });
      for (byte[] mutant : Mutations.of(base.getBytes(StandardCharsets.UTF_8), 40)) {
        mutants[0]++;
        agrees(new String(mutant, StandardCharsets.UTF_8));
      }
    }
    assertThat(mutants[0]).isGreaterThan(20_000);
  }

  @Test
  void leavesDocumentsOfMoreThanOneLineToTheTreeReader() throws IOException {
    List<String> lines = Files.readAllLines(contractCases());
    for (int i = 0; i < lines.size(); i += 5) {
      String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(lines.get(i)));
      assertThat(agrees(pretty)).as(pretty).isFalse();
    }
    // The seed policies as AWS's pages print them, most indented over many lines.
    List<String> multiLine = seedLines(PolicyInputs.policies()).stream().filter(line -> line.contains("\n")).toList();
    assertThat(multiLine).isNotEmpty();
    for (String line : multiLine) {
      assertThat(agrees(line)).as(line).isFalse();
    }
  }

  /**
   * Whether the streaming reader read {@code line}; fails when it read it to another case than the
   * tree reader's, or read a line the tree reader rejects.
   */
  private static boolean agrees(String line) {
    EvaluationCase streamed = StreamingCaseReader.read(line, "cases.jsonl:7");
    EvaluationCase tree;
    try {
      tree = CaseFormat.readTree(line, "cases.jsonl:7");
    } catch (IamUnitException e) {
      if (streamed != null) {
        fail("read a line the tree reader rejects (%s): %s", e.getMessage(), line);
      }
      return false;
    }
    if (streamed == null) {
      return false;
    }
    assertThat(streamed.id()).as(line).isEqualTo(tree.id());
    assertThat(streamed.request()).as(line).isEqualTo(tree.request());
    assertThat(streamed.expected()).as(line).isEqualTo(tree.expected());
    // Policy records, with their statements and locations; their names say which place of the set holds them.
    assertThat(streamed.policies().policies()).as(line).isEqualTo(tree.policies().policies());
    return true;
  }

  /** The policies as one line each, as a case file holds them. */
  private static List<String> compacted(List<String> policies) {
    List<String> lines = new ArrayList<>();
    for (String policy : policies) {
      try {
        lines.add(JSON.readTree(policy).toString());
      } catch (IOException e) {
        throw new AssertionError("a seed policy is not JSON: " + policy, e);
      }
    }
    return lines;
  }

  private static boolean treeReads(String line) {
    try {
      CaseFormat.readTree(line, "cases.jsonl:7");
      return true;
    } catch (IamUnitException e) {
      return false;
    }
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

  /**
   * Copies of {@code line} with one member or item changed: removed, written twice, renamed (to
   * lower case, and to its "Not" twin), or its value replaced by each of {@link #REPLACEMENTS}.
   */
  private static void structuralMutants(String line, Consumer<String> mutants) throws IOException {
    JsonNode root = JSON.readTree(line);
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    for (JsonNode container : containers) {
      int size = container.size();
      List<String> keys = new ArrayList<>();
      container.fieldNames().forEachRemaining(keys::add);
      for (int i = 0; i < size; i++) {
        String key = container.isObject() ? keys.get(i) : null;
        List<Change> changes = new ArrayList<>(List.of(Change.REMOVE, Change.DUPLICATE));
        if (key != null) {
          changes.add(Change.renamed(key.toLowerCase(java.util.Locale.ROOT)));
          changes.add(Change.renamed("Not" + key));
        }
        REPLACEMENTS.forEach(value -> changes.add(Change.replaced(value)));
        for (Change change : changes) {
          StringBuilder out = new StringBuilder();
          render(root, container, i, change, out);
          mutants.accept(out.toString());
        }
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.elements().forEachRemaining(child -> collectContainers(child, into));
    }
  }

  /** What happens to one member or item: {@code kind} with a new key or value. */
  private record Change(String kind, String text) {
    static final Change REMOVE = new Change("remove", null);
    static final Change DUPLICATE = new Change("duplicate", null);

    static Change renamed(String key) {
      return new Change("rename", key);
    }

    static Change replaced(String value) {
      return new Change("replace", value);
    }
  }

  /** Writes {@code node} as JSON, with {@code change} made to child {@code index} of {@code target}. */
  private static void render(JsonNode node, JsonNode target, int index, Change change, StringBuilder out) throws IOException {
    if (!node.isContainerNode()) {
      out.append(node);
      return;
    }
    out.append(node.isObject() ? '{' : '[');
    boolean first = true;
    Iterator<Map.Entry<String, JsonNode>> members = node.isObject() ? node.fields() : null;
    for (int i = 0; i < node.size(); i++) {
      String key = members != null ? members.next().getKey() : null;
      JsonNode child = node.get(i) != null ? node.get(i) : node.get(key);
      int copies = 1;
      String value = null;
      if (node == target && i == index) {
        switch (change.kind()) {
          case "remove" -> copies = 0;
          case "duplicate" -> copies = 2;
          case "rename" -> key = change.text();
          default -> value = change.text();
        }
      }
      for (int copy = 0; copy < copies; copy++) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (key != null) {
          out.append(JSON.writeValueAsString(key)).append(':');
        }
        if (value != null) {
          out.append(value);
        } else {
          render(child, target, index, change, out);
        }
      }
    }
    out.append(node.isObject() ? '}' : ']');
  }
}
