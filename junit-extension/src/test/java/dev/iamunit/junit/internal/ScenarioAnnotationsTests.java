package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.AsRole;
import dev.iamunit.junit.AsRootUser;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.InAccount;
import dev.iamunit.junit.WithContext;
import dev.iamunit.junit.WithCredentials;
import dev.iamunit.junit.WithMFA;
import dev.iamunit.junit.WithoutMFA;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Closest declaration wins: method over class over enclosing class; conflicts name both. */
class ScenarioAnnotationsTests {

  @Retention(RetentionPolicy.RUNTIME)
  @AsRole("Deployer")
  @WithMFA
  @interface AsDeployerWithMfa {}

  @AsUser("Outer")
  @WithoutMFA
  @WithContext(key = "aws:SourceVpc", value = "vpc-outer")
  @WithContext(key = "aws:SourceIp", value = "10.0.0.1")
  static class Outer {

    @WithContext(key = "aws:SourceVpc", value = "vpc-inner")
    class Inner {
      void inherits() {}

      @AsUser("Method")
      @WithCredentials(CredentialKind.SESSION_TOKEN_WITH_MFA)
      @WithContext(key = "aws:SourceVpc", value = {"vpc-a", "vpc-b"})
      void overrides() {}

      @AsDeployerWithMfa
      void composed() {}

      @AsDeployerWithMfa
      @AsUser("Bob")
      void composedConflict() {}

      @AsRootUser
      void root() {}

      @AsRootUser
      @AsUser("Bob")
      void rootConflict() {}

      @AsPermissionSet(value = "Admin", session = "alice@example.com")
      @InAccount("prod")
      void permissionSet() {}
    }
  }

  private static ScenarioSettings settings(String method) throws NoSuchMethodException {
    Method m = Outer.Inner.class.getDeclaredMethod(method);
    return ScenarioAnnotations.resolve(ScenarioAnnotations.elements(Optional.of(m), Outer.Inner.class));
  }

  @Test
  void enclosingClassesDeclareTheScenarioOfNestedOnes() throws Exception {
    ScenarioSettings settings = settings("inherits");

    assertThat(settings.principal()).contains(IamPrincipal.user("Outer"));
    assertThat(settings.credentials().kindsFor(IamPrincipal.user("Outer")))
        .containsExactly(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS);
    assertThat(settings.context())
        .isEqualTo(Map.of("aws:SourceVpc", List.of("vpc-inner"), "aws:SourceIp", List.of("10.0.0.1")));
  }

  @Test
  void theMethodWinsOverItsClasses() throws Exception {
    ScenarioSettings settings = settings("overrides");

    assertThat(settings.principal()).contains(IamPrincipal.user("Method"));
    assertThat(settings.credentials().kindsFor(IamPrincipal.user("Method")))
        .containsExactly(CredentialKind.SESSION_TOKEN_WITH_MFA);
    assertThat(settings.context()).containsEntry("aws:SourceVpc", List.of("vpc-a", "vpc-b"));
  }

  @Test
  void composedAnnotationsDeclareTheirParts() throws Exception {
    ScenarioSettings settings = settings("composed");

    assertThat(settings.principal()).contains(IamPrincipal.role("Deployer"));
    assertThat(settings.credentials().kindsFor(IamPrincipal.role("Deployer")))
        .containsExactly(CredentialKind.ASSUMED_ROLE_WITH_MFA);
  }

  @Test
  void aConflictThroughAComposedAnnotationNamesBoth() {
    assertThatThrownBy(() -> settings("composedConflict"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("@AsUser and @AsRole are both declared on method Inner.composedConflict() (directly or through a "
            + "composed annotation); they contradict each other, so keep one");
  }

  @Test
  void withoutAnyMfaAnnotationUsersSignWithAccessKeysAndRolesWithTheirSession() {
    assertThat(CredentialChoice.DEFAULT.kindsFor(IamPrincipal.user("bob"))).containsExactly(CredentialKind.ACCESS_KEYS);
    assertThat(CredentialChoice.DEFAULT.kindsFor(IamPrincipal.role("r"))).containsExactly(CredentialKind.ASSUMED_ROLE);
  }

  /** The root user signs like a user: long-term access keys unless the scenario says otherwise. */
  @Test
  void asRootUserDeclaresTheAccountsRootUser() throws Exception {
    ScenarioSettings settings = settings("root");

    assertThat(settings.principal()).contains(IamPrincipal.root());
    assertThat(IamPrincipal.root().isRoot()).isTrue();
    assertThat(IamPrincipal.user("root").isRoot()).isFalse();
    assertThat(settings.credentials().kindsFor(IamPrincipal.root()))
        .containsExactly(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS);
    assertThat(CredentialChoice.DEFAULT.kindsFor(IamPrincipal.root())).containsExactly(CredentialKind.ACCESS_KEYS);
    assertThatThrownBy(() -> settings("rootConflict"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("@AsUser and @AsRootUser are both declared on method Inner.rootConflict() (directly or through a "
            + "composed annotation); they contradict each other, so keep one");
  }

  /**
   * A permission set's principal is the permission set's until its account's role is found: the
   * role has a name of its own in each account, so another account forgets the role and keeps the
   * permission set. It signs as a role session does.
   */
  @Test
  void asPermissionSetDeclaresThePermissionSetsSessionInTheAccount() throws Exception {
    IamPrincipal admin = IamPrincipal.permissionSet("Admin", "alice@example.com").inAccount("prod");
    IamPrincipal provisioned = new IamPrincipal(Optional.empty(), Optional.of("AWSReservedSSO_Admin_0123456789abcdef"),
        Optional.of("alice@example.com"), Optional.of("prod"), Optional.of("Admin"));

    assertThat(settings("permissionSet").principal()).contains(admin);
    assertThat(admin.isRoot()).isFalse();
    assertThat(admin).hasToString("permission set Admin/alice@example.com in account prod");
    assertThat(provisioned).hasToString("AWSReservedSSO_Admin_0123456789abcdef/alice@example.com in account prod");
    assertThat(provisioned.inAccount("dev")).isEqualTo(IamPrincipal.permissionSet("Admin", "alice@example.com").inAccount("dev"));
    assertThat(IamPrincipal.role("deploy").inAccount("dev").roleName()).contains("deploy");
    assertThat(CredentialChoice.DEFAULT.kindsFor(admin)).containsExactly(CredentialKind.ASSUMED_ROLE);
    assertThatThrownBy(() -> new IamPrincipal(Optional.of("bob"), Optional.empty(), Optional.of("s"), Optional.empty(), Optional.of("Admin")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
