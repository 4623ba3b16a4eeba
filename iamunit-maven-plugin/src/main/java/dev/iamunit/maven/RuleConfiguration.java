package dev.iamunit.maven;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A {@code <rule>} of the {@code check} goal, in jacoco-maven-plugin's grammar: {@code <element>}
 * (BUNDLE, TEMPLATE, POLICY, PRINCIPAL; default BUNDLE), {@code <includes>}/{@code <excludes>}
 * of name patterns, and {@code <limits>}.
 */
@API(status = INTERNAL, since = "0.1")
public class RuleConfiguration {

  private String element = "BUNDLE";
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();
  private List<LimitConfiguration> limits = new ArrayList<>();

  public void setElement(String element) {
    this.element = element;
  }

  public void setIncludes(List<String> includes) {
    this.includes = includes;
  }

  public void setExcludes(List<String> excludes) {
    this.excludes = excludes;
  }

  public void setLimits(List<LimitConfiguration> limits) {
    this.limits = limits;
  }

  String element() {
    return element;
  }

  List<String> includes() {
    return includes;
  }

  List<String> excludes() {
    return excludes;
  }

  List<LimitConfiguration> limits() {
    return limits;
  }
}
