package dev.iamunit.diff;

import dev.iamunit.eval.Request;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests of the space whose decision depends on a value IAMUnit could not compute, in a
 * version where they could be newly allowed: the diff cannot call such a head "no new access". One
 * gap per statement (and value) responsible, with one request as an example and how many there are.
 */
final class UndecidedRequests {

  private record Entry(SourceLocation location, String what, String example, int count) {}

  /** By the gap's text, so that the list is sorted and the same in every run. */
  private final Map<String, Entry> entries = new TreeMap<>();

  /** Records that {@code request} in {@code version} could not be decided, and why. */
  void add(String version, Account account, Request request, UnresolvedValueException undecided) {
    for (Unresolved value : undecided.values()) {
      SourceLocation location = value.location();
      String what = value.display() + ": " + value.reason();
      for (Policy policy : AccountPolicies.of(account)) {
        for (Statement statement : policy.statements()) {
          if (statement.unresolved().contains(value)) {
            location = statement.location();
            what = statement.effect().json() + " statement " + statement.sid().orElse("#" + statement.index()) + " of "
                + policy.name() + " depends on " + value.display();
          }
        }
      }
      String key = location.fileAndLine() + " " + what;
      Entry earlier = entries.get(key);
      entries.put(key, earlier == null
          ? new Entry(location, what, version + ": " + Unresolved.readable(request.principal(), account.unresolved()) + " "
              + request.action() + " on " + Unresolved.readable(request.resource(), account.unresolved()), 1)
          : new Entry(earlier.location(), earlier.what(), earlier.example(), earlier.count() + 1));
    }
  }

  /** One gap per statement and value, naming an example request and how many could be new access. */
  List<LoadGaps.Gap> gaps() {
    List<LoadGaps.Gap> gaps = new ArrayList<>();
    for (Entry entry : entries.values()) {
      gaps.add(new LoadGaps.Gap(entry.location(), entry.what() + "; " + entry.count() + " request"
          + (entry.count() == 1 ? "" : "s") + " could be newly allowed, such as " + entry.example()));
    }
    return gaps;
  }
}
