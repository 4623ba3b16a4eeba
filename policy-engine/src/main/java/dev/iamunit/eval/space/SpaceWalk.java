package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The walk over a complete request space, shared by the access diff (which decides each request in
 * two versions) and the search for allowed requests ({@link AllowedRequests}, one version): for one
 * principal, each class of actions ({@link ActionClasses}) restricted to the actions asked, each
 * kind of credentials, and one request per region of resources and contexts ({@link
 * RequestRegions}), each handed to a {@link Visitor} that decides it. Where the regions of a class
 * are a sample ({@link ActionRegions#gaps()}), the walk names the class in {@link
 * Walked#sampled()}: a walk proves only what it does not name there.
 *
 * <p>Thread-safe: the regions are cached by what they depend on, and each walk keeps its own counts.
 * A walk computes the regions of several classes at once, on the common fork-join pool's threads
 * beside its own (a cold search is mostly regions, of hundreds of classes); the visitor is called
 * on the walking thread only, in the classes' order, so a walk's requests and results are the same
 * as one class after another.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SpaceWalk {

  /** Decides the requests of a walk. */
  @FunctionalInterface
  public interface Visitor {

    /**
     * Decides one request: {@code target}'s action (a member of {@code actions}) on its resource,
     * with {@code credentials}, the caller's context with {@code context} added (the keys of the
     * request's region; those not varied left out, a key left out is absent).
     */
    void request(ActionClasses.ActionClass actions, ActionRegions.Target target, CredentialKind credentials,
        Map<String, KeyValue> context);

    /**
     * Whether to walk {@code actions}: false when the answer is known without a request (the diff
     * skips a class no changed statement can apply to), which the walk counts as {@link
     * Walked#skipped()}. Asked in the classes' order, but a few classes ahead of their requests
     * (the regions of a batch of classes are computed at once).
     */
    default boolean walks(ActionClasses.ActionClass actions) {
      return true;
    }

    /**
     * The regions of {@code actions} with {@code credentials} are a sample ({@code
     * regions.gaps()}): true when the visitor decided its requests another way (the diff's sampled
     * space), false to have the walk decide the requests of these regions as they are.
     */
    default boolean decidedOtherwise(ActionClasses.ActionClass actions, CredentialKind credentials, ActionRegions regions) {
      return false;
    }
  }

  /**
   * A class of actions whose regions were a sample, not the complete space.
   *
   * @param action the action asked for the class
   * @param alike how many more actions the class holds
   * @param why what made the regions a sample ({@link ActionRegions#gaps()})
   */
  public record Sampled(String action, int alike, List<String> why) {
    public Sampled {
      why = List.copyOf(why);
    }

    /** {@code s3:GetObject (and 3 more actions treated alike): why; why}, as reports name it. */
    public String describe() {
      return action + (alike > 0 ? " (and " + alike + " more actions treated alike)" : "") + ": " + String.join("; ", why);
    }
  }

  /**
   * What one walk did.
   *
   * @param sampled the classes whose regions were a sample, with one kind of credentials or more
   * @param classes how many classes were asked, skipped ones included
   * @param skipped how many classes the visitor did not walk ({@link Visitor#walks})
   * @param actions how many actions the classes asked hold
   * @param requests how many requests were handed to the visitor
   * @param mostContexts the most contexts of the regions of one class and kind of credentials walked
   */
  public record Walked(List<Sampled> sampled, int classes, int skipped, int actions, long requests, int mostContexts) {
    public Walked {
      sampled = List.copyOf(sampled);
    }
  }

  private final ActionClasses classes;
  private final RequestRegions regions;

  private SpaceWalk(ActionClasses classes, RequestRegions regions) {
    this.classes = classes;
    this.regions = regions;
  }

  /**
   * The space of the principals of {@code accounts} under {@code policies} (every policy that can
   * apply to their requests, {@link ApplicablePolicies}), with {@code aws}'s catalog.
   */
  public static SpaceWalk of(List<Account> accounts, List<Policy> policies, AwsData aws) {
    List<PolicyStatement> statements = PolicyStatement.of(policies);
    return new SpaceWalk(ActionClasses.of(statements, aws), RequestRegions.of(accounts, statements, aws));
  }

  /**
   * The members of {@code actions} other than {@code target}'s action that AWS sends with {@code
   * target}'s resource ({@link RequestRegions#sentWith}): the actions a finding on it may name as
   * alike.
   */
  public List<String> alike(ActionClasses.ActionClass actions, ActionRegions.Target target) {
    return regions.sentWith(actions, target.resource()).stream().filter(m -> !m.equals(target.action())).toList();
  }

  /**
   * A request a finding on another ARN format of a region names: {@code action} on {@code
   * resource}, and the members {@code alike} that AWS sends with it too.
   */
  public record OtherFormat(String action, String resource, List<String> alike) {
    public OtherFormat {
      alike = List.copyOf(alike);
    }
  }

  /**
   * The requests that name the members of {@code actions} sent with {@code target}'s region's ARNs
   * of other formats ({@link ActionRegions.Target#alsoHeld}) and not with its resource: for each
   * such ARN, the members AWS sends with it that no earlier request names, the first as the
   * request's action and the others alike. Every test answers those ARNs as {@code target}'s
   * resource, so the policies decide these requests as they decide {@code target}; but AWS never
   * sends these members with {@code target}'s resource, so a finding names them on their own ARN.
   */
  public List<OtherFormat> otherFormats(ActionClasses.ActionClass actions, ActionRegions.Target target) {
    if (target.alsoHeld().isEmpty()) {
      return List.of();
    }
    Set<String> named = new java.util.HashSet<>(regions.sentWith(actions, target.resource()));
    named.add(target.action());
    List<OtherFormat> out = new ArrayList<>();
    for (ActionRegions.Target held : target.alsoHeld()) {
      List<String> members = new ArrayList<>();
      for (String member : regions.sentWith(actions, held.resource())) {
        if (named.add(member)) {
          members.add(member);
        }
      }
      if (!members.isEmpty()) {
        out.add(new OtherFormat(members.get(0), held.resource(), members.subList(1, members.size())));
      }
    }
    return out;
  }

  /** The classes of actions walked. */
  public ActionClasses classes() {
    return classes;
  }

  /**
   * Walks the requests of one principal: each class's members that {@code actions} accepts, with
   * each kind of credentials of {@code contexts} (in order), whose values are the principal's
   * context with those credentials in each version compared (its tags may differ). {@code seeds}
   * are resources to prefer as representatives (readable names). {@code notVaried} are context keys
   * (in any case) the caller sets itself, such as a test's fixed keys: the walk leaves them out of
   * each region, so that the caller's value stands, and asks each context that remains once.
   */
  public Walked walk(Map<CredentialKind, List<RequestContext>> contexts, List<String> seeds, Predicate<String> actions,
      Set<String> notVaried, Visitor visitor) {
    Set<String> fixed = new LinkedHashSet<>();
    notVaried.forEach(k -> fixed.add(k.toLowerCase(Locale.ROOT)));
    List<Map.Entry<CredentialKind, List<RequestContext>>> kinds = List.copyOf(contexts.entrySet());
    TimeRegions.notVariedTogether(fixed);
    List<Sampled> sampled = new ArrayList<>();
    int asked = 0;
    int skipped = 0;
    int members = 0;
    long requests = 0;
    int mostContexts = 0;
    List<ActionClasses.ActionClass> batch = new ArrayList<>(BATCH);
    List<ActionClasses.ActionClass> all = classes.classes();
    for (int next = 0; next < all.size() || !batch.isEmpty();) {
      // The classes to walk, a batch at a time: their regions are computed at once (regions()),
      // then their requests handed to the visitor one class after another, in order.
      while (next < all.size() && batch.size() < BATCH) {
        ActionClasses.ActionClass whole = all.get(next++);
        List<String> kept = kept(whole.members(), actions);
        if (kept.isEmpty()) {
          continue;
        }
        // A class asked whole is the class itself: its regions are cached by it, without copying
        // and hashing its members anew.
        ActionClasses.ActionClass actionClass = kept == whole.members() ? whole : new ActionClasses.ActionClass(kept.get(0), kept);
        asked++;
        members += kept.size();
        if (!visitor.walks(actionClass)) {
          skipped++;
          continue;
        }
        batch.add(actionClass);
      }
      ActionRegions[] spaces = regions(batch, kinds, seeds, fixed);
      for (int c = 0; c < batch.size(); c++) {
        ActionClasses.ActionClass actionClass = batch.get(c);
        Set<String> why = new LinkedHashSet<>();
        for (int k = 0; k < kinds.size(); k++) {
          CredentialKind kind = kinds.get(k).getKey();
          ActionRegions space = spaces[c * kinds.size() + k];
          why.addAll(space.gaps());
          if (!space.complete() && visitor.decidedOtherwise(actionClass, kind, space)) {
            continue;
          }
          List<Map<String, KeyValue>> varied = varied(space.contexts(), fixed);
          mostContexts = Math.max(mostContexts, varied.size());
          for (ActionRegions.Target target : space.resources()) {
            for (Map<String, KeyValue> context : varied) {
              requests++;
              visitor.request(actionClass, target, kind, context);
            }
          }
        }
        if (!why.isEmpty()) {
          sampled.add(new Sampled(actionClass.representative(), actionClass.members().size() - 1, List.copyOf(why)));
        }
      }
      batch.clear();
    }
    return new Walked(sampled, asked, skipped, members, requests, mostContexts);
  }

  /**
   * How many classes' regions are computed at once: enough to keep both cores of a small machine
   * busy, few enough that a walk holds the regions of a few classes only (a diff's classes can hold
   * a thousand regions each).
   */
  static final int BATCH = 32;

  /**
   * The regions of each class of {@code batch} with each kind of credentials, class by class (index
   * {@code class * kinds + kind}), computed in parallel: the classes' regions are independent of
   * each other, and {@link RequestRegions} is thread-safe, its caches keyed by what each answer
   * depends on, so the answers are the same in any order. A failure is rethrown as it was, the
   * first in the walk's order, on the walking thread.
   */
  private ActionRegions[] regions(List<ActionClasses.ActionClass> batch, List<Map.Entry<CredentialKind, List<RequestContext>>> kinds,
      List<String> seeds, Set<String> notVaried) {
    int n = batch.size() * kinds.size();
    ActionRegions[] out = new ActionRegions[n];
    Throwable[] failed = new Throwable[n];
    java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, n);
    (n > 1 ? indices.parallel() : indices).forEach(i -> {
      try {
        out[i] = regions.regions(batch.get(i / kinds.size()), kinds.get(i % kinds.size()).getValue(), seeds, notVaried);
      } catch (RuntimeException | Error e) {
        failed[i] = e;
      }
    });
    for (Throwable e : failed) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error r) {
        throw r;
      }
    }
    return out;
  }

  /** The members {@code actions} accepts, in their order: {@code members} itself when it accepts all. */
  private static List<String> kept(List<String> members, Predicate<String> actions) {
    int n = members.size();
    int first = 0;
    while (first < n && actions.test(members.get(first))) {
      first++;
    }
    if (first == n) {
      return members;
    }
    List<String> kept = new ArrayList<>(members.subList(0, first));
    for (int i = first + 1; i < n; i++) {
      if (actions.test(members.get(i))) {
        kept.add(members.get(i));
      }
    }
    return kept;
  }

  /** The contexts of the regions without the keys not varied (lower case), each once. */
  private static List<Map<String, KeyValue>> varied(List<Map<String, KeyValue>> regions, Set<String> notVaried) {
    if (notVaried.isEmpty()) {
      return regions;
    }
    Set<Map<String, KeyValue>> out = new LinkedHashSet<>();
    for (Map<String, KeyValue> region : regions) {
      Map<String, KeyValue> context = new LinkedHashMap<>();
      region.forEach((key, value) -> {
        if (!notVaried.contains(key.toLowerCase(Locale.ROOT))) {
          context.put(key, value);
        }
      });
      out.add(context);
    }
    return List.copyOf(out);
  }
}
