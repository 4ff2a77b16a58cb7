package dev.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.Replica;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.automerge.Document;
import org.automerge.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * The peers benchmark does the work it claims, at a small size: every put contestant ends with the
 * workload's last value per key, and every merge contestant with the same winners (MV with both
 * sides' concurrent values as siblings). Calls the benchmark methods directly.
 */
class PeersBenchmarkWorkTest {
  private static final int KEYS = 50;
  private static final int PUTS = 600;

  private static PeersBenchmark.PeerInputs inputs() {
    PeersBenchmark.PeerInputs in = new PeersBenchmark.PeerInputs();
    in.workload = small();
    return in;
  }

  private static PeersWorkload small() {
    return new PeersWorkload(KEYS, PUTS);
  }

  /** Key i's last value among ops 0..ops-1, offset by {@code offset}. */
  private static Map<String, String> lastValues(int ops, long offset) {
    Map<String, String> out = new TreeMap<>();
    for (int n = 0; n < ops; n++) {
      out.put("k" + (n % KEYS), Long.toString(n + offset));
    }
    return out;
  }

  private static Map<String, String> single(Replica r) {
    Map<String, String> out = new TreeMap<>();
    r.materialise().entries().forEach((k, v) -> out.put(k.value(), v.get(0).value()));
    return out;
  }

  @Test
  void puts_everyPolicyAndPekko_endWithTheLastValuePerKey() {
    PeersBenchmark bench = new PeersBenchmark();
    PeersBenchmark.PeerInputs in = inputs();
    Map<String, String> expected = lastValues(PUTS, 0);

    assertThat(bench.floorPut(in)).isEqualTo(KEYS);
    assertThat(bench.floorTransact(in)).isEqualTo(KEYS);
    assertThat(new TreeMap<>(bench.pekkoPut(in).getEntries())).isEqualTo(expected);
    assertThat(bench.automergePut(in)).isEqualTo(1);
    assertThat(bench.automergeTransact(in)).isEqualTo(1);
    assertThat(single(bench.ententeLwwPut(in))).isEqualTo(expected);
    assertThat(single(bench.ententeMvPut(in))).isEqualTo(expected);
    assertThat(single(bench.ententeCausalPut(in))).isEqualTo(expected);
    assertThat(single(bench.ententeLwwTransact(in))).isEqualTo(expected);
    assertThat(single(bench.ententeMvTransact(in))).isEqualTo(expected);
    assertThat(single(bench.ententeCausalTransact(in))).isEqualTo(expected);
  }

  @Test
  void puts_eachPut_isItsOwnChange_andTransactionsHoldAThousandOps() {
    PeersBenchmark bench = new PeersBenchmark();
    PeersBenchmark.PeerInputs in = inputs();

    assertThat(bench.ententeLwwPut(in).deliveredCount()).isEqualTo(PUTS);
    assertThat(bench.ententeLwwTransact(in).deliveredCount()).isEqualTo(1);
  }

  @Test
  void merge_lwwContestants_agreeOnTheWinners_andMvKeepsBothSidesAsSiblings() {
    PeersBenchmark bench = new PeersBenchmark();
    PeerMergeInputs.Entente entente = new PeerMergeInputs.Entente();
    entente.workload = small();
    Map<String, String> winners = lastValues(PUTS / 2, PeersWorkload.B_OFFSET);
    Map<String, String> a = lastValues(PUTS / 2, 0);

    assertThat(single(merged(bench, entente, RegisterPolicy.LWW))).isEqualTo(winners);
    assertThat(single(merged(bench, entente, RegisterPolicy.CAUSAL_GROUP))).isEqualTo(winners);
    merged(bench, entente, RegisterPolicy.MV)
        .materialise()
        .entries()
        .forEach(
            (k, vs) ->
                assertThat(vs.stream().map(Value::value))
                    .containsExactlyInAnyOrder(a.get(k.value()), winners.get(k.value())));
    assertThat(new TreeMap<>(bench.pekkoMerge(pekko()).getEntries())).isEqualTo(winners);
    assertThat(floorWinners(bench)).isEqualTo(winners);
    assertAutomergeHasEveryKey(bench);
  }

  private static PeerMergeInputs.Pekko pekko() {
    PeerMergeInputs.Pekko pekko = new PeerMergeInputs.Pekko();
    pekko.workload = small();
    pekko.build();
    return pekko;
  }

  private static Map<String, String> floorWinners(PeersBenchmark bench) {
    PeerMergeInputs.Floor in = new PeerMergeInputs.Floor();
    in.workload = small();
    in.build();
    PeerTargets.Floor floor = new PeerTargets.Floor();
    floor.build(in);
    assertThat(bench.floorMerge(in, floor)).isEqualTo(KEYS);
    return floor.floor.registers.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
  }

  @Test
  void bytes_everyContestant_hasAnEncodingAndGzipShrinksIt() {
    List<PeerBytes> rows = PeerBytes.measure(small());

    assertThat(rows).extracting(PeerBytes::subject).contains("Entente LWW", "Pekko LWWMap");
    assertThat(rows).allSatisfy(r -> assertThat(r.gzipBytes()).isLessThan(r.rawBytes()));
    assertThat(PeerBytes.table(rows)).contains("Automerge", "gzip B");
  }

  private static Replica merged(
      PeersBenchmark bench, PeerMergeInputs.Entente in, RegisterPolicy p) {
    return switch (p) {
      case LWW -> {
        PeerTargets.Lww t = new PeerTargets.Lww();
        t.fill(in);
        yield bench.ententeLwwMerge(in, t);
      }
      case MV -> {
        PeerTargets.Mv t = new PeerTargets.Mv();
        t.fill(in);
        yield bench.ententeMvMerge(in, t);
      }
      case CAUSAL_GROUP -> {
        PeerTargets.Causal t = new PeerTargets.Causal();
        t.fill(in);
        yield bench.ententeCausalMerge(in, t);
      }
    };
  }

  private static void assertAutomergeHasEveryKey(PeersBenchmark bench) {
    PeerMergeInputs.Automerge in = new PeerMergeInputs.Automerge();
    in.workload = small();
    in.build();
    PeerTargets.Automerge target = new PeerTargets.Automerge();
    target.build(in);
    try {
      Document doc = bench.automergeMerge(in, target);
      assertThat(doc.keys(ObjectId.ROOT).orElseThrow()).hasSize(KEYS);
    } finally {
      target.free();
      in.free();
    }
  }
}
