package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.PolicyType;
import dev.iamunit.eval.Request;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Names one statement the same way in every JVM: where it is written and its position in its
 * policy, and, for a statement that counts per account, the account it applied for. The Sid is not
 * part of the key (it is optional and may repeat across policies); it is kept beside the key for
 * display.
 *
 * <p>An SCP or RCP applies separately in every account under its attachment point: "an explicit
 * Allow statement" is needed "at every level from the root through each OU in the direct path to
 * the account (including the target account itself)" (AWS Organizations User Guide, SCP
 * evaluation), and "any RCP from the root through each OU in the direct path to the account
 * (including the target account itself) can deny" (RCP evaluation). A test that exercises a
 * "protect CloudTrail" SCP in dev says nothing about prod, so such a statement has one key per
 * account it applies to.
 *
 * <p>An identity or resource policy statement belongs to the account that holds its policy. When
 * one source statement is deployed into several accounts (a StackSet's template in each target
 * account, a Terraform module instantiated once per account through provider aliases, a module
 * shared by folders per account), each account holds a policy of its own, and a test of the role
 * in dev says nothing about the role in prod: such a statement, too, has one key per account it
 * is deployed in ({@link #as}). A statement only one account holds keeps the key without account
 * it always had.
 *
 * @param file the template file, as the loader names it
 * @param line 1-based line of the statement, 0 when unknown
 * @param column 1-based column of the statement, 0 when unknown
 * @param index 0-based position of the statement in its policy
 * @param account the id of the account an SCP or RCP statement applies for, or a statement
 *     deployed in several accounts is deployed in; empty for any other statement (and for an SCP
 *     or RCP attached where no member account is)
 */
@API(status = EXPERIMENTAL)
public record StatementKey(String file, int line, int column, int index, String account) implements Comparable<StatementKey> {

  private static final Comparator<StatementKey> ORDER = Comparator.comparing(StatementKey::file)
      .thenComparingInt(StatementKey::line)
      .thenComparingInt(StatementKey::column)
      .thenComparingInt(StatementKey::index)
      .thenComparing(StatementKey::account);

  public StatementKey {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(account, "account");
  }

  /** The key of a statement without an account (see the class comment for which statements have one). */
  public StatementKey(String file, int line, int column, int index) {
    this(file, line, column, index, "");
  }

  /**
   * The key of a statement of {@code policy}. A policy built in code has no file
   * ({@link SourceLocation#UNKNOWN}); its statements are keyed by the policy's name instead, so
   * two such policies do not share counters.
   */
  public static StatementKey of(Policy policy, Statement statement) {
    return of(policy, statement, "");
  }

  /** The key of a statement of {@code policy} as it applies for {@code account} (empty: no account of its own). */
  public static StatementKey of(Policy policy, Statement statement, String account) {
    SourceLocation location = statement.location();
    String file = location.file().equals(SourceLocation.UNKNOWN.file()) ? "<" + policy.name() + ">" : location.file();
    return new StatementKey(file, location.line(), location.column(), statement.index(), account);
  }

  /**
   * The key of a statement of {@code policy}, a policy of {@code type}, with the account it applied
   * for in {@code request} ({@link #appliedFor}), whatever its type: what a recorder counts by
   * before {@link #as} says whether reports keep the account.
   */
  public static StatementKey of(Policy policy, Statement statement, PolicyType type, Request request) {
    return of(policy, statement, appliedFor(type, request));
  }

  /**
   * The account a policy of {@code type} applied for in {@code request}, as {@code Caller} gathers
   * them: an SCP is of the principal's account's path, an RCP of the resource's account's path
   * (the principal's when the request does not name the resource's account, as for a request on
   * a resource of its own account); a resource-based policy (a role's trust policy among them) is
   * the resource's account's, as {@code Caller} takes it from the account that owns the resource;
   * an identity policy, a permissions boundary, a session policy and a VPC endpoint policy are the
   * principal's account's (the endpoint's policy is the one the caller's account holds).
   */
  public static String appliedFor(PolicyType type, Request request) {
    return switch (type) {
      case RESOURCE_CONTROL, RESOURCE -> request.resourceAccount().orElseGet(() -> principalAccount(request));
      case SERVICE_CONTROL, IDENTITY, PERMISSIONS_BOUNDARY, SESSION, VPC_ENDPOINT -> principalAccount(request);
    };
  }

  /** Whether statements of {@code type} count per account wherever they are: SCPs and RCPs (see the class comment). */
  public static boolean countsPerAccount(PolicyType type) {
    return type == PolicyType.SERVICE_CONTROL || type == PolicyType.RESOURCE_CONTROL;
  }

  /**
   * This key, recorded with the account a statement applied for, as reports name the statement:
   * with the account for an SCP or RCP statement ({@code control}), and for a statement deployed
   * in more than one account ({@code deployedInSeveral}: one load of the sources placed it in
   * several); without it for any other, so a single-account repository's keys are what they always
   * were.
   */
  public StatementKey as(boolean control, boolean deployedInSeveral) {
    return control || deployedInSeveral ? this : withoutAccount();
  }

  /** {@code aws:PrincipalAccount}, as every caller's request carries it, else the account field of the principal's ARN. */
  private static String principalAccount(Request request) {
    Optional<String> key = request.context().get("aws:PrincipalAccount").filter(e -> !e.values().isEmpty())
        .map(e -> e.values().get(0));
    if (key.isPresent()) {
      return key.get();
    }
    // arn:partition:service:region:ACCOUNT:resource
    String[] parts = request.principal().split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") ? parts[4] : "";
  }

  /** Reads the form {@link #id()} writes. */
  public static StatementKey parse(String id) {
    int hash = id.lastIndexOf('#');
    int columnColon = hash < 0 ? -1 : id.lastIndexOf(':', hash);
    int lineColon = columnColon < 0 ? -1 : id.lastIndexOf(':', columnColon - 1);
    if (lineColon < 0) {
      throw new IllegalArgumentException("not a statement key (file:line:column#index[@account]): " + id);
    }
    int at = id.indexOf('@', hash);
    try {
      return new StatementKey(id.substring(0, lineColon), Integer.parseInt(id.substring(lineColon + 1, columnColon)),
          Integer.parseInt(id.substring(columnColon + 1, hash)), Integer.parseInt(id.substring(hash + 1, at < 0 ? id.length() : at)),
          at < 0 ? "" : id.substring(at + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a statement key (file:line:column#index[@account]): " + id, e);
    }
  }

  /**
   * {@code terraform/iam.tf:12:5#0}, and {@code terraform/org.tf:30:5#1@111111111111} for an SCP
   * or RCP statement, or a statement deployed in several accounts, in one account: stable, unique,
   * and what reports link by.
   */
  public String id() {
    String id = file + ":" + line + ":" + column + "#" + index;
    return account.isEmpty() ? id : id + "@" + account;
  }

  /** {@code terraform/iam.tf:12}, the form editors and CI annotations understand. */
  public String fileAndLine() {
    return line > 0 ? file + ":" + line : file;
  }

  /** The statement itself, whatever account it applies for: what a source line shows. */
  public StatementKey withoutAccount() {
    return account.isEmpty() ? this : new StatementKey(file, line, column, index);
  }

  /** Whether this is the statement in one account: an SCP or RCP statement, or one deployed in several accounts. */
  public boolean inAccount() {
    return !account.isEmpty();
  }

  @Override
  public int compareTo(StatementKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return id();
  }
}
