package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.coverage.SealMark;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.coverage.MarkCatalogue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The relay CI runs reach every {@link RelayMark} and the {@link SealMark}s a relay can drive (a
 * replayed nonce needs the nonce mutant, and relay members do not batch-sign): sealed seed 1 under
 * drop (a writer seals again for a member it learnt of late), seed 1 with a removal, and seed 2
 * with a removal under every attack (which must also pass every checker). The per-mark table is
 * printed.
 */
class RelayMarksTest {
  static final List<SealMark> RELAY_SEAL_MARKS =
      List.of(
          SealMark.SEAL_ROTATED_AFTER_REMOVAL,
          SealMark.SEAL_FRAME_TAMPERED,
          SealMark.SEAL_EPOCH_NOT_A_READER);

  @Test
  void relayCiRuns_reachEveryRelayMark_andTheSealMarksARelayDrives() {
    List<RelayOptions> runs =
        List.of(
            RelayOptions.of(1, EnumSet.of(Attack.DROP), RelayMutant.NONE),
            RelayOptions.of(1, EnumSet.noneOf(Attack.class), RelayMutant.NONE).withRemoval(true),
            RelayOptions.of(2, EnumSet.allOf(Attack.class), RelayMutant.NONE).withRemoval(true));
    SortedMap<String, Long> hits = new TreeMap<>();
    for (RelayOptions o : runs) {
      try (Coverage.Recorder r = Coverage.record()) {
        RelayRunner.Result result = RelayRunner.run(o, line -> {});
        assertThat(result.passed()).as(result.lastLine()).isTrue();
        r.counts().forEach((k, v) -> hits.merge(k, v, Long::sum));
      }
    }
    List<String> required = new ArrayList<>();
    MarkCatalogue.of(List.of(RelayMark.values()), RELAY_SEAL_MARKS)
        .all()
        .forEach(m -> required.add(m.markName()));
    for (Map.Entry<String, Long> e : hits.entrySet()) {
      System.out.printf("relay mark %-40s hits=%d%n", e.getKey(), e.getValue());
    }
    assertThat(hits.keySet())
        .as("relay coverage marks no relay CI run reaches")
        .containsAll(required);
  }
}
