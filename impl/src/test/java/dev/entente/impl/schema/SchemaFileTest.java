package dev.entente.impl.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.schema.SchemaChain;
import org.junit.jupiter.api.Test;

class SchemaFileTest {
  private static final String V1 =
      "{\"version\": 1, \"fields\": [\"event/{id}/title: string\", \"event/{id}/n: int\"]}";

  private static String chain(String v2, String lenses, boolean lossy) {
    return "{\n\"versions\": [\n"
        + V1
        + ",\n"
        + v2
        + "\n],\n\"steps\": [{\"from\": 1, \"lossy\": "
        + lossy
        + ", \"lenses\": [\n"
        + lenses
        + "\n]}]\n}\n";
  }

  @Test
  void calendar_parsesAndTypeChecks_fourVersions() {
    SchemaChain c = BuiltInSchemas.calendar();
    assertThat(c.latest()).isEqualTo(4);
    assertThat(c.stepFrom(1).lossy()).isFalse();
    assertThat(c.stepFrom(2).declaredLossy()).isTrue();
  }

  @Test
  void syntaxError_isRefused_withItsLine() {
    assertThatThrownBy(() -> SchemaFile.parse("f.json", "{\n\"versions\": [\n{,]}"))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("f.json:3: not JSON");
  }

  @Test
  void renameOfAMissingField_isRefused_withTheLensLine() {
    String v2 =
        "{\"version\": 2, \"fields\": [\"event/{id}/name: string\", \"event/{id}/n: int\"]}";
    String text =
        chain(v2, "{\"rename\": \"event/{id}/nope\", \"to\": \"event/{id}/name\"}", false);
    assertThatThrownBy(() -> SchemaFile.parse("f.json", text))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("f.json:7: rename event/{id}/nope: version 1 has no such field");
  }

  @Test
  void lossyStepNotDeclaredLossy_isRefused() {
    String v2 = "{\"version\": 2, \"fields\": [\"event/{id}/title: string\"]}";
    String text = chain(v2, "{\"remove\": \"event/{id}/n\"}", false);
    assertThatThrownBy(() -> SchemaFile.parse("f.json", text))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("a lens is lossy; declare \"lossy\": true");
  }

  @Test
  void conversionFromTheWrongType_isRefused_withTheLensLine() {
    String v2 =
        "{\"version\": 2, \"fields\": [\"event/{id}/title: string\", \"event/{id}/n: clock\"]}";
    String text =
        chain(v2, "{\"convert\": \"event/{id}/n\", \"from\": \"minute\", \"to\": \"clock\"}", true);
    assertThatThrownBy(() -> SchemaFile.parse("f.json", text))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("f.json:7: convert event/{id}/n: the field is int");
  }

  @Test
  void badFieldType_isRefused_withTheVersionLine() {
    String text = "{\"versions\": [\n{\"version\": 1, \"fields\": [\n\"a/{id}: date\"]}]}";
    assertThatThrownBy(() -> SchemaFile.parse("f.json", text))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("f.json:3: 'date' is not a field type");
  }
}
