package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
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

  /** The same scenario with another principal. */
  IamScenario as(IamPrincipal principal);

  /** The principal, when the scenario names one. */
  Optional<IamPrincipal> principal();

  /** The account loaded from the test's sources. */
  Account account();
}
