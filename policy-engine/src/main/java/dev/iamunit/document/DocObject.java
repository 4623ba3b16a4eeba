package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A JSON object, its members in the order written (duplicates kept, for the parser to report). */
public record DocObject(List<Member> members, SourceLocation location) implements DocNode {

  /** One {@code "key": value} pair, with the location of its key. */
  public record Member(String key, SourceLocation keyLocation, DocNode value) {
    public Member {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyLocation, "keyLocation");
      Objects.requireNonNull(value, "value");
    }
  }

  public DocObject {
    members = List.copyOf(members);
    Objects.requireNonNull(location, "location");
  }

  /** The first member named {@code key}. */
  public Optional<Member> member(String key) {
    for (Member member : members) {
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
}
