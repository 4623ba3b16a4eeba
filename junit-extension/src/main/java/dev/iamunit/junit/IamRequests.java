package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Every request an action pattern such as {@code ec2:*} stands for, all alike but for the action. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IamRequests {

  /** The pattern as the test wrote it. */
  String actionPattern();

  /** {@code ec2:* on * as MFAUser}: the requests, without the credential kind. */
  String description();

  /** One request per action the pattern matches, sorted by action. */
  List<IamRequest> requests();

  /**
   * Every request of these actions that AWS allows, over the complete request space: every region
   * of resources and of context values the policies can tell apart, not only each action's default
   * resource ({@link IamScenario#allowedRequestsExcept}). Empty when the test named a resource
   * ({@link #on}) or context keys ({@link #withContext}): then the requests of {@link #requests()}
   * are the question.
   */
  Optional<SpaceSearch> allowedRequests();

  /** The same requests on this resource ARN. */
  IamRequests on(String resourceArn);

  /** The same requests with this key in their context. */
  IamRequests withContext(String key, String... values);
}
