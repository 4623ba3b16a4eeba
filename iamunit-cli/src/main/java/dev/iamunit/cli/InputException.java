package dev.iamunit.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An input the command cannot use, outside any policy: a missing file, a bad argument value. */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }

  /** An I/O failure in words, without the exception's class name. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "cannot read " + denied.getFile() + ": permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
