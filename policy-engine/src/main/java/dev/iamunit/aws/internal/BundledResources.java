package dev.iamunit.aws.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.aws.AwsDataVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.apiguardian.api.API;

/**
 * The files {@code tools/aws-data/generate.mjs} writes into {@code dev/iamunit/aws/}; their
 * formats are described in {@code tools/aws-data/README.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class BundledResources {

  static final String SERVICE_REFERENCE = "service-reference.tsv.gz";
  static final String MANAGED_POLICIES = "managed-policies.tsv.gz";
  static final String VERSIONS = "versions.properties";

  private static final String DIRECTORY = "/dev/iamunit/aws/";

  private BundledResources() {}

  /** The package versions the bundled data was generated from. */
  public static AwsDataVersions versions() {
    Properties properties = new Properties();
    try (InputStream in = open(VERSIONS)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + VERSIONS, e);
    }
    return new AwsDataVersions(
        required(properties, "iam-data.version"), required(properties, "managed-policies.version"));
  }

  /** A gzip'ed text resource, line by line. */
  static BufferedReader openLines(String name) {
    try {
      return new BufferedReader(
          new InputStreamReader(new GZIPInputStream(open(name), 1 << 16), StandardCharsets.UTF_8),
          1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + name, e);
    }
  }

  /** A gzip'ed text resource, whole. */
  static String readText(String name) {
    try (InputStream in = new GZIPInputStream(open(name), 1 << 16)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + name, e);
    }
  }

  /** Whether a line of a data file is a comment or blank, to be skipped. */
  static boolean isComment(String line) {
    return isComment(line, 0, line.length());
  }

  /** Whether the line of {@code text} from {@code start} to {@code end} is a comment or blank. */
  static boolean isComment(String text, int start, int end) {
    return start == end || text.charAt(start) == '#';
  }

  private static InputStream open(String name) {
    InputStream in = BundledResources.class.getResourceAsStream(DIRECTORY + name);
    if (in == null) {
      throw new IllegalStateException(
          "bundled AWS data " + DIRECTORY + name + " is missing from the class path");
    }
    return in;
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("bundled " + VERSIONS + " lacks " + key);
    }
    return value;
  }
}
