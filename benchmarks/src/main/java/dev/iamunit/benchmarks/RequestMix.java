package dev.iamunit.benchmarks;

import dev.iamunit.eval.Request;
import java.util.List;

/**
 * Cycles through a fixed list of requests, one per benchmark operation, so that one operation is
 * one decision and the mix is what branch predictors and caches see. Not thread-safe: JMH gives
 * each thread its own.
 */
final class RequestMix {

  private final Request[] requests;
  private int next;

  RequestMix(List<Request> requests) {
    this.requests = requests.toArray(Request[]::new);
  }

  Request next() {
    Request request = requests[next];
    next = next + 1 == requests.length ? 0 : next + 1;
    return request;
  }

  int size() {
    return requests.length;
  }
}
