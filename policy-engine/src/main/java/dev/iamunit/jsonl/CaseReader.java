package dev.iamunit.jsonl;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.TokenReader;
import dev.iamunit.document.TokenReader.Token;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The grammar of one case line (DESIGN.md, "JSON Lines"), over the line's tokens; its policies
 * are read by {@link PolicyParser} from the same tokens. Members the format does not know are
 * ignored. The members it knows are read in one fixed order, whatever order the line has them in,
 * so that a line with several mistakes always reports the same one: the id, the policies, the
 * request, and last the expected outcome. The resource-based policy is read once the request's
 * action says what kind it is: a role's trust policy for {@code sts:AssumeRole*}, a resource-based
 * policy otherwise.
 */
final class CaseReader {

  /** The position of a member that is not there, or is null, which the format reads as absent. */
  private static final int NONE = -1;

  private static final Outcome[] OUTCOMES = Outcome.values();

  private final TokenReader tokens;

  CaseReader(TokenReader tokens) {
    this.tokens = tokens;
  }

  /** The case whose object is the current token. */
  EvaluationCase read() {
    int root = object("a case");
    Members line = members("id", "policies", "request", "expected");
    String id = string(required(line, 0, "id", root), "id");
    int policiesAt = object(required(line, 1, "policies", root), "policies");
    Members policies = members("identity", "resource", "permissionBoundaries", "scps", "rcps", "session");
    int requestAt = object(required(line, 2, "request", root), "request");
    Members request = members("principal", "action", "resource", "resourceAccount", "context");

    PolicySet.Builder set = PolicySet.builder();
    list(policies.at(0), "identity", PolicyKind.IDENTITY, set::identity);
    String action = request.at(1) == NONE ? "" : string(request.at(1), "request.action");
    if (policies.at(1) != NONE) {
      tokens.seek(policies.at(1));
      set.resource(PolicyParser.parse(tokens, resourcePolicyKind(action), "resource"));
    }
    list(policies.at(2), "permissionBoundaries", PolicyKind.PERMISSIONS_BOUNDARY, set::boundary);
    levels(policies.at(3), "scps", PolicyKind.SERVICE_CONTROL, set::scpLevel);
    levels(policies.at(4), "rcps", PolicyKind.RESOURCE_CONTROL, set::rcpLevel);
    if (policies.at(5) != NONE) {
      tokens.seek(policies.at(5));
      if (tokens.token() == Token.BEGIN_ARRAY) {
        int index = 0;
        for (Token token = tokens.next(); token != Token.END_ARRAY; token = tokens.next()) {
          set.session(PolicyParser.parse(tokens, PolicyKind.SESSION, "session[" + index++ + "]"));
        }
      } else {
        set.session(PolicyParser.parse(tokens, PolicyKind.SESSION, "session"));
      }
    }

    RequestContext context = request.at(4) == NONE ? RequestContext.empty() : context(request.at(4));
    Optional<String> resourceAccount =
        request.at(3) == NONE ? Optional.empty() : Optional.of(string(request.at(3), "request.resourceAccount"));
    Request parsed = new Request(
        string(required(request, 0, "principal", requestAt), "request.principal"),
        string(required(request, 1, "action", requestAt), "request.action"),
        string(required(request, 2, "resource", requestAt), "request.resource"),
        resourceAccount,
        context,
        CredentialKind.UNSPECIFIED);
    Optional<Outcome> expected = line.at(3) == NONE ? Optional.empty() : Optional.of(outcome(line.at(3)));
    return new EvaluationCase(id, set.build(), parsed, expected);
  }

  /** A role's trust policy is the resource-based policy of the trust actions, and has no Resource. */
  static PolicyKind resourcePolicyKind(String action) {
    return ResourcePolicyOwner.readsTrustPolicy(action) ? PolicyKind.TRUST : PolicyKind.RESOURCE;
  }

