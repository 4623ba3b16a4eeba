package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The texts that a set of {@link TextTest}s cannot tell apart, as regions: two texts are in one
 * region when every test answers both alike. One representative per non-empty region, found by a
 * breadth-first search over the product of the tests' automata (each test's automaton, and one
 * that recognizes an ARN, the {@code arn:} prefix and five colons, since ARN comparisons depend
 * on it).
 *
 * <p>The alphabet is finite and exact: each literal character of a pattern, every character equal
 * to one ignoring case ({@link Character#toLowerCase}, as the evaluator compares), the characters
 * of {@code arn:}, and one character that no pattern names, which stands for all the others: no
 * test can tell those apart.
 */
@API(status = INTERNAL, since = "0.1")
public final class TextRegions {

  /**
   * The representatives found.
   *
   * @param representatives one text per region, seeds first where a seed is in the region
   * @param complete false when the search stopped at its bound before visiting every state
   */
  public record Result(List<String> representatives, boolean complete) {}

  private static final int ARN_STATE = 8;
  private static final int NOT_ARN = 9;

  private TextRegions() {}

  /**
   * One representative of each region of {@code tests} whose answers {@code keep} accepts (the
   * bit of a test is its index), preferring {@code seeds}; at most {@code maxStates} states of
   * the product are visited.
   */
  public static Result of(List<TextTest> tests, List<String> seeds, Predicate<BitSet> keep, int maxStates) {
    return of(tests, seeds, keep, -1, maxStates);
  }

  /**
   * As {@link #of(List, List, Predicate, int)}, for regions in which test {@code required} passes
   * (it must be an {@link TextTest.Mode#ARN_PARTS} test, or -1 for none): the search leaves every
   * text that can no longer pass it, so that its cost follows the required pattern.
   */
  public static Result of(List<TextTest> tests, List<String> seeds, Predicate<BitSet> keep, int required, int maxStates) {
    List<TextMachine> machines = tests.stream().map(TextMachine::new).toList();
    Map<BitSet, String> found = new LinkedHashMap<>();
    for (String seed : seeds) {
      BitSet answers = answersOf(machines, seed);
      if (keep.test(answers)) {
        found.putIfAbsent(answers, seed);
      }
    }
    char[] alphabet = alphabet(machines);
    record Node(int[] state, int parent, char c) {}
    List<Node> nodes = new ArrayList<>();
    Map<Key, Boolean> seen = new HashMap<>();
    int[] start = new int[1 + 2 * machines.size()];
    for (int i = 0; i < machines.size(); i++) {
      start[1 + 2 * i] = machines.get(i).whole ? machines.get(i).start(false) : -1;
      start[2 + 2 * i] = machines.get(i).partByPart ? machines.get(i).start(true) : -1;
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    nodes.add(new Node(start, -1, '\0'));
    seen.put(new Key(start), Boolean.TRUE);
    queue.add(0);
    boolean complete = true;
    while (!queue.isEmpty()) {
      int index = queue.poll();
      int[] state = nodes.get(index).state();
      BitSet answers = answers(machines, state);
      if (keep.test(answers) && !found.containsKey(answers)) {
        StringBuilder text = new StringBuilder();
        for (int n = index; nodes.get(n).parent() >= 0; n = nodes.get(n).parent()) {
          text.append(nodes.get(n).c());
        }
        found.put(answers, text.reverse().toString());
      }
      for (char c : alphabet) {
        int[] next = new int[state.length];
        next[0] = arnStep(state[0], c);
        for (int i = 0; i < machines.size(); i++) {
          TextMachine m = machines.get(i);
          next[1 + 2 * i] = state[1 + 2 * i] < 0 ? -1 : m.step(state[1 + 2 * i], c, false);
          next[2 + 2 * i] = state[2 + 2 * i] < 0 ? -1 : m.step(state[2 + 2 * i], c, true);
        }
        if (required >= 0 && (next[0] == NOT_ARN || machines.get(required).dead(next[2 + 2 * required]))) {
          continue;
        }
        if (seen.putIfAbsent(new Key(next), Boolean.TRUE) == null) {
          if (nodes.size() >= maxStates) {
            complete = false;
            queue.clear();
            break;
          }
          nodes.add(new Node(next, index, c));
          queue.add(nodes.size() - 1);
        }
      }
    }
    return new Result(List.copyOf(found.values()), complete);
  }

  /** Which tests {@code text} passes: bit i for test i. */
  public static BitSet answers(List<TextTest> tests, String text) {
    return answers(tests, List.of(text)).get(0);
  }

  /** Which tests each of {@code texts} passes, the tests' automata built once. */
  public static List<BitSet> answers(List<TextTest> tests, List<String> texts) {
    List<TextMachine> machines = tests.stream().map(TextMachine::new).toList();
    return texts.stream().map(text -> answersOf(machines, text)).toList();
  }

  private static BitSet answersOf(List<TextMachine> machines, String text) {
    int[] state = new int[1 + 2 * machines.size()];
    for (int i = 0; i < machines.size(); i++) {
      state[1 + 2 * i] = machines.get(i).whole ? machines.get(i).start(false) : -1;
      state[2 + 2 * i] = machines.get(i).partByPart ? machines.get(i).start(true) : -1;
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      state[0] = arnStep(state[0], c);
      for (int i = 0; i < machines.size(); i++) {
        TextMachine m = machines.get(i);
        state[1 + 2 * i] = state[1 + 2 * i] < 0 ? -1 : m.step(state[1 + 2 * i], c, false);
        state[2 + 2 * i] = state[2 + 2 * i] < 0 ? -1 : m.step(state[2 + 2 * i], c, true);
      }
    }
    return answers(machines, state);
  }

  private static BitSet answers(List<TextMachine> machines, int[] state) {
    BitSet answers = new BitSet();
    boolean arn = state[0] == ARN_STATE;
    for (int i = 0; i < machines.size(); i++) {
      TextMachine m = machines.get(i);
      boolean wholeMatch = state[1 + 2 * i] >= 0 && m.accepts(state[1 + 2 * i]);
      boolean partsMatch = state[2 + 2 * i] >= 0 && m.accepts(state[2 + 2 * i]);
      boolean result;
      if (m.star) {
        result = true;
      } else if (!m.whole) {
        result = (arn || m.partsOfAnyText) && partsMatch;
      } else if (m.partByPart) {
        result = arn ? partsMatch : wholeMatch;
      } else {
        result = wholeMatch;
      }
      answers.set(i, result);
    }
    return answers;
  }

  /** Recognizes an ARN as the evaluator does: {@code arn:} and then four more colons. */
  private static int arnStep(int state, char c) {
    return switch (state) {
      case 0 -> c == 'a' ? 1 : NOT_ARN;
      case 1 -> c == 'r' ? 2 : NOT_ARN;
      case 2 -> c == 'n' ? 3 : NOT_ARN;
      case 3 -> c == ':' ? 4 : NOT_ARN;
      case 4, 5, 6, 7 -> c == ':' ? state + 1 : state;
      default -> state;
    };
  }

  private static char[] alphabet(List<TextMachine> machines) {
    Set<Character> literal = new TreeSet<>();
    for (TextMachine m : machines) {
      m.literals(literal);
    }
    literal.addAll(List.of('a', 'r', 'n', ':'));
    Set<Character> closed = new TreeSet<>();
    for (char c : literal) {
      closed.addAll(CaseGroups.of(c));
    }
    StringBuilder out = new StringBuilder();
    for (char c : "xyzqjkvwb0123456789-_.~".toCharArray()) {
      if (!closed.contains(c)) {
        out.append(c);
        break;
      }
    }
    for (char c = 0x100; out.length() == 0; c++) {
      if (!closed.contains(c) && CaseGroups.of(c).stream().noneMatch(closed::contains)) {
        out.append(c);
      }
    }
    // Lower case first, upper case last: the search finds the shortest text of each region in
    // this order, and reports read better with arn:aws: than with arn:AWS:.
    closed.stream().sorted(java.util.Comparator.comparingInt(TextRegions::readability).thenComparing(c -> c))
        .forEach(out::append);
    return out.toString().toCharArray();
  }

  private static int readability(char c) {
    return Character.isLowerCase(c) ? 0 : Character.isDigit(c) ? 1 : c < 128 && !Character.isUpperCase(c) ? 2 : Character.isUpperCase(c) ? 3 : 4;
  }

  /** A product state, compared by value. */
  private record Key(int[] state) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && Arrays.equals(state, that.state);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(state);
    }
  }
}
