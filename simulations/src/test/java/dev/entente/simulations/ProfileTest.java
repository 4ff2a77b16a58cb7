package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.profile.ProfileException;
import dev.entente.simulations.sync.SyncKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles as data: the built-in files, user files, and what a resolved run takes from them. */
class ProfileTest {
  @Test
  void builtIn_tenProfiles_inTheirFixedOrder() {
    assertThat(Profile.builtIn())
        .extracting(Profile::optionName)
        .containsExactly(
            "default",
            "calm",
            "partitions",
            "clock-skew",
            "crashes",
            "swarm",
            "storage-faults",
            "long-offline",
            "rollout",
            "compaction");
    assertThat(Profile.values()).containsExactlyElementsOf(Profile.builtIn());
    assertThat(Profile.parse("clock-skew")).isSameAs(Profile.CLOCK_SKEW);
  }

  @Test
  void parse_unknownName_listsTheProfiles() {
    assertThatThrownBy(() -> Profile.parse("hurricane"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'hurricane' is not a profile; expected one of default, calm, partitions, clock-skew,"
                + " crashes, swarm, storage-faults, long-offline, rollout, compaction");
  }

  @Test
  void load_aCopyOfABuiltInFile_resolvesEverySeedTheSame(@TempDir Path dir) throws IOException {
    for (Profile p : Profile.builtIn()) {
      Path file = dir.resolve(p.optionName() + ".json");
      Files.writeString(file, resource(p.optionName()), StandardCharsets.UTF_8);
      Profile copy = Profile.load(file);
      for (long seed = 1; seed <= 20; seed++) {
        assertThat(copy.resolve(seed, Overrides.NONE).describe())
            .isEqualTo(p.resolve(seed, Overrides.NONE).describe());
      }
    }
  }

  @Test
  void replayCommand_ofAUserProfile_namesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.json");
    Files.writeString(file, resource("calm").replace("\"calm\"", "\"mine\""));
    SimulationOptions o = Profile.load(file).resolve(5, Overrides.NONE.withOps(20));
    assertThat(o.describe()).startsWith("seed=5 profile=mine ");
    assertThat(o.replayCommand())
        .isEqualTo("./entente simulate --seed 5 --profile-file " + file + " --ops 20");
    assertThat(Profile.CALM.resolve(5, Overrides.NONE).replayCommand())
        .isEqualTo("./entente simulate --seed 5 --profile calm");
  }

  @Test
  void load_tooManyReplicas_namesTheField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.json");
    Files.writeString(
        file, resource("calm").replace("{\"min\": 3, \"max\": 3}", "{\"min\": 3, \"max\": 30}"));
    assertThatThrownBy(() -> Profile.load(file))
        .isInstanceOfSatisfying(
            ProfileException.class, e -> assertThat(e.field()).isEqualTo("replicas.max"))
        .hasMessage(file + ": field replicas.max: must be <= 26, was 30");
  }

  @Test
  void load_missingFile_namesTheFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.json");
    assertThatThrownBy(() -> Profile.load(file))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(file + ": field (file): cannot read");
  }

  @Test
  void resolve_clockSkew_takesTheLargeClockMagnitudesFromItsFile() {
    SimulationOptions o = Profile.CLOCK_SKEW.resolve(1, Overrides.NONE);
    assertThat(o.clock().skewMillisMax()).isEqualTo(2_000);
    assertThat(o.clock().stepMillisMax()).isEqualTo(5_000);
    assertThat(Profile.DEFAULT.resolve(1, Overrides.NONE).clock().skewMillisMax()).isEqualTo(250);
  }

  @Test
  void resolve_swarmUnderTheSequencer_neverEnablesAmnesia() {
    int sequencerRuns = 0;
    for (long seed = 1; seed <= 200; seed++) {
      SimulationOptions o = Profile.SWARM.resolve(seed, Overrides.NONE);
      if (o.sync() == SyncKind.SEQUENCER) {
        sequencerRuns++;
        assertThat(o.faults()).doesNotContain(FaultKind.AMNESIA);
      }
    }
    // The sequencer has weight 1 of 8 in swarm.json: about 25 of 200 seeds.
    assertThat(sequencerRuns).isBetween(10, 45);
  }

  @Test
  void resolve_overrides_winOverTheFile() {
    SimulationOptions o =
        Profile.CALM.resolve(2, Overrides.NONE.withReplicas(4).withFaults(Set.of(FaultKind.LOSS)));
    assertThat(o.replicas()).isEqualTo(4);
    assertThat(o.network().loss().toString()).isEqualTo("1/20");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProfileTest.class.getResourceAsStream("/profiles/" + name + ".json")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