  /**
   * Where the values of the named members of the current object stand, the first of a name
   * counting; leaves the reader at the object's end.
   */
  private Members members(String... names) {
    int[] values = new int[names.length];
    Arrays.fill(values, NONE);
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      String name = tokens.text();
      tokens.next();
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          if (values[i] == NONE && tokens.token() != Token.NULL) {
            values[i] = tokens.position();
          }
          break;
        }
      }
      tokens.skipValue();
    }
    return new Members(values);
  }

  /** The value positions of an object's members, in the order they were asked for. */
  private record Members(int[] values) {
    int at(int member) {
      return values[member];
    }
  }

  /** The position of a member that must be there; the error names it {@code name} at its object. */
  private int required(Members members, int member, String name, int object) {
    if (members.at(member) == NONE) {
      throw new IamUnitException("missing \"" + name + "\"", tokens.locationAt(object));
    }
    return members.at(member);
  }

  /** An array of policies named {@code name[i]}. */
  private void list(int value, String name, PolicyKind kind, Consumer<Policy> into) {
    if (value == NONE) {
      return;
    }
    array(value, "policies." + name);
    int index = 0;
    for (Token token = tokens.next(); token != Token.END_ARRAY; token = tokens.next()) {
      into.accept(PolicyParser.parse(tokens, kind, name + "[" + index++ + "]"));
    }
  }

  /** An array of organization levels, each an array of policies named {@code name[i][j]}. */
  private void levels(int value, String name, PolicyKind kind, Consumer<List<Policy>> level) {
    if (value == NONE) {
      return;
    }
    array(value, "policies." + name);
    int i = 0;
    for (Token token = tokens.next(); token != Token.END_ARRAY; token = tokens.next()) {
      array(tokens.position(), "policies." + name + "[" + i + "]");
      List<Policy> documents = new ArrayList<>();
      for (Token item = tokens.next(); item != Token.END_ARRAY; item = tokens.next()) {
        documents.add(PolicyParser.parse(tokens, kind, name + "[" + i + "][" + documents.size() + "]"));
      }
      level.accept(documents);
      i++;
    }
  }

  private RequestContext context(int value) {
    object(value, "request.context");
    RequestContext.Builder context = RequestContext.builder();
    for (Token token = tokens.next(); token == Token.NAME; token = tokens.next()) {
      String key = tokens.text();
      if (tokens.next() == Token.BEGIN_ARRAY) {
        List<String> texts = new ArrayList<>();
        for (Token item = tokens.next(); item != Token.END_ARRAY; item = tokens.next()) {
          texts.add(contextValue(key));
        }
        context.putMultivalued(key, texts);
      } else {
        context.put(key, contextValue(key));
      }
    }
    return context.build();
  }

  /** A string of request.context; the element's name is spelled out only for an error. */
  private String contextValue(String key) {
    return tokens.token() == Token.STRING ? tokens.text() : string(tokens.position(), "request.context." + key);
  }

  private Outcome outcome(int value) {
    String text = string(value, "expected");
    for (Outcome outcome : OUTCOMES) {
      if (outcome.name().equals(text)) {
        return outcome;
      }
    }
    throw new IamUnitException("expected must be ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY, not \"" + text + "\"", tokens.location());
  }

  /** Checks that the current value is an object; returns its position. */
  private int object(String what) {
    return object(tokens.position(), what);
  }

  private int object(int value, String what) {
    return expect(value, Token.BEGIN_OBJECT, what + " must be an object");
  }

  private void array(int value, String what) {
    expect(value, Token.BEGIN_ARRAY, what + " must be an array");
  }

  private String string(int value, String what) {
    expect(value, Token.STRING, what + " must be a string");
    return tokens.text();
  }

  /** Moves to the value at {@code value}, which must be a {@code wanted}; returns its position. */
  private int expect(int value, Token wanted, String expectation) {
    tokens.seek(value);
    if (tokens.token() != wanted) {
      throw new IamUnitException(expectation + ", not " + tokens.describe(), tokens.location());
    }
    return value;
  }
}
