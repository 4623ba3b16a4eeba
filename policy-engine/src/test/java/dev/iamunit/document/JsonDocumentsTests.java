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
  void aTreeReadFromJsonEqualsTheSameTreeBuiltWithWholeLocations() {
    // Read nodes keep their line and column as numbers (Located); built nodes keep a location.
    // Both must be equal, hash alike and print alike, whichever way they were made.
    SourceLocation origin = new SourceLocation("main.tf", 3, 9, "aws_iam_policy.p");
    DocNode read = JsonDocuments.read("{\"a\": [\"x\", 1],\n \"b\": null}", origin);
    DocObject built = new DocObject(
        List.of(
            new DocObject.Member("a", origin.at(3, 10), new DocArray(
                List.of(DocScalar.string("x", origin.at(3, 16)), new DocScalar("1", DocScalar.Kind.NUMBER, origin.at(3, 21))),
                origin.at(3, 15))),
            new DocObject.Member("b", origin.at(4, 2), new DocScalar("null", DocScalar.Kind.NULL, origin.at(4, 7)))),
        origin);

    assertThat(read).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
    assertThat(built).isEqualTo(read);
    assertThat(((DocObject) read).members().get(0).keyLocation().address()).isEqualTo("aws_iam_policy.p");
    assertThat(read).isNotEqualTo(JsonDocuments.read("{\"a\": [\"x\", 1],\n \"b\": null}", origin.at(3, 10)));
  }

  @Test
  void shortStringsReadAgainAreTheStringsReadBefore() {
    DocObject first = (DocObject) JsonDocuments.read("{\"Action\": \"iam:ListMFADevices\"}", "a.json");
    DocArray second = (DocArray) JsonDocuments.read("[1, {\"Action\": \"iam:ListMFADevices\"}]", "b.json");
    String long1 = "arn:aws:s3:::" + "b".repeat(StringValues.MAX_LENGTH);
    DocScalar longFirst = (DocScalar) JsonDocuments.read("\"" + long1 + "\"", "c.json");
    DocScalar longSecond = (DocScalar) JsonDocuments.read("\"" + long1 + "\"", "c.json");

    String text = ((DocScalar) first.members().get(0).value()).text();
    String again = ((DocScalar) ((DocObject) second.items().get(1)).members().get(0).value()).text();
    assertThat(again).isEqualTo("iam:ListMFADevices").isSameAs(text);
    assertThat(longSecond.text()).isEqualTo(long1).isNotSameAs(longFirst.text());
  }

  @Test
  void stringsSharingASlotAreNeverTakenForOneAnother() {
    // The slot hashes the length and five characters; these differ only between them, so many
    // share slots, and each must still come back as written, from any number of threads.
    List<String> texts = IntStream.range(0, 20_000)
        .mapToObj(i -> "arn:aws:iam::" + String.format("%012d", i) + ":user/" + (char) ('a' + i % 26) + "x")
        .toList();
    List<String> wrong = texts.parallelStream()
        .flatMap(text -> IntStream.range(0, 3).mapToObj(round -> {
          char[] padded = ("[\"" + text + "\"]").toCharArray();
          String read = StringValues.of(padded, 2, text.length());
          return read.equals(text) ? null : text + " read as " + read;
        }))
        .filter(java.util.Objects::nonNull)
        .toList();

    assertThat(wrong).isEmpty();
  }

  @Test
  void locatesValuesOfTextThatStartsInsideAnotherFile() {
    DocObject root = (DocObject) JsonDocuments.read("{\"k\": \"v\",\n\"n\": 1}", SourceLocation.of("main.tf", 7, 20));

    assertThat(root.members()).extracting(m -> m.value().location().toString())
        .containsExactly("main.tf:7:26", "main.tf:8:6");
  }

  /** Objects and arrays inside others keep their own members and items, however deep and large. */
  @Test
  void keepsTheMembersAndItemsOfNestedObjectsAndArraysApart() {
    String wide = IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":[" + i + "]").collect(Collectors.joining(","));
    String longArray = IntStream.range(0, 100).mapToObj(i -> "{\"i\":" + i + "}").collect(Collectors.joining(","));
    DocObject root = (DocObject) JsonDocuments.read(
        "{\"a\":{\"x\":1,\"y\":[1,2,{\"z\":[[],[{}],{\"a\":3}]}]},\"wide\":{" + wide + "},\"long\":[" + longArray + "],\"e\":{}}", "f.json");

    assertThat(root.members()).extracting(DocObject.Member::key).containsExactly("a", "wide", "long", "e");
    DocObject a = (DocObject) root.members().get(0).value();
    assertThat(a.members()).extracting(DocObject.Member::key).containsExactly("x", "y");
    List<DocNode> y = ((DocArray) a.members().get(1).value()).items();
    assertThat(y).hasSize(3);
    List<DocNode> z = ((DocArray) ((DocObject) y.get(2)).members().get(0).value()).items();
    assertThat(z).extracting(DocNode::describe).containsExactly("an array", "an array", "an object");
    assertThat(((DocArray) z.get(0)).items()).isEmpty();
    assertThat(((DocArray) z.get(1)).items()).singleElement().satisfies(n -> assertThat(((DocObject) n).members()).isEmpty());
    assertThat(((DocObject) z.get(2)).members()).extracting(DocObject.Member::key).containsExactly("a");

    DocObject wideObject = (DocObject) root.members().get(1).value();
    assertThat(wideObject.members()).hasSize(40);
    assertThat(wideObject.members().get(39).key()).isEqualTo("k39");
    assertThat(((DocScalar) ((DocArray) wideObject.members().get(39).value()).items().get(0)).text()).isEqualTo("39");
    List<DocNode> longItems = ((DocArray) root.members().get(2).value()).items();
    assertThat(longItems).hasSize(100);
    assertThat(((DocScalar) ((DocObject) longItems.get(99)).members().get(0).value()).text()).isEqualTo("99");
    assertThat(((DocObject) root.members().get(3).value()).members()).isEmpty();
  }

  @Test
  void givesListsThatCannotBeChanged() {
    DocObject root = (DocObject) JsonDocuments.read("{\"a\":[1,2,3],\"b\":[],\"c\":[1]}", "f.json");
    List<DocNode> items = ((DocArray) root.members().get(0).value()).items();

    assertThatThrownBy(() -> root.members().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> items.set(0, items.get(1))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((DocArray) root.members().get(1).value()).items().add(items.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** A key repeated only inside a nested object is no duplicate; one repeated after it is. */
  @Test
  void findsADuplicateKeyAfterNestedObjectsThatUseTheSameKey() {
    assertThat(((DocObject) JsonDocuments.read("{\"a\":{\"a\":1},\"b\":[{\"b\":2,\"a\":3}]}", "f.json")).members()).hasSize(2);

    assertThatThrownBy(() -> JsonDocuments.read("{\"a\":{\"a\":1},\n\"b\":[{\"b\":2}],\n\"a\":3}", "f.json"))
        .isInstanceOf(IamUnitException.class)
        .hasMessage("f.json:3:1: duplicate key \"a\" (first at line 1); AWS rejects documents with duplicate keys: keep one");
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
