package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The account of the principal that {@link AsUser}, {@link AsRole}, {@link AsPermissionSet} or {@link AsRootUser} names,
 * when the sources load several: the name the organization gives it ({@code
 * aws_organizations_account}'s {@code name}, such as {@code "prod"}), its path from the root
 * ({@code "Workloads/prod"}, {@code "Root/sandbox"}: the names of its organizational units, then
 * its own, {@link dev.iamunit.model.OrganizationPath}), or its twelve-digit id. On a test method,
 * its class or an enclosing class; the closest one wins, as for the principal. Two accounts may be
 * given one name: such a name fails the test, naming each by its path and id; give one of them.
 *
 * <p>Without it, a user or role is the one of the account that declares its name (a name several
 * accounts declare fails the test, asking for {@code @InAccount}), and the root user is the
 * loaded account's ({@link IamTest#accountId()}).
 *
 * <pre>{@code
 * @AsRootUser
 * @InAccount("prod")
 * void notEvenRootStopsCloudTrailInProd(IamScenario scenario) {
 *   assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied();
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface InAccount {

  /** The account's name in the organization, its path from the root ({@code "Workloads/prod"}), or its id. */
  String value();
}
