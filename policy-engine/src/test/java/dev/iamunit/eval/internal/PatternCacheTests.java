package dev.iamunit.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.RequestContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache of compiled patterns compiles each text once and never grows past its bound. */
class PatternCacheTests {

  @Test
  void compilesATextOnceAndSharesTheResult() {
    AtomicInteger compiled = new AtomicInteger();
    PatternCache<Wildcard> cache = new PatternCache<>(text -> {
      compiled.incrementAndGet();
      return Wildcard.literal(text);
    });

    Wildcard first = cache.get("iam:ListUsers");

    assertThat(cache.get(new String("iam:ListUsers"))).isSameAs(first);
    assertThat(compiled).hasValue(1);
  }

  @Test
  void startsOverPastItsBoundAndKeepsNoLongText() {
    PatternCache<String> cache = new PatternCache<>(text -> text);
    for (int i = 0; i < PatternCache.MAX_ENTRIES * 3; i++) {
      cache.get("s3:Get" + i);
      assertThat(cache.size()).isLessThanOrEqualTo(PatternCache.MAX_ENTRIES);
    }
    int before = cache.size();

    cache.get("x".repeat(PatternCache.MAX_TEXT_LENGTH + 1));

    assertThat(cache.size()).isEqualTo(before);
  }

  @Test
  void cachedPatternsMatchAsFreshlyCompiledOnes() {
    ValueTemplate cached = ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", true);

    assertThat(ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", true)).isSameAs(cached);
    assertThat(ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", false)).isNotSameAs(cached);
    // Without variables (policy Version 2008-10-17) the text is taken literally, as AWS does.
    assertThat(ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", false).resolve(RequestContext.empty())
        .matches("arn:aws:iam::123456789012:user/${aws:username}", false)).isTrue();
    assertThat(ValueTemplate.parse("arn:aws:iam::*:user/${aws:username}", true).resolve(RequestContext.empty())).isNull();
    assertThat(Wildcard.of("iam:*MFA*").matches("iam:ListMFADevices", true)).isTrue();
  }
}
