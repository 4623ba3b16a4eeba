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
 * Feeds a {@code @ParameterizedTest} one {@link PolicyCase} per row of CSV tables, each row a
 * test named after it. Columns: principal ({@code MFAUser}, {@code user/MFAUser},
 * {@code role/Deployer} or {@code role/Deployer/session}), action, resource (empty for
 * {@code *}), context ({@code key=value;key=v1,v2}, may be empty), expected ({@code ALLOWED},
 * {@code DENIED}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY}). A first row that starts with
 * {@code principal} is a header; rows starting with {@code #} are comments.
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

  /** CSV files, relative to the project root as {@link IamTest} paths are. */
  String[] value();
}
