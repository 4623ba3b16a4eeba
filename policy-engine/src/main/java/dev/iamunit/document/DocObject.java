package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A JSON object, its members in the order written (duplicates kept, for the parser to report).
 * Immutable; equal when members and location are.
 */
@API(status = INTERNAL, since = "0.1")
public final class DocObject extends Located implements DocNode {

  /** What {@link #describe()} says of every object. */
  static final String DESCRIPTION = "an object";

  /** One {@code "key": value} pair, with the location of its key. Immutable; equal when key, key location and value are. */
  public static final class Member extends Located {
    private final String key;
    private final DocNode value;

    public Member(String key, SourceLocation keyLocation, DocNode value) {
      this(key, keyLocation, WHOLE, WHOLE, value);
    }

    /** A member read from a document that starts at {@code origin}: see {@link Located}. */
    Member(String key, SourceLocation origin, int line, int column, DocNode value) {
      super(origin, line, column, "keyLocation");
      this.key = Objects.requireNonNull(key, "key");
      this.value = Objects.requireNonNull(value, "value");
    }

    public String key() {
      return key;
    }

    public SourceLocation keyLocation() {
      return located();
    }

    public DocNode value() {
      return value;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Member that
          && key.equals(that.key)
          && keyLocation().equals(that.keyLocation())
          && value.equals(that.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, keyLocation(), value);
    }

    @Override
    public String toString() {
      return "Member[key=" + key + ", keyLocation=" + keyLocation() + ", value=" + value + "]";
    }
  }

  private final List<Member> members;

  public DocObject(List<Member> members, SourceLocation location) {
    this(List.copyOf(members), location, WHOLE, WHOLE);
  }

  /** An object read from a document that starts at {@code origin}, its members a List.of list: see {@link Located}. */
  DocObject(List<Member> members, SourceLocation origin, int line, int column) {
    super(origin, line, column, "location");
    this.members = members;
  }

  public List<Member> members() {
    return members;
  }

  @Override
  public SourceLocation location() {
    return located();
  }

  /** The first member named {@code key}. */
  public Optional<Member> member(String key) {
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      if (member.key().equals(key)) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return DESCRIPTION;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocObject that && members.equals(that.members) && location().equals(that.location());
  }

  @Override
  public int hashCode() {
    return Objects.hash(members, location());
  }

  @Override
  public String toString() {
    return "DocObject[members=" + members + ", location=" + location() + "]";
  }
}
