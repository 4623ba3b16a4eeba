package dev.iamunit.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The exit codes of every {@code iamunit} command. The same list ends each command's
 * {@code --help}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExitCodes {

  /** The command did what was asked and found nothing to report. */
  public static final int OK = 0;

  /** The command ran, and its answer is "no": findings, a denied request, case lines in error. */
  public static final int FINDINGS = 1;

  /** The command line itself is wrong: an unknown option, a missing argument. */
  public static final int USAGE = 2;

  /** An input cannot be used: a missing or unreadable file, an invalid policy, an unknown action. */
  public static final int INPUT = 3;

  /** A bug in IAMUnit; the stack trace goes to stderr. */
  public static final int INTERNAL = 4;

  static final String OK_LINE = "0:ok; nothing to report (explain: the request is ALLOWED)";
  static final String FINDINGS_LINE =
      "1:findings (lint), a denied request (explain), or case lines answered with an error (evaluate)";
  static final String USAGE_LINE = "2:usage error: unknown option, missing or malformed argument";
  static final String INPUT_LINE = "3:input error: unreadable file, invalid policy, unknown action";
  static final String INTERNAL_LINE = "4:internal error in IAMUnit (please report it)";

  private ExitCodes() {}
}
