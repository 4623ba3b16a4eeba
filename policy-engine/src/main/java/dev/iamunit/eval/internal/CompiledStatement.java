package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.eval.Applicability;
import dev.iamunit.eval.ConditionResult;
import dev.iamunit.eval.Request;
import dev.iamunit.model.ActionElement;
import dev.iamunit.model.Effect;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A statement compiled once for fast matching: action patterns, resource templates, principal
 * matcher and conditions. A value a loader could not compute matches as broadly as it could
 * ({@code *}, or a condition taken as met), and such a match is flagged as unresolved.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompiledStatement {

  private static final CompiledCondition[] NO_CONDITIONS = {};
  private static final boolean[] NONE_UNRESOLVED = {};

  private final Statement statement;
  private final Wildcard[] actions;
  private final ValueTemplate[] resources;
  private final PrincipalMatcher principal;
  private final CompiledCondition[] conditions;
  private final boolean[] conditionUnresolved;
  private final boolean unresolved;
  private final boolean actionNegated;
  private final boolean resourceNegated;
  /**
   * Resource {@code *} (or a list holding it), no Principal, no condition: the statement applies to
   * every request its action selects, as FullAWSAccess does at every level of an organization.
   */
  private final boolean appliesWhateverTheResource;
  /**
   * For a statement with unknown values, the statement read as narrowly as they allow (see
   * {@link #certainlyApplies}); null without unknowns, and when a condition holds one, since no
   * reading makes such a condition certain.
   */
  private final CompiledStatement certain;

  public CompiledStatement(Statement statement, boolean variables) {
    this.statement = statement;
    this.unresolved = !statement.unresolved().isEmpty();
    this.actionNegated = statement.action().negated();
    this.resourceNegated = statement.resource().isPresent() && statement.resource().get().negated();
    List<String> actionValues = excludingUnknown(statement.action().values(), actionNegated);
    this.actions = new Wildcard[actionValues.size()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = Wildcard.of(broad(actionValues.get(i)).strip());
    }
    this.resources = statement.resource().isPresent()
        ? templates(excludingUnknown(statement.resource().get().values(), resourceNegated), variables) : null;
    this.principal = statement.principal().isPresent() ? new PrincipalMatcher(statement.principal().get(), statement.effect() == Effect.DENY) : null;
    int count = statement.conditions().size();
    // Most statements have no condition; a set is compiled for every line of a case file.
    this.conditions = count == 0 ? NO_CONDITIONS : new CompiledCondition[count];
    this.conditionUnresolved = count == 0 ? NONE_UNRESOLVED : new boolean[count];
    for (int i = 0; i < count; i++) {
      var condition = statement.conditions().get(i);
      conditionUnresolved[i] = Unresolved.isIn(condition.key());
      for (String value : condition.values()) {
        conditionUnresolved[i] |= Unresolved.isIn(value);
      }
      conditions[i] = conditionUnresolved[i] ? null : new CompiledCondition(condition, variables);
    }
    this.appliesWhateverTheResource = resources != null && !resourceNegated && anyStar(resources) && principal == null && count == 0;
    this.certain = unresolved && !anyTrue(conditionUnresolved) && everyUnknownStandsInAnElement(statement)
        ? new CompiledStatement(narrow(statement), variables) : null;
  }

  /**
   * Whether every unknown value of the statement stands inside its Action, Resource or Principal.
   * An unknown that stands in none of them (whether the resource declaring the statement exists at
   * all, say) can remove the whole statement, so no reading of the elements makes it certain.
   */
  private static boolean everyUnknownStandsInAnElement(Statement statement) {
    for (Unresolved value : statement.unresolved()) {
      String placeholder = value.placeholder();
      boolean found = statement.action().values().stream().anyMatch(v -> v.contains(placeholder))
          || statement.resource().stream().flatMap(r -> r.values().stream()).anyMatch(v -> v.contains(placeholder))
          || statement.principal().stream().flatMap(p -> p.byType().values().stream())
              .flatMap(List::stream).anyMatch(v -> v.contains(placeholder));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyStar(ValueTemplate[] templates) {
    for (ValueTemplate template : templates) {
      if (template.isStar()) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyTrue(boolean[] flags) {
    for (boolean flag : flags) {
      if (flag) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statement as it applies whatever its unknown values are: in Action, Resource and
   * Principal an unknown value may match nothing, so it is left out; in NotAction, NotResource and
   * NotPrincipal it may exclude anything, so it is read as {@code *} (the opposite of how
   * {@link #matchBeyondAction} reads it, as broadly as it could apply).
   */
  private static Statement narrow(Statement statement) {
    ActionElement action = statement.action();
    Optional<ResourceElement> resource = statement.resource()
        .map(r -> new ResourceElement(narrow(r.values(), r.negated()), r.negated(), r.location()));
    Optional<PrincipalElement> principal = statement.principal().map(p -> {
      Map<String, List<String>> byType = new LinkedHashMap<>();
      // Principal values take no wildcards: an unknown one in NotPrincipal is "*" as a whole.
      p.byType().forEach((type, values) -> byType.put(type,
          narrow(p.negated() ? values.stream().map(v -> Unresolved.isIn(v) ? "*" : v).toList() : values, p.negated())));
      return new PrincipalElement(p.negated(), p.anyone(), byType, p.location());
    });
    return new Statement(statement.sid(), statement.effect(),
        new ActionElement(narrow(action.values(), action.negated()), action.negated(), action.location()),
        resource, principal, statement.conditions(), statement.index(), statement.location(), List.of());
  }

  private static List<String> narrow(List<String> values, boolean negated) {
    List<String> narrowed = new ArrayList<>();
    for (String value : values) {
      if (negated) {
        narrowed.add(Unresolved.replacePlaceholders(value, "*"));
      } else if (!Unresolved.isIn(value)) {
        narrowed.add(value);
      }
    }
    return narrowed;
  }

  /**
   * Whether this statement, which applied to {@code request} reading its unknown values as
   * broadly as they could be, applies whatever they are, with the same grant: then the decision
   * does not depend on them. Asked only of statements with unknown values, which are rare.
   */
  public boolean certainlyApplies(
      Request request, Supplier<PrincipalIdentity> caller, boolean hasBoundary, PrincipalMatcher.Grant grant) {
    if (certain == null || certain.listsAction(request.action()) == certain.actionNegated()) {
      return false;
    }
    PrincipalMatcher.Grant[] narrowGrant = {PrincipalMatcher.Grant.NONE};
    return certain.matchBeyondAction(request, caller, hasBoundary, narrowGrant, null) == Applicability.APPLIED
        && narrowGrant[0] == grant;
  }

  private static ValueTemplate[] templates(List<String> values, boolean variables) {
    ValueTemplate[] templates = new ValueTemplate[values.size()];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = ValueTemplate.parse(broad(values.get(i)), variables);
    }
    return templates;
  }

  /**
   * In NotAction and NotResource, a value a loader could not compute could be anything, so it
   * excludes nothing for certain: it is left out, and the statement applies wherever some value
   * would not exclude the request. Read as {@code *} it would exclude everything and hide a Deny
   * that the real value may let apply (issue 20: every decision an unknown value could change is
   * found).
   */
  private static List<String> excludingUnknown(List<String> values, boolean negated) {
    if (!negated) {
      return values;
    }
    // No stream: a policy set is compiled for every line of a case file.
    for (int i = 0; i < values.size(); i++) {
      if (Unresolved.isIn(values.get(i))) {
        return values.stream().filter(v -> !Unresolved.isIn(v)).toList();
      }
    }
    return values;
  }

  private static String broad(String value) {
    return Unresolved.isIn(value) ? Unresolved.replacePlaceholders(value, "*") : value;
  }

  public Statement statement() {
    return statement;
  }

  public Effect effect() {
    return statement.effect();
  }

  /** Whether matching relied on values a loader could not compute. */
  public boolean unresolved() {
    return unresolved;
  }

  /** The patterns of Action or NotAction. */
  Wildcard[] actionPatterns() {
    return actions;
  }

  /** Whether the statement has Principal or NotPrincipal, the only element that grants ({@link #matchBeyondAction}'s {@code grant}). */
  public boolean hasPrincipal() {
    return principal != null;
  }

  public boolean actionNegated() {
    return actionNegated;
  }

  /** Whether a pattern of Action or NotAction matches {@code action}, before NotAction's negation. */
  public boolean listsAction(String action) {
    for (Wildcard pattern : actions) {
      if (pattern.matches(action, true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches the request to a statement whose Action or NotAction matched it (the caller knows,
   * from the policy's {@link ActionIndex} or {@link #listsAction}), stopping at the first element
   * that does not match; fills {@code conditionResults} when it is not null. {@code hasBoundary}:
   * the caller has a permissions boundary, which NotPrincipal in a Deny never exempts. {@code
   * caller} is asked only by statements with Principal or NotPrincipal, so that identity policies
   * never parse the principal's ARN.
   */
  public Applicability matchBeyondAction(
      Request request,
      Supplier<PrincipalIdentity> caller,
      boolean hasBoundary,
      PrincipalMatcher.Grant[] grant,
      List<ConditionResult> conditionResults) {
    if (appliesWhateverTheResource) {
      return Applicability.APPLIED;
    }
    if (resources != null && !matchesResource(request)) {
      return Applicability.RESOURCE_NOT_MATCHED;
    }
    if (principal != null) {
      PrincipalMatcher.Grant how = principal.match(caller.get(), hasBoundary && statement.effect() == Effect.DENY);
      if (how == PrincipalMatcher.Grant.NONE) {
        return Applicability.PRINCIPAL_NOT_MATCHED;
      }
      if (grant != null) {
        grant[0] = how;
      }
    }
    boolean met = true;
    for (int i = 0; i < conditions.length; i++) {
      boolean holds = conditions[i] == null || conditions[i].test(request.context());
      if (conditionResults != null) {
        conditionResults.add(
            new ConditionResult(statement.conditions().get(i), holds, request.context().get(statement.conditions().get(i).key())));
      } else if (!holds) {
        return Applicability.CONDITION_NOT_MET;
      }
      met &= holds;
    }
    return met ? Applicability.APPLIED : Applicability.CONDITION_NOT_MET;
  }

  private boolean matchesResource(Request request) {
    boolean negated = resourceNegated;
    for (ValueTemplate template : resources) {
      // A pattern holding a variable with no value is "effectively null" (IAM User Guide, "IAM
      // policy elements: Variables and tags", "Policy variables with no value"): no ARN is equal
      // to or like it, so it matches no resource. The same principle decides both elements, as it
      // decides StringLike and StringNotLike: in Resource such a pattern grants nothing, and in
      // NotResource it excludes nothing, so a NotResource made only of such patterns applies to
      // every resource. (An earlier reading took the pattern as `*` in NotResource, "so that an
      // unknown value never widens a statement"; for a Deny with NotResource that hid the deny
      // AWS applies.)
      Wildcard pattern = template.resolve(request.context());
      if (pattern != null && ArnMatcher.matchesResource(pattern, request.resource())) {
        return !negated;
      }
    }
    return negated;
  }
}
