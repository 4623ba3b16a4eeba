package dev.iamunit.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.aws.AccessLevel;
import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.ConditionKeyInfo;
import dev.iamunit.aws.ConditionKeyType;
import dev.iamunit.aws.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line format of tools/aws-data/README.md, on a small hand-written file. */
class ServiceReferenceReaderTests {

  private static final String SAMPLE =
      String.join(
          "\n",
          "# comment",
          "S\tdemo\tDemo Service",
          "R\tthing\tarn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}",
          "R\tother\tarn:${Partition}:demo:::other/${OtherId}",
          "A\tCreateThing\tW\taws:RequestTag/${TagKey},aws:TagKeys\tthing*=demo:Size|other",
          "A\tListThings\tL\t\t",
          "A\tTagThing\tT\taws:RequestTag/${TagKey},aws:TagKeys\tthing*=demo:Size",
          "A\tPutThingPolicy\tP\t\tthing*=demo:Size",
          "K\tdemo:Size\tNumeric",
          "K\tdemo:Label/${LabelKey}\tString",
          "G\taws:TagKeys\tArrayOfString",
          "S\tother\tOther Service",
          "RCP\tDemo",
          "");

  @Test
  void readsServicesActionsResourceTypesAndKeys() throws IOException {
    ServiceReference reference = read(SAMPLE);

    ActionInfo create = reference.action("DEMO:creatething").orElseThrow();
    assertThat(create.qualifiedName()).isEqualTo("demo:CreateThing");
    assertThat(create.accessLevel()).isEqualTo(AccessLevel.WRITE);
    assertThat(create.conditionKeys()).containsExactly("aws:RequestTag/${TagKey}", "aws:TagKeys");
    assertThat(create.resourceTypes())
        .containsExactly(
            new ResourceType(
                "thing",
                true,
                List.of("arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}"),
                List.of("demo:Size")),
            new ResourceType(
                "other", false, List.of("arn:${Partition}:demo:::other/${OtherId}"), List.of()));
    assertThat(reference.action("demo:ListThings").orElseThrow().resourceTypes()).isEmpty();
    assertThat(reference.action("demo:TagThing").orElseThrow().accessLevel())
        .isEqualTo(AccessLevel.TAGGING);
    assertThat(reference.action("demo:PutThingPolicy").orElseThrow().accessLevel())
        .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(reference.conditionKey("demo:label/color"))
        .contains(new ConditionKeyInfo("demo:Label/${LabelKey}", ConditionKeyType.STRING, false));
    assertThat(reference.conditionKey("aws:tagkeys"))
        .contains(new ConditionKeyInfo("aws:TagKeys", ConditionKeyType.ARRAY_OF_STRING, true));
    assertThat(reference.expandActionPattern("demo:*Thing"))
        .containsExactly("demo:CreateThing", "demo:TagThing");
  }

  @Test
  void readsTheServicesResourceControlPoliciesApplyTo() throws IOException {
    ServiceReference reference = read(SAMPLE);

    assertThat(reference.supportsResourceControlPolicies("demo")).isTrue();
    assertThat(reference.supportsResourceControlPolicies("other")).isFalse();
    assertThatThrownBy(() -> read("S\tdemo\tDemo\nRCP\tnone\n"))
        .hasMessage("sample: an RCP record names none, which no S record declares");
  }

  @Test
  void sharesEqualResourceTypesAndKeyLists() throws IOException {
    ServiceReference reference = read(SAMPLE);
    ActionInfo create = reference.action("demo:CreateThing").orElseThrow();
    ActionInfo tag = reference.action("demo:TagThing").orElseThrow();

    assertThat(tag.resourceTypes().get(0)).isSameAs(create.resourceTypes().get(0));
    assertThat(tag.conditionKeys()).isSameAs(create.conditionKeys());
  }

  @Test
  void rejectsAResourceTypeWithoutArnNamingTheLine() {
    String broken = "S\tdemo\tDemo\nA\tCreateThing\tW\t\tmissing*\n";

    assertThatThrownBy(() -> read(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sample line 2: resource type missing has no R record in service demo");
  }

  @Test
  void rejectsUnknownAccessLevelsAndTypes() {
    assertThatThrownBy(() -> read("S\tdemo\tDemo\nA\tX\tQ\t\t\n"))
        .hasMessage("sample line 2: unknown access level Q");
    assertThatThrownBy(() -> read("K\tdemo:X\tColour\n"))
        .hasMessage("sample line 1: unknown condition key type Colour");
    assertThatThrownBy(() -> read("A\tX\tW\t\t\n"))
        .hasMessage("sample line 1: action before any service");
    assertThatThrownBy(() -> read("S\tdemo\n"))
        .hasMessage("sample line 1: expected 3 fields, found 2");
  }

  private static ServiceReference read(String text) throws IOException {
    return ServiceReferenceReader.read(new BufferedReader(new StringReader(text)), "sample");
  }
}
