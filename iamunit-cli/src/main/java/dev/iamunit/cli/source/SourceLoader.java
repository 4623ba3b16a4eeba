package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import java.nio.file.Path;

/**
 * Reads one kind of source file into the account model, for {@code show}. The CLI asks each
 * loader in turn and uses the first that accepts a file; a new kind (a CloudFormation template, a
 * Terraform folder or plan) is one more implementation listed before {@link PolicyFileLoader},
 * which accepts any {@code .json} file and so comes last.
 */
public interface SourceLoader {

  /** Whether this loader reads {@code file}. */
  boolean accepts(Path file);

  /**
   * What IAMUnit sees in {@code file}.
   *
   * @throws dev.iamunit.IamUnitException naming file:line when the file is invalid
   */
  Account load(Path file, LoadOptions options);
}
