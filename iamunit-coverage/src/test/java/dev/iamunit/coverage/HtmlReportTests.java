package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {

  private static final Path REPORT = Path.of("target/iamunit-html");
  /** A JUnit unique id, as the extension records it: long, and without a space to break at. */
  private static final String LONG_TEST_ID = "[engine:junit-jupiter]/[class:com.example.policies.ForceMfaTests]/"
      + "[nested-class:WhenSignedInWithoutMfa]/[test-template:everyEc2ActionIsDeniedInEveryRegion(java.lang.String)]/"
      + "[test-template-invocation:#17]";

  @Test
  void indexAndTemplatePageShowTheNumbersInHeadlessChromium(@TempDir Path profile) throws Exception {
    Chromium.assumeInstalled();
    CoverageRecorder recorder = Fixture.recordedRun();
    recorder.record(Fixture.policySet(), Fixture.evaluate(Fixture.policySet(), "ec2:DescribeInstances", false), LONG_TEST_ID);
    Path index = CoverageReport.of(CoverageAnalysis.of(recorder.snapshot())).withSourceRoots(List.of(Fixture.SOURCE_ROOT))
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
    assertThat(source.indexOf("id=\"source\"")).as("the source comes first, as in JaCoCo's source view")
        .isPositive().isLessThan(source.indexOf("id=\"statements\""));
    assertThat(lineTitle(source, 10)).as("the Deny's tooltip: tests that decided it and the condition's outcomes")
        .contains("Deny DenyRunWithoutMfa: COVERED")
        .contains("BoolIfExists aws:MultiFactorAuthPresent &quot;false&quot;: true 1x, false 1x")
        .contains("Ec2Tests.runWithoutMfaIsDenied (decided it)");
    assertThat(row(source, "statements", "DenyRunWithoutMfa"))
        .contains("BoolIfExists aws:MultiFactorAuthPresent \"false\": 1 / 1")
        .contains("<summary>2 tests, 1 decisive</summary>")
        .contains("<li>Ec2Tests.runWithoutMfaIsDenied (decisive)</li>")
        .contains("<li>Ec2Tests.runWithMfaIsAllowed</li>");

    Matcher widths = Pattern.compile("data-scroll-width=\"(\\d+)\" data-client-width=\"(\\d+)\"")
        .matcher(Chromium.dumpDom(measuring(page), profile, 1280));
    assertThat(widths.find()).as("the measuring script ran").isTrue();
    assertThat(Integer.parseInt(widths.group(1))).as("no horizontal overflow at 1280 px")
        .isLessThanOrEqualTo(Integer.parseInt(widths.group(2)));

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
    Matcher rows = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(dom.substring(table));
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

  /**
   * A copy of {@code page} in a report folder of its own (with the stylesheet) with a script that writes the
   * document's scroll and client widths into the DOM: the report itself has no script.
   */
  private static Path measuring(Path page) throws Exception {
    Path measured = Path.of("target/iamunit-html-measured");
    Files.createDirectories(measured.resolve("templates"));
    Files.copy(REPORT.resolve("report.css"), measured.resolve("report.css"), StandardCopyOption.REPLACE_EXISTING);
    Path copy = measured.resolve("templates").resolve(page.getFileName());
    Files.writeString(copy, Files.readString(page).replace("</body>", "<script>var e=document.documentElement;"
        + "document.body.setAttribute('data-scroll-width',e.scrollWidth);"
        + "document.body.setAttribute('data-client-width',e.clientWidth);</script></body>"));
    return copy;
  }

  private static String lineTitle(String dom, int line) {
    Matcher m = Pattern.compile("<span class=\"[^\"]*\" title=\"([^\"]*)\" id=\"L" + line + "\"").matcher(dom);
    assertThat(m.find()).as("title of line " + line).isTrue();
    return m.group(1);
  }

  private static String lineClass(String dom, int line) {
    Matcher m = Pattern.compile("<span class=\"([^\"]*)\"[^>]*id=\"L" + line + "\"").matcher(dom);
    assertThat(m.find()).as("line " + line).isTrue();
    return m.group(1);
  }
}
