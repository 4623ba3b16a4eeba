package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/** Plain policy documents in JSON files, as the IAM console and {@code aws iam} take them. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PolicyFiles {

  private PolicyFiles() {}

  /**
   * The policy in {@code file}, parsed as {@code kind}; named after the file.
   *
   * @throws dev.iamunit.policy.InvalidPolicyException with file:line when the document is invalid
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Policy read(Path file, PolicyKind kind) {
    return PolicyParser.parse(text(file), file.toString(), kind, file.getFileName().toString());
  }

  /** The policy in {@code file}, its kind read from the document itself ({@link #kindOf}). */
  public static Policy read(Path file) {
    DocNode document = JsonDocuments.read(text(file), file.toString());
    return PolicyParser.parse(document, kindOf(document), file.getFileName().toString());
  }

  /**
   * What a document is for, from its statements: with a Principal it is resource-based, or a
   * role's trust policy when no statement names a Resource; without one it is identity-based.
   */
  public static PolicyKind kindOf(DocNode document) {
    List<DocNode> statements = statements(document);
    boolean principal = statements.stream().anyMatch(s -> has(s, "Principal") || has(s, "NotPrincipal"));
    if (!principal) {
      return PolicyKind.IDENTITY;
    }
    boolean resource = statements.stream().anyMatch(s -> has(s, "Resource") || has(s, "NotResource"));
    return resource ? PolicyKind.RESOURCE : PolicyKind.TRUST;
  }

  private static List<DocNode> statements(DocNode document) {
    if (document instanceof DocObject root) {
      return root.member("Statement")
          .map(DocObject.Member::value)
          .map(value -> value instanceof DocArray array ? array.items() : List.of(value))
          .orElse(List.of());
    }
    return List.of();
  }

  private static boolean has(DocNode statement, String element) {
    return statement instanceof DocObject object && object.member(element).isPresent();
  }

  /** {@code force_mfa} for {@code force_mfa.json}: the name a policy file's policy takes. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
