package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.AssumeRoleParameters;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The situation a test describes with its annotations (who asks, with which credentials, from
 * where, when) over the account loaded from the {@link IamTest} sources. Inject it as a test
 * method parameter. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IamScenario {

  /**
   * A request for {@code action} (such as {@code ec2:RunInstances}) on {@code *}. An action AWS
   * does not know fails the test with the closest known actions.
   */
  IamRequest request(String action);

  /**
   * One request for each action {@code actionPattern} matches (such as {@code ec2:*} or
   * {@code iam:*MFA*}), expanded through IAMUnit's bundled AWS action catalog.
   */
  IamRequests requests(String actionPattern);

  /**
   * Every request of the scenario's principal that AWS allows for an action none of {@code
   * actionPatterns} names ({@code iam:List*}, {@code sts:GetCallerIdentity}), over the complete
   * request space: every action of IAMUnit's bundled catalog (all services) and every action a
   * policy names, every region of resources and of context values the policies can tell apart,
   * under each kind of credentials the scenario stands for; the scenario's context keys and, with
   * {@link AtTime}, its time stay as given. What {@code assertThat(scenario).mayOnly(...)} checks.
   * A pattern that names no action AWS documents fails the test.
   */
  SpaceSearch allowedRequestsExcept(List<String> actionPatterns);

  /** The same scenario with another principal. */
  IamScenario as(IamPrincipal principal);

  /**
   * The same scenario as a session of the role {@code roleArn} (such as {@code
   * arn:aws:iam::123456789012:role/deploy}), named {@value IamPrincipal#DEFAULT_SESSION}, which the
   * scenario's principal assumes with {@code sts:AssumeRole}: see {@link #assume(String,
   * AssumeRoleParameters)}.
   */
  default IamScenario assume(String roleArn) {
    return assume(roleArn, AssumeRoleParameters.sessionName(IamPrincipal.DEFAULT_SESSION));
  }

  /**
   * The same scenario as a session of the role {@code roleArn}, which the scenario's principal
   * assumes with {@code sts:AssumeRole} and {@code parameters} (session name, session tags and
   * which are transitive, external id, source identity), decided as AWS decides it: the principal's
   * identity-based policies, boundary and SCPs together with the role's trust policy, which must
   * also allow {@code sts:TagSession} when tags are passed and {@code sts:SetSourceIdentity} when a
   * source identity is set. Its requests are the session's: the role's policies, its principal tags
   * (session tags over the role's), {@code aws:SourceIdentity}. Call it again on the result to
   * chain roles: transitive tags and the source identity carry on. When AWS would refuse the call,
   * the test fails with the statement or rule that refused it, naming the hop of the chain.
   */
  IamScenario assume(String roleArn, AssumeRoleParameters parameters);

  /** The principal, when the scenario names one. */
  Optional<IamPrincipal> principal();

  /**
   * The folder the test's sources and files are relative to: {@link IamTest#PROJECT_ROOT_PROPERTY_NAME},
   * else the test JVM's working directory.
   */
  Path projectRoot();

  /** The account loaded from the test's sources. */
  Account account();
}
