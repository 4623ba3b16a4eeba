package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** Terraform's hash functions (developer.hashicorp.com/terraform/language/functions, "Hash and Crypto Functions"). */
final class HashFunctions {

  private HashFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.of("base64sha256", c -> Value.of(base64sha256(c.text(0).getBytes(StandardCharsets.UTF_8))), string("str")),
      FunctionSpec.of("filebase64sha256", HashFunctions::filebase64sha256, string("path").orUnknown()));

  /** {@code filebase64sha256}: "a variant of base64sha256 that hashes the contents of a given file rather than a literal string". */
  private static Value filebase64sha256(FunctionCall c) {
    return FilesystemFunctions.withFile(c, "file", path -> {
      try {
        if (Files.size(path) > TerraformLoader.MAX_FILE_BYTES) {
          return c.unknown("the file " + c.ev().scope().displayName(path) + " is larger than IAMUnit reads");
        }
        return Value.of(base64sha256(Files.readAllBytes(path)));
      } catch (IOException e) {
        return c.unknown("the file " + c.ev().scope().displayName(path) + " could not be read: " + e.getMessage());
      }
    });
  }

  /** The SHA-256 digest of the bytes, in Base64: "the raw SHA256 sum of the given string, encoded in Base64". */
  private static String base64sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
