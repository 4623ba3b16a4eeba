package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLineTests {

  @Test
  void splitsQuotedCellsWithCommasAndQuotes() {
    assertThat(CsvLine.split("a,\"b,c\",,\"say \"\"hi\"\"\""))
        .containsExactly("a", "b,c", "", "say \"hi\"");
  }
}
