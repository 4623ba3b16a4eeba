package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A {@code <limit>} of a {@code <rule>}, as in jacoco-maven-plugin: {@code <counter>} (STATEMENT,
 * ALLOW, DENY, CONDITION; default STATEMENT), {@code <value>} (COVEREDRATIO, MISSEDCOUNT,
 * COVEREDCOUNT, MISSEDRATIO, TOTALCOUNT; default COVEREDRATIO), {@code <minimum>} and/or
 * {@code <maximum>} ({@code 0.80}, {@code 80%} or a count).
 */
@API(status = INTERNAL, since = "0.1")
public class LimitConfiguration {

  private String counter = "STATEMENT";
  private String value = "COVEREDRATIO";
  private String minimum;
  private String maximum;

  public void setCounter(String counter) {
    this.counter = counter;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public void setMinimum(String minimum) {
    this.minimum = minimum;
  }

  public void setMaximum(String maximum) {
    this.maximum = maximum;
  }

  String counter() {
    return counter;
  }

  String value() {
    return value;
  }

  String minimum() {
    return minimum;
  }

  String maximum() {
    return maximum;
  }
}
