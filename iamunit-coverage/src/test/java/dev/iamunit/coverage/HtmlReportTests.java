package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {

  private static final Path REPORT = Path.of("target/iamunit-html");

  @Test
  void indexAndTemplatePageShowTheNumbersInHeadlessChromium(@TempDir Path profile) throws Exception {
    Chromium.assumeInstalled();
    Path index = CoverageReport.of(Fixture.analysis()).withSourceRoots(List.of(Fixture.SOURCE_ROOT))
        .withTitle("Fixture coverage").writeHtml(REPORT);

    String dom = Chromium.dumpDom(index, profile);
    assertThat(dom).contains("<h1>Fixture coverage</h1>");
    String templateRow = row(dom, "templates", "policies/ec2.json");
    assertThat(cells(templateRow)).containsExactly("policies/ec2.json", "1 of 3", "66%", "2 / 3", "1 / 2", "1 / 1", "1 / 1", "0");
    assertThat(cells(row(dom, "policies", "Ec2Access"))).containsExactly("Ec2Access", "1 of 3", "66%", "2 / 3", "1 / 2",
        "1 / 1", "1 / 1", "0");

    Path page = Files.list(REPORT.resolve("templates")).filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
    String source = Chromium.dumpDom(page, profile);
    assertThat(lineClass(source, 4)).isEqualTo("line fc");
    assertThat(lineClass(source, 3)).as("before the first statement").isEqualTo("line");
    assertThat(lineClass(source, 18)).as("the Deny spans lines 10 to 18").isEqualTo("line fc");
    assertThat(lineClass(source, 19)).isEqualTo("line nc");
    assertThat(lineClass(source, 23)).isEqualTo("line nc");
    assertThat(lineClass(source, 24)).as("after the last statement").isEqualTo("line");
    assertThat(row(source, "statements", "DenyRunWithoutMfa"))
        .contains("BoolIfExists aws:MultiFactorAuthPresent \"false\": 1 / 1")
        .contains("<li>Ec2Tests.runWithoutMfaIsDenied (decisive)</li>")
        .contains("<li>Ec2Tests.runWithMfaIsAllowed</li>");

    Path png = Path.of("target/iamunit-report.png");
    Files.deleteIfExists(png);
    Chromium.screenshot(page, png, profile);
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    Chromium.screenshot(index, Path.of("target/iamunit-report-index.png"), profile);
  }

  @Test
  void pagesFetchNothingFromTheNetwork() throws Exception {
    Path index = CoverageReport.of(Fixture.analysis()).withSourceRoots(List.of(Fixture.SOURCE_ROOT)).writeHtml(REPORT);
    try (var pages = Files.walk(index.getParent())) {
      for (Path page : pages.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(page)).doesNotContain("http://", "https://", "<script");
      }
    }
  }

  @Test
  void aTemplateWhoseSourceIsNotFoundStillListsItsStatements(@TempDir Path dir) throws Exception {
    CoverageReport.of(Fixture.analysis()).withSourceRoots(List.of(dir)).writeHtml(dir.resolve("html"));
    Path page = Files.list(dir.resolve("html/templates")).findFirst().orElseThrow();
    assertThat(Files.readString(page)).contains("Source file not found under").contains("DenyRunWithoutMfa");
  }

  private static String row(String dom, String tableId, String name) {
    int table = dom.indexOf("id=\"" + tableId + "\"");
    assertThat(table).as("table " + tableId).isPositive();
    Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(dom.substring(table));
    while (rows.find()) {
      if (rows.group(1).contains(">" + name + "<")) {
        return rows.group(1);
      }
    }
    throw new AssertionError("no row " + name + " in table " + tableId);
  }

  private static List<String> cells(String row) {
    return Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row).results()
        .map(m -> m.group(1).replaceAll("<[^>]+>", "").strip()).toList();
  }

  private static String lineClass(String dom, int line) {
    Matcher m = Pattern.compile("<span class=\"([^\"]*)\"[^>]*id=\"L" + line + "\"").matcher(dom);
    assertThat(m.find()).as("line " + line).isTrue();
    return m.group(1);
  }
}
