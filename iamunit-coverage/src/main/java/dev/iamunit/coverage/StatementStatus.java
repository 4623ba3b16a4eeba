package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The colour of a statement in the reports, as JaCoCo colours a line. */
@API(status = EXPERIMENTAL)
public enum StatementStatus {
  /** Decisive at least once, and every condition seen both true and false. */
  COVERED,
  /** Decisive but a condition outcome was never seen, or applied but always overridden. */
  PARTLY,
  /** Never applied to any request of the run. */
  MISSED
}
