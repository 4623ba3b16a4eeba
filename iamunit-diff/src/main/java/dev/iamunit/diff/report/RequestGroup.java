package dev.iamunit.diff.report;

import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.SideDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that differ the same way for one principal, action and resource, and so read as one line
 * of a report listing the credentials and contexts they hold for.
 *
 * @param change how they differ
 * @param principal {@code user MFAUser}
 * @param action the action
 * @param resource the resource
 * @param base the base version's decision, the same for every row
 * @param head the head version's decision
 * @param conditions each row's credentials and extra context
 * @param alike the rows' other actions alike, every one named ({@link DiffRow#alikeText(int)})
 */
record RequestGroup(
    Change change, String principal, String action, String resource, SideDecision base, SideDecision head,
    List<String> conditions, String alike) {

  /** Groups {@code rows}, which come sorted, keeping their order. */
  static List<RequestGroup> of(List<DiffRow> rows) {
    record Key(Change change, String principal, String action, String resource, SideDecision base, SideDecision head, String alike) {}
    Map<Key, List<String>> groups = new LinkedHashMap<>();
    for (DiffRow row : rows) {
      Key key = new Key(row.change(), row.principal(), row.action(), row.resource(), row.base(), row.head(),
          row.alikeText(Integer.MAX_VALUE));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row.conditionsLabel());
    }
    List<RequestGroup> out = new ArrayList<>();
    groups.forEach((k, conditions) ->
        out.add(new RequestGroup(k.change(), k.principal(), k.action(), k.resource(), k.base(), k.head(), List.copyOf(conditions), k.alike())));
    return out;
  }

  String conditionsText() {
    return String.join("; ", conditions);
  }
}
