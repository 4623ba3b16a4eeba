package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.eval.RequestContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How the evaluator reads policy values, for the request space ({@code dev.iamunit.eval.space}):
 * the space must split values exactly where the evaluator's comparisons do, so it asks the same
 * parsers instead of keeping its own.
 */
@API(status = INTERNAL, since = "0.1")
public final class PolicyValues {

  private PolicyValues() {}

  /**
   * A policy value with its variables replaced: its text and which characters are wildcards
   * (characters a variable produced, and {@code ${*}}, are literal).
   */
  public record Glob(String text, boolean[] wild) {}

  /** An address range: the first and last address of a CIDR block, per family. */
  public record IpRange(boolean v6, BigInteger first, BigInteger last) {}

  /**
   * {@code raw} as the evaluator resolves it in {@code context}: null when a variable has no value
   * ("effectively null", which nothing matches). With {@code variables} false (policy version
   * 2008-10-17) the text is literal.
   */
  public static Glob resolve(String raw, boolean variables, RequestContext context) {
    Wildcard pattern = ValueTemplate.parse(raw, variables).resolve(context);
    return pattern == null ? null : new Glob(pattern.text(), ValueTemplate.wildcards(pattern));
  }

  /** The context keys the variables of {@code raw} read, in lower case. */
  public static List<String> variableKeys(String raw, boolean variables) {
    return ValueTemplate.parse(raw, variables).variableKeys();
  }

  /** A policy's CIDR block or address as the range it covers, or null when it is neither. */
  public static IpRange ipRange(String value) {
    IpAddresses.Block block = IpAddresses.block(value);
    if (block == null) {
      return null;
    }
    int host = (block.v6() ? 128 : 32) - block.prefix();
    BigInteger first = block.network().shiftRight(host).shiftLeft(host);
    return new IpRange(block.v6(), first, first.add(BigInteger.ONE.shiftLeft(host)).subtract(BigInteger.ONE));
  }

  /** A number as numeric operators read it, or null. */
  public static BigDecimal number(String value) {
    return CompiledCondition.parseNumber(value);
  }

  /** A date as date operators read it, or null. */
  public static Instant date(String value) {
    return CompiledCondition.parseDate(value);
  }

  /** Whether an Action or NotAction pattern names {@code action}, as the evaluator matches actions. */
  public static boolean actionMatches(String pattern, String action) {
    return Wildcard.of(pattern.strip()).matches(action, true);
  }

  /** Whether an IP address literal parses, as IP operators read request values. */
  public static boolean isAddress(String value) {
    return IpAddresses.address(value.strip()) != null;
  }
}
