package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.junit.internal.PolicyCasesProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one {@link PolicyCase} per row of CSV or YAML tables, each
 * row a test named after it. Columns: principal ({@code MFAUser}, {@code user/MFAUser},
 * {@code role/Deployer} or {@code role/Deployer/session}), action, resource (empty for the
 * action's default, see {@link IamRequest#on}), context ({@code key=value;key=v1,v2}, may be
 * empty), expected ({@code ALLOWED}, {@code DENIED}, {@code EXPLICIT_DENY}, {@code
 * IMPLICIT_DENY}). In CSV, a first row that starts with {@code principal} is a header and rows
 * starting with {@code #} are comments. A {@code .yaml} or {@code .yml} file is a list of rows with
 * those keys (resource and context optional; context a mapping of keys to a value or a list):
 *
 * <pre>{@code
 * - principal: MFAUser
 *   action: iam:DeactivateMFADevice
 *   resource: arn:aws:iam::123456789012:mfa/MFAUser
 *   context: {aws:SourceIp: 203.0.113.7}
 *   expected: EXPLICIT_DENY
 * }</pre>
 *
 * <pre>{@code
 * @ParameterizedTest
 * @PolicyCases("src/test/iam/force-mfa-cases.csv")
 * @WithoutMFA
 * void forceMfa(PolicyCase row, IamScenario scenario) {
 *   assertThat(row.in(scenario)).isDecidedAs(row.expected());
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(PolicyCasesProvider.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PolicyCases {

  /** CSV or YAML files, relative to the project root as {@link IamTest} paths are. */
  String[] value();
}
