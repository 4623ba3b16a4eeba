package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.report.JsonReport;
import dev.iamunit.diff.report.MarkdownReport;
import dev.iamunit.diff.report.SarifReport;
import dev.iamunit.diff.report.TextReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A class of actions whose members act on ARNs of several formats ({@code iam:Get*}: roles, users,
 * groups, policies, instance profiles, ...; Service Authorization Reference, "Actions, resources,
 * and condition keys for AWS Identity and Access Management", Resource types column). A region of
 * resources may hold ARNs of several of those formats, which every policy answers alike; AWS sends
 * each member only with ARNs of its own formats ("Resource types ... the resource types that you
 * can specify in the Resource element", same page), so a change found on the region's
 * representative is named for every member, each on a request AWS sends for it, and every report
 * counts every action a cause stands for.
 */
class OtherFormatsTests {

  private static final AwsData AWS = AwsData.bundled();

  private static AccessDiff diff(String base, String head) {
    return AccessDiffer.standard().compare(Accounts.withUsers(base, "alice"), Accounts.withUsers(head, "alice"), "base", "head");
  }

  /** Every action {@code rows} name: each row's action and the actions alike. */
  private static Set<String> named(List<DiffRow> rows) {
    Set<String> named = new TreeSet<>();
    rows.forEach(row -> named.addAll(row.actions()));
    return named;
  }

  @Test
  void everyActionOfAClassMixingFormatsIsNamedWhenAllOfThemChange() throws Exception {
    AccessDiff diff = diff(
        "{\"Effect\": \"Allow\", \"Action\": \"iam:ListRoles\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Action\": [\"iam:ListRoles\", \"iam:Get*\"], \"Resource\": \"*\"}");
    Set<String> changed = new TreeSet<>(AWS.expandActionPattern("iam:Get*"));

    assertThat(changed).contains("iam:GetGroup", "iam:GetInstanceProfile", "iam:GetPolicy", "iam:GetRole", "iam:GetUser");
    assertThat(named(diff.rows())).isEqualTo(changed);
    assertEveryReportNamesAndCounts(diff, changed);
  }

  /**
   * Allowed on roles before, on every resource after: the change is found on the regions of every
   * other format of the class (groups, users, policies, ...), never on a role.
   */
  @Test
  void aChangeOffTheFirstFormatNamesEveryActionOfTheFormatsItReaches() throws Exception {
    AccessDiff diff = diff(
        "{\"Effect\": \"Allow\", \"Action\": \"iam:Get*\", \"Resource\": \"arn:*:iam::*:role/*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"iam:Get*\", \"Resource\": \"*\"}");
    // Newly allowed: each action sent with * or with an ARN of a format other than a role's.
    Set<String> changed = new TreeSet<>();
    for (String action : AWS.expandActionPattern("iam:Get*")) {
      ActionInfo info = AWS.action(action).orElseThrow();
      if (sentWithStar(info) || info.resourceTypes().stream().flatMap(t -> t.arnPatterns().stream()).anyMatch(f -> !f.contains(":role/"))) {
        changed.add(action);
      }
    }

    assertThat(changed).contains("iam:GetGroup", "iam:GetPolicy", "iam:GetUser").doesNotContain("iam:GetRole", "iam:GetRolePolicy");
    assertThat(diff.rows()).allSatisfy(row -> assertThat(row.change()).isEqualTo(Change.NEWLY_ALLOWED));
    assertThat(named(diff.rows())).isEqualTo(changed);
    assertEveryReportNamesAndCounts(diff, changed);
  }

  /**
   * Each format names every changed action: the JSON's changes and the text's listing of every
   * request; every row's resource is one AWS sends with each action it names; and each cause's
   * count of actions, in JSON, text, Markdown and SARIF, is the number of distinct actions its
   * requests name.
   */
  private static void assertEveryReportNamesAndCounts(AccessDiff diff, Set<String> changed) throws Exception {
    assertThat(diff.rows()).allSatisfy(row -> assertThat(row.actions())
        .as("%s on %s", row.actions(), row.resource())
        .allSatisfy(action -> assertThat(sentWith(AWS.action(action).orElseThrow(), row.resource())).isTrue()));

    JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff));
    Map<Integer, Set<String>> byCause = new TreeMap<>();
    for (JsonNode change : json.get("changes")) {
      Set<String> actions = byCause.computeIfAbsent(change.get("cause").asInt(), i -> new TreeSet<>());
      actions.add(change.get("action").asText());
      change.get("alike").forEach(a -> actions.add(a.asText()));
    }
    Set<String> inJson = new TreeSet<>();
    byCause.values().forEach(inJson::addAll);
    assertThat(inJson).isEqualTo(changed);

    String every = TextReport.render(diff, true);
    assertThat(changed).allSatisfy(action -> assertThat(every).containsPattern(Pattern.quote(action) + "(\n|,)"));

    String text = TextReport.render(diff);
    String markdown = MarkdownReport.render(diff);
    String sarif = SarifReport.render(diff);
    List<Cause> causes = diff.causes();
    for (int i = 0; i < causes.size(); i++) {
      int actions = byCause.get(i).size();
      assertThat(json.get("causes").get(i).get("actions").asInt()).isEqualTo(actions);
      assertThat(causes.get(i).actions()).hasSize(actions);
      String extent = causes.get(i).extent();
      assertThat(extent).contains(actions == 1 ? byCause.get(i).iterator().next() : actions + " actions of iam");
      assertThat(text).contains(extent);
      assertThat(markdown).contains(extent);
      assertThat(sarif).contains(extent);
    }
  }

  private static boolean sentWithStar(ActionInfo info) {
    return info.resourceTypes().stream().noneMatch(ResourceType::required);
  }

  /**
   * Whether the catalog documents the action with {@code resource}: {@code *} for an action without
   * a required resource type, else an ARN of one of its formats, each {@code ${...}} any text (the
   * documented format as a regular expression, apart from the space's own tests).
   */
  private static boolean sentWith(ActionInfo info, String resource) {
    if (resource.equals("*")) {
      return sentWithStar(info);
    }
    return info.resourceTypes().stream().flatMap(t -> t.arnPatterns().stream()).anyMatch(format -> resource.matches(
        String.join(".*", java.util.Arrays.stream(format.split("\\$\\{[^}]*}", -1)).map(Pattern::quote).toList())));
  }
}
