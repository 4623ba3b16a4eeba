package dev.iamunit.integration;

/**
 * One test as surefire's XML reports name it ({@code <testcase classname=".." name="..">}) and as
 * JUnit names it for them (the test's class, its legacy reporting name), with its outcome.
 */
record TestCase(String className, String name, Outcome outcome) implements Comparable<TestCase> {

  /** What surefire can tell apart: a failure and an error both failed; an aborted test is skipped. */
  enum Outcome { PASSED, FAILED, SKIPPED }

  /** The line {@link TestsRunLog} writes; {@link #parse} reads it back. */
  String line() {
    return className + '\t' + name + '\t' + outcome;
  }

  static TestCase parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      throw new IllegalArgumentException("not a line of TestsRunLog (class, name, outcome): " + line);
    }
    return new TestCase(fields[0], fields[1], Outcome.valueOf(fields[2]));
  }

  @Override
  public int compareTo(TestCase other) {
    return line().compareTo(other.line());
  }
}
