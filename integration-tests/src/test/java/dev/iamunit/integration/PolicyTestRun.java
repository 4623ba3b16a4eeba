package dev.iamunit.integration;

import java.nio.file.Path;

/**
 * The two runs of example-repo's policy tests in this module (see pom.xml), with the folders
 * failsafe's configuration says they wrote to.
 */
enum PolicyTestRun {
  /** One test after the other, in one JVM. */
  SERIAL("serialRun"),
  /** Methods and classes concurrently, in two forked JVMs. */
  PARALLEL("parallelRun");

  private final String key;

  PolicyTestRun(String key) {
    this.key = key;
  }

  /** Surefire's XML reports. */
  Path reports() {
    return location("reports");
  }

  /** IAMUnit's coverage fragments, with the decision log. */
  Path coverage() {
    return location("coverage");
  }

  /** {@link TestsRunLog}'s files: the tests JUnit ran. */
  Path testsRun() {
    return location("testsRun");
  }

  private Path location(String what) {
    return property(key + "." + what);
  }

  /** A folder failsafe's configuration names; these checks read nothing they were not told of. */
  static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run these checks through the "
          + "module's build (mvn verify), whose failsafe configuration sets it");
    }
    return Path.of(value);
  }
}
