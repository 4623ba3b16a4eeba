package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where something was written: a file, a 1-based line and column, and the template address that
 * holds it ({@code aws_iam_policy.force_mfa}, a CloudFormation logical id), when there is one.
 *
 * @param file the file as the user would name it (relative to the project root where possible)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param address template address, or an empty string
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SourceLocation(String file, int line, int column, String address) {

  /** For documents built in code, with no file behind them. */
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0, "");

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(address, "address");
  }

  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column, "");
  }

  public SourceLocation withAddress(String newAddress) {
    return new SourceLocation(file, line, column, newAddress);
  }

  /** The same place, one level deeper in a document: keeps the address. */
  public SourceLocation at(int newLine, int newColumn) {
    return new SourceLocation(file, newLine, newColumn, address);
  }

  /** {@code file:line}, the form editors and CI annotations understand. */
  public String fileAndLine() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    return address.isEmpty() ? where : where + " (" + address + ")";
  }
}
