package dev.iamunit.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One of surefire's XML reports ({@code TEST-*.xml}): the totals of its {@code <testsuite>}, which CI
 * test dashboards (GitHub's, GitLab's, Jenkins') show, and its {@code <testcase>} elements.
 */
record SurefireReport(Path file, int tests, int failures, int errors, int skipped, List<TestCase> cases) {

  /** Every report in {@code folder}, by file name. */
  static List<SurefireReport> readAll(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().map(SurefireReport::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list surefire's reports in " + folder, e);
    }
  }

  /** The test cases of every report in {@code folder}, sorted. */
  static List<TestCase> casesIn(Path folder) {
    return readAll(folder).stream().flatMap(report -> report.cases().stream()).sorted().toList();
  }

  static SurefireReport read(Path file) {
    Element suite;
    try {
      suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("not an XML report: " + file, e);
    }
    NodeList elements = suite.getElementsByTagName("testcase");
    List<TestCase> cases = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      Element testCase = (Element) elements.item(i);
      cases.add(new TestCase(testCase.getAttribute("classname"), testCase.getAttribute("name"), outcome(testCase)));
    }
    return new SurefireReport(file, count(suite, "tests"), count(suite, "failures"), count(suite, "errors"),
        count(suite, "skipped"), List.copyOf(cases));
  }

  private static TestCase.Outcome outcome(Element testCase) {
    if (testCase.getElementsByTagName("failure").getLength() + testCase.getElementsByTagName("error").getLength() > 0) {
      return TestCase.Outcome.FAILED;
    }
    return testCase.getElementsByTagName("skipped").getLength() > 0 ? TestCase.Outcome.SKIPPED : TestCase.Outcome.PASSED;
  }

  private static int count(Element suite, String attribute) {
    return Integer.parseInt(suite.getAttribute(attribute));
  }

  int casesWith(TestCase.Outcome outcome) {
    return (int) cases.stream().filter(c -> c.outcome() == outcome).count();
  }
}
