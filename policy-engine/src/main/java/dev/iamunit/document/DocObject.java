package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object, its members in the order written (duplicates kept, for the parser to report).
 * Immutable; equal when members and location are.
 */
public final class DocObject implements DocNode {

  /** One {@code "key": value} pair, with the location of its key. Immutable; equal when key, key location and value are. */
  public static final class Member {
    private final String key;
    private final DocNode value;
    private final SourceLocation origin;
    private final int line;
    private final int column;

    public Member(String key, SourceLocation keyLocation, DocNode value) {
      this(key, keyLocation, Locations.WHOLE, Locations.WHOLE, value);
    }

    /** A member read from a document that starts at {@code origin}: see {@link Locations}. */
    Member(String key, SourceLocation origin, int line, int column, DocNode value) {
      this.key = Objects.requireNonNull(key, "key");
      this.origin = Objects.requireNonNull(origin, "keyLocation");
      this.line = line;
      this.column = column;
      this.value = Objects.requireNonNull(value, "value");
    }

    public String key() {
      return key;
    }

    public SourceLocation keyLocation() {
      return Locations.at(origin, line, column);
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
  private final SourceLocation origin;
  private final int line;
  private final int column;

  public DocObject(List<Member> members, SourceLocation location) {
    this(List.copyOf(members), location, Locations.WHOLE, Locations.WHOLE);
  }

  /** An object read from a document that starts at {@code origin}, its members a List.of list: see {@link Locations}. */
  DocObject(List<Member> members, SourceLocation origin, int line, int column) {
    this.members = members;
    this.origin = Objects.requireNonNull(origin, "location");
    this.line = line;
    this.column = column;
  }

  public List<Member> members() {
    return members;
  }

  @Override
  public SourceLocation location() {
    return Locations.at(origin, line, column);
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
    return "an object";
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
