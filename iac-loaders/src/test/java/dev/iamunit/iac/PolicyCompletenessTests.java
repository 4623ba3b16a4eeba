package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.IamUnitException;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Issue 20, "Proof": over every source of ../shared/corpus and example-repo, each policy-bearing
 * element of a template is in the account or in the report. The elements are counted without the
 * loaders, from the text: in Terraform, every attribute of a resource block that holds a policy
 * document ({@code policy}, {@code assume_role_policy}, {@code access_policies},
 * {@code aws_organizations_policy.content}) and every {@code inline_policy} block; in a plan, every
 * such attribute a resource's planned values hold; in CloudFormation, every mapping with a
 * {@code Statement} key and every string holding one inside a resource's Properties, every SAM
 * policy template, and every {@code AWS::Lambda::Permission}. An element is accounted for when a
 * report entry (an unresolved value or a problem) lies inside it, or when its resource has as many
 * loaded policies as elements left over. Whatever is neither is a silent drop; those the loaders
 * have today are listed, each with its class, in {@link #KNOWN_DROPS}: the test fails on a new one
 * and on a listed one that no longer happens, so the list shrinks as the classes are fixed.
 */
class PolicyCompletenessTests {

  static final Path SHARED = Path.of(System.getProperty("iamunit.shared", "../../shared")).toAbsolutePath().normalize();
  static final Path CORPUS = SHARED.resolve("corpus");
  static final Path EXAMPLE_REPO = Path.of("../example-repo").toAbsolutePath().normalize();

  /** Why an element is missing without a word, today. */
  enum DropClass {
    /**
     * Issue 20 class 4: a resource type (or a policy attribute of a modelled type, such as
     * {@code aws_s3_bucket.policy} or {@code aws_sqs_queue.policy}) whose schema holds a policy,
     * which the loaders neither model nor report as "not evaluated".
     */
    UNMODELLED_RESOURCE_POLICY,
    /**
     * Not a drop: a resource whose count is zero for the values given (here every variable's
     * default), so Terraform creates nothing; listed because the text alone cannot tell.
     */
    NOT_CREATED
  }

  /**
   * Elements in neither the account nor the report today, as {@code source :: element}, with their
   * class. Delete a line when its class is fixed; the test says which.
   */
  static final Map<String, DropClass> KNOWN_DROPS = known("""
      corpus/cloudformation/aws-cloudformation__cfn-lint__fixtures__good__functions__sub_needed.yaml :: IOTPolicies.PolicyDocument | UNMODELLED_RESOURCE_POLICY
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_dynamodb_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_ec2_mssql_protect_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_ec2_protect_managed_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_iam_permissions_boundary.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_iam_role_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_s3_continuous_backup_event_bridge_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_s3_protect_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_policy.clumio_warm_protect_dynamodb_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role.clumio_ec2_mssql_ssm_instance_role_v2.assume_role_policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role.clumio_s3_continuous_backup_event_bridge_role.assume_role_policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role.clumio_ssm_notification_role.assume_role_policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role_policy.clumio_ec2_mssql_ssm_instance_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role_policy.clumio_rds_protect_policy.policy | NOT_CREATED
      corpus/terraform/clumio-code__terraform-clumio-aws-template :: aws_iam_role_policy.clumio_ssm_notification_policy.policy | NOT_CREATED
      """);

  @Test
  void everyPolicyBearingElementIsInTheAccountOrTheReport() throws IOException {
    Map<String, String> drops = new TreeMap<>();
    int elements = 0;
    for (Path source : terraformSources()) {
      List<Element> found = TerraformText.elements(source);
      elements += found.size();
      drops.putAll(unaccounted(source, found, () -> TerraformLoader.report(source, options(source))));
    }
    for (Path plan : list(CORPUS.resolve("tfplan"), p -> p.toString().endsWith(".json"))) {
      List<Element> found = PlanJson.elements(plan);
      elements += found.size();
      drops.putAll(unaccounted(plan, found, () -> TerraformPlanLoader.report(plan, options(plan))));
    }
    for (Path template : cloudFormationTemplates()) {
      List<Element> found = CloudFormationText.elements(template);
      elements += found.size();
      drops.putAll(unaccounted(template, found, () -> CloudFormationLoader.report(List.of(template), options(template))));
    }
    Map<String, String> expected = new TreeMap<>();
    KNOWN_DROPS.forEach((k, v) -> expected.put(k, v.name()));
    Map<String, String> actual = new TreeMap<>();
    drops.forEach((k, reason) -> actual.put(k, KNOWN_DROPS.containsKey(k) ? KNOWN_DROPS.get(k).name() : "NEW: " + reason));
    writeDrops(elements, drops);
    assertThat(elements).as("policy-bearing elements counted").isGreaterThan(300);
    assertThat(actual)
        .as("silent drops: a NEW one is a loader bug (or a class to list); a listed one missing here is fixed, delete its line")
        .containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void theTextCountsFindTheElementsOfASmallTemplate() throws IOException {
    Path dir = Files.createTempDirectory("completeness");
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_iam_role" "r" {
          name = "r"
          assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { Service = "ec2.amazonaws.com" } }] })
          inline_policy {
            name   = "x"
            policy = <<EOF
        { "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } ] }
        EOF
          }
          # policy = "a comment"
          tags = { policy = "not an attribute of the block" }
        }
        resource "aws_ecr_repository_policy" "p" {
          repository = "app"
          policy     = "{\\"Statement\\": []}"
        }
        """);
    assertThat(TerraformText.elements(dir)).extracting(Element::name).containsExactly(
        "aws_iam_role.r.assume_role_policy", "aws_iam_role.r.inline_policy", "aws_ecr_repository_policy.p.policy");
    Path template = dir.resolve("t.yaml");
    Files.writeString(template, """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
              Policies:
                - !If
                  - Prod
                  - PolicyName: p
                    PolicyDocument: {Statement: [{Effect: Deny, Action: '*', Resource: '*'}]}
                  - !Ref AWS::NoValue
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AmazonS3ReadOnlyAccess
                - SQSPollerPolicy: {QueueName: q}
          Perm:
            Type: AWS::Lambda::Permission
            Properties: {Action: lambda:InvokeFunction, FunctionName: f, Principal: s3.amazonaws.com}
        """);
    assertThat(CloudFormationText.elements(template)).extracting(Element::name).containsExactly(
        "Role.AssumeRolePolicyDocument", "Role.Policies[0][1].PolicyDocument", "Fn.Policies[1]", "Perm");
  }

  /** Every drop of this run with its reason, in the form of {@link #KNOWN_DROPS}, for the reviewer. */
  private static void writeDrops(int elements, Map<String, String> drops) throws IOException {
    StringBuilder text = new StringBuilder("# " + elements + " policy-bearing elements, " + drops.size() + " in neither the account nor the report\n");
    drops.forEach((k, reason) -> text.append(k).append(" | ")
        .append(KNOWN_DROPS.containsKey(k) ? KNOWN_DROPS.get(k).name() : "?").append("   # ").append(reason).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/policy-completeness-drops.txt"), text.toString(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * One policy-bearing element: the resource address or logical id it belongs to, a name, and the
   * lines it spans in its file.
   */
  record Element(String resource, String name, Path file, int headerLine, int firstLine, int lastLine, boolean conditional) {}

  /** A load that fails with file:line is loud about everything in the source: nothing is dropped in silence. */
  private static Map<String, String> unaccounted(Path source, List<Element> elements, Supplier<LoadReport> load) {
    Map<String, String> drops = new LinkedHashMap<>();
    LoadReport report;
    try {
      report = load.get();
    } catch (IamUnitException e) {
      assertThat(e.location()).as("a failed load of " + source + " names where").isPresent();
      return drops;
    }
    List<SourceLocation> reported = new ArrayList<>();
    report.unresolved().forEach(u -> reported.add(u.location()));
    report.problems().forEach(p -> reported.add(p.location()));
    Map<String, List<Element>> leftPerResource = new LinkedHashMap<>();
    for (Element e : elements) {
      // A problem in a data source names the policy it was to become: "policy aws_x.y: ...".
      boolean named = report.problems().stream().anyMatch(p -> p.message().contains("policy " + e.resource() + ":"));
      boolean inside = named
          || reported.stream().anyMatch(at -> e.firstLine() > 0 ? within(at, e) : sameResource(at.address(), e.resource()));
      if (!inside) {
        leftPerResource.computeIfAbsent(e.resource(), k -> new ArrayList<>()).add(e);
      }
    }
    leftPerResource.forEach((resource, left) -> {
      long loaded = report.policies().stream().filter(p -> sameResource(p.address(), resource)).count();
      for (int i = (int) Math.min(loaded, left.size()); i < left.size(); i++) {
        Element e = left.get(i);
        drops.put(name(source) + " :: " + e.name(), (e.conditional() ? "conditional, " : "") + "neither loaded (" + loaded
            + " policies of " + resource + " for " + left.size() + " elements) nor reported at " + e.file().getFileName() + ":"
            + e.firstLine() + "-" + e.lastLine());
      }
    });
    return drops;
  }

  /**
   * A report location inside an element, or on the header of its resource (a duplicate block): same
   * file (as the loader names it), a line in its range.
   */
  private static boolean within(SourceLocation at, Element e) {
    String file = at.file().replaceFirst("#.*", "");
    return e.firstLine() > 0 && (at.line() == e.headerLine() || at.line() >= e.firstLine() && at.line() <= e.lastLine())
        && (file.endsWith(e.file().getFileName().toString()));
  }

  /** {@code module.a.aws_iam_role.x["k"]} belongs to {@code aws_iam_role.x}; a logical id to itself. */
  private static boolean sameResource(String address, String resource) {
    String bare = address.replaceAll("\\[[^\\]]*\\]", "");
    return bare.equals(resource) || bare.endsWith("." + resource);
  }

  private static String name(Path source) {
    Path absolute = source.toAbsolutePath().normalize();
    return absolute.startsWith(SHARED) ? SHARED.relativize(absolute).toString()
        : "example-repo/" + EXAMPLE_REPO.relativize(absolute);
  }

  private static LoadOptions options(Path source) {
    Path root = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
    return LoadOptions.defaults().withProjectRoot(root).withBundledAwsManagedPolicies();
  }

  private static List<Path> terraformSources() throws IOException {
    List<Path> sources = new ArrayList<>(list(CORPUS.resolve("terraform"),
        p -> Files.isDirectory(p) || p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json")));
    sources.add(EXAMPLE_REPO.resolve("terraform"));
    return sources;
  }

  private static List<Path> cloudFormationTemplates() throws IOException {
    List<Path> templates = new ArrayList<>(list(CORPUS.resolve("cloudformation"), CloudFormationText::isTemplate));
    templates.addAll(list(EXAMPLE_REPO.resolve("cloudformation"), CloudFormationText::isTemplate));
    return templates;
  }

  private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(filter).sorted().toList();
    }
  }

  private static Map<String, DropClass> known(String table) {
    Map<String, DropClass> known = new LinkedHashMap<>();
    for (String line : table.strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int bar = line.lastIndexOf('|');
      known.put(line.substring(0, bar).strip(), DropClass.valueOf(line.substring(bar + 1).strip()));
    }
    return known;
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Terraform's text, read without IAMUnit's parser: a scanner that knows comments, strings with
   * interpolations, and heredocs well enough to tell the braces of blocks from those of values.
   */
  static final class TerraformText {

    static final Set<String> POLICY_ATTRIBUTES = Set.of("policy", "assume_role_policy", "access_policies");
    private static final Pattern RESOURCE = Pattern.compile("^\\s*resource\\s+\"?([\\w-]+)\"?\\s+\"?([\\w-]+)\"?\\s*\\{");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*([\\w-]+)\\s*=(?![=>])");
    private static final Pattern INLINE = Pattern.compile("^\\s*(inline_policy\\s*\\{|dynamic\\s+\"inline_policy\"\\s*\\{)");
    private static final Pattern MODULE_SOURCE = Pattern.compile("^\\s*source\\s*=\\s*\"(\\.\\.?/[^\"]*)\"");

    static List<Element> elements(Path source) throws IOException {
      List<Element> elements = new ArrayList<>();
      collect(source, new TreeSet<>(), elements);
      return elements;
    }

    private static void collect(Path source, Set<Path> seen, List<Element> into) throws IOException {
      if (!seen.add(source.toAbsolutePath().normalize())) {
        return;
      }
      List<Path> files = Files.isDirectory(source)
          ? list(source, p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json"))
          : List.of(source);
      for (Path file : files) {
        List<Path> modules = file.toString().endsWith(".json") ? json(file, into) : hcl(file, into);
        for (Path module : modules) {
          if (Files.isDirectory(module)) {
            collect(module, seen, into);
          }
        }
      }
    }

    /** Resource elements of one .tf file; returns the local module folders it calls. */
    private static List<Path> hcl(Path file, List<Element> into) throws IOException {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int[] depth = codeDepths(lines);
      List<Path> modules = new ArrayList<>();
      String resource = null;
      int blockStart = 0;
      boolean conditional = false;
      int firstOfBlock = into.size();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (depth[i] < 0) {
          continue; // inside a string, heredoc or comment
        }
        if (depth[i] == 0) {
          if (resource != null) {
            close(into, firstOfBlock, i, conditional, lines.size());
          }
          resource = null;
          Matcher m = RESOURCE.matcher(line);
          if (m.find()) {
            resource = m.group(1) + "." + m.group(2);
            blockStart = i + 1;
            conditional = false;
            firstOfBlock = into.size();
          }
          continue;
        }
        Matcher source = MODULE_SOURCE.matcher(line);
        if (depth[i] == 1 && source.find()) {
          modules.add(file.getParent().resolve(source.group(1)).normalize());
        }
        if (resource == null || depth[i] != 1) {
          continue;
        }
        Matcher attribute = ATTRIBUTE.matcher(line);
        String type = resource.substring(0, resource.indexOf('.'));
        if (attribute.find()) {
          String name = attribute.group(1);
          if (name.equals("count") || name.equals("for_each")) {
            conditional = true;
          }
          if (POLICY_ATTRIBUTES.contains(name) || (name.equals("content") && type.equals("aws_organizations_policy"))) {
            into.add(new Element(resource, resource + "." + name, file, blockStart, i + 1, 0, false));
          }
        } else if (INLINE.matcher(line).find()) {
          into.add(new Element(resource, resource + ".inline_policy", file, blockStart, i + 1, 0, false));
        }
      }
      if (resource != null) {
        close(into, firstOfBlock, lines.size(), conditional, lines.size());
      }
      return modules;
    }

    /** Each element of a block runs to the line before the next, the last to the block's end. */
    private static void close(List<Element> into, int first, int blockEnd, boolean conditional, int total) {
      for (int k = first; k < into.size(); k++) {
        Element e = into.get(k);
        int end = k + 1 < into.size() ? into.get(k + 1).firstLine() - 1 : blockEnd;
        into.set(k, new Element(e.resource(), e.name(), e.file(), e.headerLine(), e.firstLine(), Math.min(end, total), conditional));
      }
    }

    /**
     * For each line, the depth of block and object braces at its start, or -1 when it starts inside
     * a string, heredoc or block comment.
     */
    static int[] codeDepths(List<String> lines) {
      int[] result = new int[lines.size()];
      int depth = 0;
      // A stack of contexts: 'c' code inside ${...} (depth of its braces kept separately), 's' string.
      List<Character> stack = new ArrayList<>();
      List<Integer> braces = new ArrayList<>();
      String heredoc = null;
      boolean comment = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (heredoc != null) {
          result[i] = -1;
          if (line.strip().equals(heredoc)) {
            heredoc = null;
          }
          continue;
        }
        result[i] = comment || !stack.isEmpty() ? -1 : depth;
        for (int j = 0; j < line.length(); j++) {
          char c = line.charAt(j);
          char next = j + 1 < line.length() ? line.charAt(j + 1) : 0;
          if (comment) {
            if (c == '*' && next == '/') {
              comment = false;
              j++;
            }
            continue;
          }
          boolean inString = !stack.isEmpty() && stack.get(stack.size() - 1) == 's';
          if (inString) {
            if (c == '\\') {
              j++;
            } else if (c == '"') {
              stack.remove(stack.size() - 1);
            } else if ((c == '$' || c == '%') && next == '{') {
              stack.add('c');
              braces.add(0);
              j++;
            }
            continue;
          }
          if (c == '#' || (c == '/' && next == '/')) {
            break;
          }
          if (c == '/' && next == '*') {
            comment = true;
            j++;
          } else if (c == '"') {
            stack.add('s');
          } else if (c == '<' && next == '<' && stack.isEmpty()) {
            Matcher m = Pattern.compile("^<<-?\\s*([A-Za-z_][\\w-]*)\\s*$").matcher(line.substring(j));
            if (m.find()) {
              heredoc = m.group(1);
              break;
            }
          } else if (c == '{') {
            if (stack.isEmpty()) {
              depth++;
            } else {
              braces.set(braces.size() - 1, braces.get(braces.size() - 1) + 1);
            }
          } else if (c == '}') {
            if (stack.isEmpty()) {
              depth = Math.max(0, depth - 1);
            } else if (braces.get(braces.size() - 1) == 0) {
              stack.remove(stack.size() - 1);
              braces.remove(braces.size() - 1);
            } else {
              braces.set(braces.size() - 1, braces.get(braces.size() - 1) - 1);
            }
          }
        }
      }
      return result;
    }

    /** Resource elements of a .tf.json file (no lines: accounted for by address alone). */
    private static List<Path> json(Path file, List<Element> into) throws IOException {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      List<Path> modules = new ArrayList<>();
      for (JsonNode resourceNode : blocks(root.path("resource"))) {
        resourceNode.fields().forEachRemaining(type -> blocks(type.getValue()).forEach(named ->
            named.fields().forEachRemaining(resource -> {
              for (JsonNode body : blocks(resource.getValue())) {
                String address = type.getKey() + "." + resource.getKey();
                boolean conditional = body.has("count") || body.has("for_each");
                body.fieldNames().forEachRemaining(attribute -> {
                  if (POLICY_ATTRIBUTES.contains(attribute) || attribute.equals("inline_policy")
                      || (attribute.equals("content") && type.getKey().equals("aws_organizations_policy"))) {
                    into.add(new Element(address, address + "." + attribute, file, 0, 0, 0, conditional));
                  }
                });
              }
            })));
      }
      for (JsonNode moduleNode : blocks(root.path("module"))) {
        moduleNode.fields().forEachRemaining(m -> blocks(m.getValue()).forEach(body -> {
          String source = body.path("source").asText("");
          if (source.startsWith("./") || source.startsWith("../")) {
            modules.add(file.getParent().resolve(source).normalize());
          }
        }));
      }
      return modules;
    }

    /** JSON syntax allows a block to be an object or an array of objects. */
    private static List<JsonNode> blocks(JsonNode node) {
      List<JsonNode> result = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(result::add);
      } else if (node.isObject()) {
        result.add(node);
      }
      return result;
    }
  }

  /** A plan's resources, read as JSON: every policy attribute the planned values hold. */
  static final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Element> elements(Path plan) throws IOException {
      JsonNode root = MAPPER.readTree(plan.toFile());
      List<Element> into = new ArrayList<>();
      JsonNode changes = root.path("resource_changes");
      if (changes.isArray() && changes.size() > 0) {
        for (JsonNode change : changes) {
          JsonNode after = change.path("change").path("after");
          if ("managed".equals(change.path("mode").asText("managed")) && after.isObject()) {
            add(change.path("type").asText(), change.path("address").asText(), after, change.path("change").path("after_unknown"), plan, into);
          }
        }
      } else {
        module(root.path("planned_values").path("root_module"), plan, into);
      }
      return into;
    }

    private static void module(JsonNode module, Path plan, List<Element> into) {
      for (JsonNode r : module.path("resources")) {
        if ("managed".equals(r.path("mode").asText("managed"))) {
          add(r.path("type").asText(), r.path("address").asText(), r.path("values"), MAPPER.createObjectNode(), plan, into);
        }
      }
      module.path("child_modules").forEach(child -> module(child, plan, into));
    }

    private static void add(String type, String instance, JsonNode values, JsonNode unknown, Path plan, List<Element> into) {
      String address = instance.replaceAll("\\[[^\\]]*\\]", "");
      for (String attribute : List.of("policy", "assume_role_policy", "access_policies", "content")) {
        if (attribute.equals("content") && !type.equals("aws_organizations_policy")) {
          continue;
        }
        JsonNode value = values.path(attribute);
        if (value.isTextual() && value.asText().contains("Statement") || unknown.path(attribute).asBoolean(false)) {
          into.add(new Element(address, instance + "." + attribute, plan, 0, 0, 0, false));
        }
      }
      JsonNode inline = values.path("inline_policy");
      for (int i = 0; i < inline.size(); i++) {
        if (inline.get(i).path("policy").asText("").contains("Statement")) {
          into.add(new Element(address, instance + ".inline_policy[" + i + "]", plan, 0, 0, 0, false));
        }
      }
    }
  }

  /**
   * CloudFormation's text as a YAML node tree (JSON is YAML), without IAMUnit's reader: node
   * positions, no tags resolved.
   */
  static final class CloudFormationText {

    static boolean isTemplate(Path file) {
      String name = file.getFileName().toString();
      return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    static List<Element> elements(Path template) throws IOException {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(1000);
      options.setCodePointLimit(64 * 1024 * 1024);
      String text = Files.readString(template, StandardCharsets.UTF_8).replace("\t", " ");
      Node root = new Yaml(options).compose(new StringReader(text));
      List<Element> into = new ArrayList<>();
      Node resources = member(root, "Resources");
      if (!(resources instanceof MappingNode mapping)) {
        return into;
      }
      for (NodeTuple tuple : mapping.getValue()) {
        String logicalId = scalar(tuple.getKeyNode());
        Node resource = tuple.getValueNode();
        String type = scalar(member(resource, "Type"));
        boolean conditional = member(resource, "Condition") != null;
        int header = tuple.getKeyNode().getStartMark().getLine() + 1;
        if (type.equals("AWS::Lambda::Permission")) {
          into.add(element(logicalId, logicalId, template, header, resource, conditional));
          continue;
        }
        Node properties = member(resource, "Properties");
        if (properties == null) {
          continue;
        }
        boolean sam = type.equals("AWS::Serverless::Function") || type.equals("AWS::Serverless::StateMachine");
        if (properties instanceof MappingNode props) {
          for (NodeTuple property : props.getValue()) {
            String name = scalar(property.getKeyNode());
            if (sam && name.equals("Policies") && property.getValueNode() instanceof SequenceNode items) {
              for (int i = 0; i < items.getValue().size(); i++) {
                Node item = items.getValue().get(i);
                String at = logicalId + ".Policies[" + i + "]";
                if (item instanceof MappingNode && !isPolicyStatement(member(item, "Statement")) && !isIntrinsic(item)) {
                  into.add(element(logicalId, at, template, header, item, conditional)); // a SAM policy template
                } else {
                  walk(item, logicalId, at, template, header, conditional, into);
                }
              }
            } else {
              walk(property.getValueNode(), logicalId, logicalId + "." + name, template, header, conditional, into);
            }
          }
        }
      }
      return into;
    }

    /** Policy documents under a node: mappings with a Statement, strings holding one. */
    private static void walk(Node node, String logicalId, String path, Path file, int header, boolean conditional,
        List<Element> into) {
      if (node instanceof MappingNode mapping) {
        if (isPolicyStatement(member(node, "Statement"))) {
          into.add(element(logicalId, path, file, header, node, conditional));
          return;
        }
        boolean branch = isIf(node);
        for (NodeTuple tuple : mapping.getValue()) {
          walk(tuple.getValueNode(), logicalId, path + "." + scalar(tuple.getKeyNode()), file, header, conditional || branch, into);
        }
      } else if (node instanceof SequenceNode sequence) {
        boolean branch = "!If".equals(node.getTag().getValue());
        for (int i = 0; i < sequence.getValue().size(); i++) {
          walk(sequence.getValue().get(i), logicalId, path + "[" + i + "]", file, header, conditional || branch, into);
        }
      } else if (node instanceof ScalarNode scalar && scalar.getValue().contains("\"Statement\"")) {
        into.add(element(logicalId, path, file, header, node, conditional));
      }
    }

    /**
     * A policy's Statement: a list, one statement (a mapping with Effect), or an intrinsic that
     * makes one; not a WAF rule's Statement, which is a mapping of match statements.
     */
    private static boolean isPolicyStatement(Node statement) {
      return statement instanceof SequenceNode || member(statement, "Effect") != null
          || statement != null && isIntrinsic(statement);
    }

    private static boolean isIf(Node node) {
      return member(node, "Fn::If") != null;
    }

    private static boolean isIntrinsic(Node node) {
      return node instanceof MappingNode m && m.getValue().size() == 1 && scalar(m.getValue().get(0).getKeyNode()).startsWith("Fn::")
          || node.getTag().getValue().startsWith("!");
    }

    private static Element element(String logicalId, String name, Path file, int header, Node node, boolean conditional) {
      return new Element(logicalId, name, file, header, node.getStartMark().getLine() + 1, node.getEndMark().getLine() + 1,
          conditional);
    }

    private static Node member(Node node, String key) {
      if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (key.equals(scalar(tuple.getKeyNode()))) {
            return tuple.getValueNode();
          }
        }
      }
      return null;
    }

    private static String scalar(Node node) {
      return node instanceof ScalarNode s ? s.getValue() : "";
    }
  }
}
