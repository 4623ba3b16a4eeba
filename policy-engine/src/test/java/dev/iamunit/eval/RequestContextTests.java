package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A context never changes once built, whatever its builder does next; keys ignore case. */
class RequestContextTests {

  @Test
  void aBuiltContextKeepsItsValuesWhenItsBuilderGoesOn() {
    RequestContext.Builder builder = RequestContext.builder().put("aws:username", "alice").put("aws:SourceIp", "192.0.2.1");
    RequestContext first = builder.build();

    builder.put("aws:username", "bob").remove("aws:SourceIp").putMultivalued("aws:TagKeys", List.of("team"));
    RequestContext second = builder.build();
    builder.remove("aws:username");
    RequestContext third = builder.build();

    assertThat(first.lookup("aws:username").value()).isEqualTo("alice");
    assertThat(first.contains("aws:sourceip")).isTrue();
    assertThat(first.contains("aws:TagKeys")).isFalse();
    assertThat(second.lookup("aws:username").value()).isEqualTo("bob");
    assertThat(second.contains("aws:SourceIp")).isFalse();
    assertThat(second.get("AWS:TAGKEYS")).hasValueSatisfying(entry -> assertThat(entry.values()).containsExactly("team"));
    assertThat(third.contains("aws:username")).isFalse();
    assertThat(second.contains("aws:username")).isTrue();
  }

  @Test
  void aContextFromToBuilderLeavesTheOriginalAlone() {
    RequestContext original = RequestContext.builder().put("aws:username", "alice").build();

    RequestContext changed = original.toBuilder().put("aws:username", "bob").build();

    assertThat(original.lookup("aws:username").value()).isEqualTo("alice");
    assertThat(changed.lookup("aws:username").value()).isEqualTo("bob");
  }
}
