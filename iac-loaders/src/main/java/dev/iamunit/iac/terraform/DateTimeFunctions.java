package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform's date and time functions (developer.hashicorp.com/terraform/language/functions,
 * "Date and Time Functions"). The clock functions name a time IAMUnit does not fix: their results
 * stay unknown, never the time the test runs.
 */
final class DateTimeFunctions {

  private DateTimeFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.of("timeadd", DateTimeFunctions::timeadd, string("timestamp"), string("duration")),
      FunctionSpec.of("timestamp", c -> c.unknown("timestamp() is the time Terraform applies the configuration")),
      FunctionSpec.of("plantimestamp", c -> c.unknown("plantimestamp() is the time Terraform plans the configuration")));

  /** RFC 3339 as Go's {@code time.RFC3339} writes it: whole seconds, "Z" for UTC. */
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /** One element of a Go duration ("1h30m", "-1.5h", "300ms"). */
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  /**
   * {@code timeadd(timestamp, duration)}: "The duration is a string representation of a time
   * difference, consisting of sequences of number and unit pairs, like "1.5h" or "1h30m". The
   * accepted units are "ns", "us" (or "µs"), "ms", "s", "m", and "h"."
   */
  private static Value timeadd(FunctionCall c) {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(c.text(0));
    } catch (DateTimeParseException e) {
      throw c.error("takes a timestamp in RFC 3339 format (2006-01-02T15:04:05Z), not \"" + c.text(0) + "\"");
    }
    return Value.of(time.plus(duration(c.text(1), c)).format(RFC3339));
  }

  private static Duration duration(String text, FunctionCall c) {
    String rest = text;
    boolean negative = rest.startsWith("-");
    if (negative || rest.startsWith("+")) {
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length() && m.find(at) && m.start() == at) {
      nanos = nanos.add(new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1))
          .multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      at = m.end();
    }
    if (rest.isEmpty() || at != rest.length()) {
      throw c.error("takes a duration such as \"1h30m\" or \"-10s\", not \"" + text + "\"");
    }
    try {
      Duration d = Duration.ofNanos(nanos.longValueExact());
      return negative ? d.negated() : d;
    } catch (ArithmeticException e) {
      throw c.error("takes a duration of at most about 290 years (Go's limit), not \"" + text + "\"");
    }
  }
}
