package dev.iamunit.iac;

import dev.iamunit.model.Account;
import java.nio.file.Path;

/**
 * One kind of template a version's sources may be: {@link SourceFormats#standard()} lists those
 * IAMUnit reads (Terraform, Terraform plans, CloudFormation), asked in order.
 */
public interface SourceFormat {

  /** Whether this format reads {@code source}, a file or folder. */
  boolean accepts(Path source);

  /** Adds what {@code source} declares to {@code account}. */
  void loadInto(Path source, LoadOptions options, Account.Builder account);
}
