package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The principal of a request, as its ARN tells it: what layers of identity it has for matching
 * {@code Principal} and {@code NotPrincipal}.
 *
 * @param arn as given
 * @param kind what the ARN names
 * @param account the account id, or empty
 * @param roleName for an assumed-role session, the role's name (the session ARN has no path)
 */
@API(status = INTERNAL, since = "0.1")
public record PrincipalIdentity(String arn, Kind kind, String account, String roleName) {

  public enum Kind {
    USER,
    ROLE,
    ROLE_SESSION,
    FEDERATED_USER,
    ROOT,
    SERVICE,
    OTHER
  }

  public static PrincipalIdentity of(String arn) {
    String[] parts = Arns.split(arn);
    if (parts == null) {
      return new PrincipalIdentity(arn, arn.endsWith(".amazonaws.com") ? Kind.SERVICE : Kind.OTHER, "", "");
    }
    String account = parts[4];
    String resource = parts[5];
    if (parts[2].equals("iam")) {
      if (resource.equals("root")) {
        return new PrincipalIdentity(arn, Kind.ROOT, account, "");
      }
      if (resource.startsWith("user/")) {
        return new PrincipalIdentity(arn, Kind.USER, account, "");
      }
      if (resource.startsWith("role/")) {
        return new PrincipalIdentity(arn, Kind.ROLE, account, resource.substring(resource.lastIndexOf('/') + 1));
      }
    } else if (parts[2].equals("sts")) {
      if (resource.startsWith("assumed-role/")) {
        String[] pieces = resource.split("/");
        return new PrincipalIdentity(arn, Kind.ROLE_SESSION, account, pieces.length > 1 ? pieces[1] : "");
      }
      if (resource.startsWith("federated-user/")) {
        return new PrincipalIdentity(arn, Kind.FEDERATED_USER, account, "");
      }
    }
    return new PrincipalIdentity(arn, Kind.OTHER, account, "");
  }

  /** Whether {@code roleArn} names the role this session was assumed from. */
  boolean isSessionOf(String roleArn) {
    if (kind != Kind.ROLE_SESSION) {
      return false;
    }
    String[] parts = Arns.split(roleArn);
    return parts != null
        && parts[2].equals("iam")
        && parts[4].equals(account)
        && parts[5].startsWith("role/")
        && parts[5].substring(parts[5].lastIndexOf('/') + 1).equals(roleName);
  }
}
