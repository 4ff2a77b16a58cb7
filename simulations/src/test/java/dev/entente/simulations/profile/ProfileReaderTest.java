package dev.entente.simulations.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.sync.SyncKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The profile file format: what it reads, and the error for each kind of bad file. */
class ProfileReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE = "test.json";

  @Test
  void read_defaultResource_holdsTheLabelledValues() {
    ProfileSpec spec = ProfileReader.read(SOURCE, resource("default"));
    assertThat(spec.name()).isEqualTo("default");
    assertThat(spec.replicas()).isEqualTo(new IntRange(3, 5));
    assertThat(spec.sync().wheel())
        .containsExactly(
            SyncKind.OP,
            SyncKind.STATE,
            SyncKind.DELTA,
            SyncKind.OP,
            SyncKind.STATE,
            SyncKind.DELTA,
            SyncKind.OP,
            SyncKind.STATE);
    assertThat(spec.faults().isDrawn()).isFalse();
    assertThat(spec.faults().fixed()).contains(FaultKind.CRASH).doesNotContain(FaultKind.AMNESIA);
    assertThat(spec.network().loss()).isEqualTo(Ratio.of(1, 20));
    assertThat(spec.timing().convergenceBudgetTicks()).isEqualTo(30_000);
  }

  @Test
  void read_swarmResource_drawsEveryFaultButTheStorageFaultsWithChanceOneHalf() {
    ProfileSpec spec = ProfileReader.read(SOURCE, resource("swarm"));
    // Storage faults make a run storage-backed; drawing them would change old swarm seeds' runs,
    // so the storage-faults and long-offline profiles drive them instead (and compaction, not a
    // fault, its own profile).
    long notStorage =
        Arrays.stream(FaultKind.values())
            .filter(k -> k.family() != FaultKind.Family.STORAGE)
            .filter(k -> k.family() != FaultKind.Family.COMPACTION)
            .count();
    assertThat(spec.faults().chances()).hasSize((int) notStorage);
    assertThat(spec.faults().chances().values()).containsOnly(Ratio.of(1, 2));
    assertThat(spec.sync().wheel()).containsOnlyOnce(SyncKind.SEQUENCER).hasSize(8);
  }

  @Test
  void read_unknownField_namesTheField() {
    assertError(p -> obj(p, "network").put("jitter", 3), "network.jitter", "unknown field");
  }

  @Test
  void read_missingField_namesTheField() {
    assertError(
        p -> obj(p, "timing").remove("syncIntervalTicks"), "timing.syncIntervalTicks", "missing");
  }

  @Test
  void read_wrongType_namesTheFieldAndTheValue() {
    assertError(
        p -> obj(p, "workload").put("hotKeys", "three"), "workload.hotKeys", "must be an integer");
    assertError(p -> obj(p, "timing").put("antiEntropy", 1), "timing.antiEntropy", "true or false");
    assertError(p -> p.put("faults", "all"), "faults", "must be an object");
  }

  @Test
  void read_minAboveMax_namesTheRange() {
    assertError(p -> obj(obj(p, "workload"), "keys").put("min", 50), "workload.keys", "min <= max");
  }

  @Test
  void read_unknownFaultName_namesTheEntryAndTheKnownFaults() {
    assertError(
        p ->
            ((com.fasterxml.jackson.databind.node.ArrayNode) obj(p, "faults").get("fixed"))
                .add("meteor"),
        "faults.fixed[13]",
        "'meteor' is not a fault; expected one of partition-one,");
  }

  @Test
  void read_unknownFaultInDrawnSet_namesTheEntry() {
    assertError(
        p ->
            p.set(
                "faults",
                JSON.createObjectNode().set("drawn", JSON.createObjectNode().put("meteor", "1/2"))),
        "faults.drawn.meteor",
        "is not a fault");
  }

  @Test
  void read_faultListedTwice_isRefused() {
    assertError(
        p ->
            ((com.fasterxml.jackson.databind.node.ArrayNode) obj(p, "faults").get("fixed"))
                .add("crash"),
        "faults.fixed[13]",
        "listed twice");
  }

  @Test
  void read_ratioOutOfRange_namesTheField() {
    assertError(
        p -> obj(p, "network").put("loss", "21/20"),
        "network.loss",
        "numerator must be in [0, 20]");
    assertError(p -> obj(p, "network").put("duplicate", "1/0"), "network.duplicate", "denominator");
    assertError(p -> obj(p, "workload").put("readRatio", "a quarter"), "workload.readRatio", "n/d");
  }

  @Test
  void read_unknownChoiceValue_namesTheEntry() {
    assertError(
        p -> obj(p, "clock").put("fixed", "sundial"), "clock.fixed", "'sundial' is not a clock");
  }

  @Test
  void read_fixedAndDrawnTogether_isRefused() {
    assertError(
        p -> obj(p, "policy").putArray("drawn"), "policy.fixed", "exactly one of fixed or drawn");
  }

  @Test
  void read_zeroWeight_namesTheEntry() {
    assertError(
        p -> ((ObjectNode) obj(p, "sync").get("drawn").get(2)).put("weight", 0),
        "sync.drawn[2].weight",
        "weight must be >= 1");
  }

  @Test
  void read_hotKeysAboveKeys_namesTheObject() {
    assertError(
        p -> obj(p, "workload").put("hotKeys", 20), "workload", "hotKeys must be <= keys.min");
  }

  @Test
  void read_duplicateField_isRefused() {
    String text =
        resource("calm")
            .replaceFirst("\"name\": \"calm\",", "\"name\": \"calm\", \"name\": \"x\",");
    assertThatThrownBy(() -> ProfileReader.read(SOURCE, text))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("test.json: field (file): not valid JSON")
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void read_notJson_namesTheFile() {
    assertThatThrownBy(() -> ProfileReader.read(SOURCE, "{\"name\": "))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("test.json: field (file): not valid JSON");
  }

  @Test
  void read_badName_namesTheField() {
    assertError(p -> p.put("name", "Clock Skew"), "name", "is not a profile name");
  }

  private static void assertError(Consumer<ObjectNode> edit, String field, String problem) {
    ObjectNode profile = parsed("default");
    edit.accept(profile);
    assertThatThrownBy(() -> ProfileReader.read(SOURCE, profile.toString()))
        .isInstanceOfSatisfying(
            ProfileException.class,
            e -> {
              assertThat(e.source()).isEqualTo(SOURCE);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageStartingWith(SOURCE + ": field " + field + ": ")
        .hasMessageContaining(problem);
  }

  private static ObjectNode obj(ObjectNode parent, String name) {
    return (ObjectNode) parent.get(name);
  }

  private static ObjectNode parsed(String name) {
    try {
      return (ObjectNode) JSON.readTree(resource(name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String resource(String name) {
    try (InputStream in =
        ProfileReaderTest.class.getResourceAsStream("/profiles/" + name + ".json")) {
      assertThat(in).as("profile resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
