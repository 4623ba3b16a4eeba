package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The words of a rule ({@code element}, {@code counter}, {@code value}) as jacoco-maven-plugin's
 * {@code <rules>} spell them, case-insensitive: one reading for the Maven goals and the CLI's
 * rules file.
 */
@API(status = EXPERIMENTAL)
public final class RuleWords {

  private RuleWords() {}

  /**
   * The constant {@code text} names.
   *
   * @param setting how the caller's configuration shows the setting, for the message, such as
   *     {@code <counter>LINE</counter>} or {@code rule.1.limit.1.counter = LINE}
   * @throws IllegalArgumentException saying {@code setting} is not one of the allowed words
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text, String setting) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " is not one of " + Arrays.toString(type.getEnumConstants()), e);
    }
  }
}
