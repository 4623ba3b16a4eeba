package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** When a diff fails the build: {@code --fail-on new-access} makes {@code iamunit diff} a gate. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Gate {
  /**
   * Any request the head allows and the base denied, or anything in the head IAMUnit could not
   * evaluate that could grant access.
   */
  NEW_ACCESS("new-access"),
  /** Any difference, new access, removed access or a changed reason. */
  ANY_CHANGE("any-change"),
  /** Never: the diff is a report only. */
  NEVER("never");

  private final String id;

  Gate(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean fails(AccessDiff diff) {
    return switch (this) {
      case NEW_ACCESS -> diff.hasNewAccess() || diff.mayHaveUnseenAccess();
      case ANY_CHANGE -> !diff.isEmpty();
      case NEVER -> false;
    };
  }

  /** The gate named {@code name}: {@code new-access}, {@code any-change} or {@code never}. */
  public static Gate named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(g -> g.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown --fail-on value \"" + name + "\"; use one of "
            + Arrays.stream(values()).map(Gate::id).collect(Collectors.joining(", "))));
  }
}
