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
 * The requests of the test are made by a person signed in through IAM Identity Center with the
 * permission set {@code value}: a session of the role IAM Identity Center provisions for it in the
 * test's account ({@link InAccount}, else the account the templates deploy into, {@link
 * IamTest#accountId()}), {@code AWSReservedSSO_<value>_<suffix>} under {@code
 * /aws-reserved/sso.amazonaws.com/}, with the permission set's inline policy, managed policies and
 * permissions boundary. The principal remembers the permission set ({@link
 * IamPrincipal#permissionSet()}): over the accounts of an organizational unit ({@code
 * inEveryAccountOf}) each request is made as the role provisioned in that account, whose suffix is
 * its own, and an account the permission set is not assigned to is named in the failure.
 *
 * <p>The test fails, listing the permission sets the sources declare and where they are assigned,
 * before its first request when none is named {@code value} or it is not assigned to its {@code
 * @InAccount} account, and at a request made in the templates' account when it is not assigned
 * there (a test that asks only over the accounts of a unit needs no role there).
 *
 * <p>Composable like {@link AsRole}, and exclusive with it, {@link AsUser} and {@link AsRootUser}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface AsPermissionSet {

  /** The permission set's name. */
  String value();

  /** The role session name, {@code aws:RoleSessionName}: IAM Identity Center uses the user's name. */
  String session() default IamPrincipal.DEFAULT_SESSION;
}
