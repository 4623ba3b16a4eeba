package dev.iamunit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where the reader says each value and key was written, and which duplicate keys it rejects. */
class JsonDocumentsTests {

  @Test
  void locatesEveryKindOfValueAndKeyAcrossLines() {
    String json = "{\"a\": [1, \"x\",\n  true, null, {\"b\":\n\"c\"}],\r\n \"d\" : 2.5}\n";
    DocObject root = (DocObject) JsonDocuments.read(json, "f.json");
    DocObject.Member a = root.members().get(0);
    List<DocNode> items = ((DocArray) a.value()).items();
    DocObject.Member b = ((DocObject) items.get(4)).members().get(0);
    DocObject.Member d = root.members().get(1);

    assertThat(List.of(root.location(), a.keyLocation(), a.value().location()))
        .extracting(SourceLocation::toString)
        .containsExactly("f.json:1:1", "f.json:1:2", "f.json:1:7");
    assertThat(items).extracting(n -> n.location().toString())
        .containsExactly("f.json:1:8", "f.json:1:11", "f.json:2:3", "f.json:2:9", "f.json:2:15");
    assertThat(List.of(b.keyLocation(), b.value().location(), d.keyLocation(), d.value().location()))
        .extracting(SourceLocation::toString)
        .containsExactly("f.json:2:16", "f.json:3:1", "f.json:4:2", "f.json:4:8");
  }

  @Test
  void locatesValuesOfTextThatStartsInsideAnotherFile() {
    DocObject root = (DocObject) JsonDocuments.read("{\"k\": \"v\",\n\"n\": 1}", SourceLocation.of("main.tf", 7, 20));

    assertThat(root.members()).extracting(m -> m.value().location().toString())
        .containsExactly("main.tf:7:26", "main.tf:8:6");
  }

  @Test
  void rejectsADuplicateKeyInASmallAndInALargeObject() {
    assertThatThrownBy(() -> JsonDocuments.read("{\"a\":1,\n\"b\":2,\"a\":3}", "f.json"))
        .isInstanceOf(IamUnitException.class)
        .hasMessage("f.json:2:7: duplicate key \"a\" (first at line 1); AWS rejects documents with duplicate keys: keep one");

    String many = IntStream.range(0, 20).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(",\n"));
    assertThatThrownBy(() -> JsonDocuments.read("{" + many + ",\n\"k3\":0}", "f.json"))
        .isInstanceOf(IamUnitException.class)
        .hasMessage("f.json:21:1: duplicate key \"k3\" (first at line 4); AWS rejects documents with duplicate keys: keep one");
  }
}
