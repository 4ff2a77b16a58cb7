package dev.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.LwwMap;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.automerge.Document;
import org.automerge.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks do the work they claim, at sizes small enough for a unit test: every merge
 * contestant produces the same merged keys (and Pekko the same winners as Entente), and the apply
 * contestants cycle through their workload. Calls the benchmark methods directly; measures nothing.
 */
class BenchmarkWorkTest {
  private static final int SIZE = 200;

  private static MergeBenchmark.Shape shape(String overlap) {
    MergeBenchmark.Shape shape = new MergeBenchmark.Shape();
    shape.size = SIZE;
    shape.overlap = overlap;
    return shape;
  }

  private static Map<String, String> entente(LwwMap map) {
    Map<String, String> out = new TreeMap<>();
    map.materialise().entries().forEach((k, v) -> out.put(k.value(), v.get(0).value()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"disjoint", "overlapping"})
  void merge_everyContestant_producesTheSameKeys(String overlap) {
    MergeBenchmark bench = new MergeBenchmark();
    MergeBenchmark.Shape shape = shape(overlap);
    MergeBenchmark.EntenteInputs entente = new MergeBenchmark.EntenteInputs();
    entente.build(shape);
    MergeBenchmark.HashMapInputs plain = new MergeBenchmark.HashMapInputs();
    plain.build(shape);
    MergeBenchmark.PekkoInputs pekko = new MergeBenchmark.PekkoInputs();
    pekko.build(shape);
    MergeBenchmark.AutomergeInputs automerge = new MergeBenchmark.AutomergeInputs();
    automerge.build(shape);
    MergeBenchmark.AutomergeTarget fork = new MergeBenchmark.AutomergeTarget();
    try {
      fork.fork(automerge);

      Map<String, String> ours = entente(bench.ententeMerge(entente));
      Map<Key, String> union = bench.hashMapUnion(plain);
      LWWMap<String, String> theirs = bench.pekkoLwwMapMerge(pekko);
      Document doc = bench.automergeMerge(automerge, fork);

      int expected = overlap.equals("disjoint") ? 2 * SIZE : SIZE;
      assertThat(ours).hasSize(expected);
      assertThat(union.keySet().stream().map(Key::value).collect(Collectors.toSet()))
          .isEqualTo(ours.keySet());
      assertThat(new TreeMap<>(theirs.getEntries())).isEqualTo(ours);
      String[] keys = doc.keys(ObjectId.ROOT).orElseThrow();
      assertThat(Arrays.stream(keys).collect(Collectors.toSet())).isEqualTo(ours.keySet());
    } finally {
      fork.free();
      automerge.free();
    }
  }

  @Test
  void merge_overlapping_eachSideWinsHalfTheKeys() {
    MergeBenchmark.EntenteInputs entente = new MergeBenchmark.EntenteInputs();
    entente.build(shape("overlapping"));

    Map<String, String> merged = entente(new MergeBenchmark().ententeMerge(entente));

    long fromB = merged.values().stream().filter(v -> v.startsWith("B-")).count();
    assertThat(fromB).isEqualTo(SIZE / 2);
    assertThat(merged.get("k/1")).isEqualTo("B-1");
    assertThat(merged.get("k/2")).isEqualTo("A-2");
  }

  @Test
  void apply_twoCycles_leaveEveryTargetHoldingTheWholeWorkload() {
    ApplyBenchmark bench = new ApplyBenchmark();
    ApplyBenchmark.Workload w = new ApplyBenchmark.Workload();
    w.keys = 2 * ApplyBenchmark.BATCH;
    w.build();
    ApplyBenchmark.HashMapTarget plain = new ApplyBenchmark.HashMapTarget();
    ApplyBenchmark.LwwTarget lww = new ApplyBenchmark.LwwTarget();
    ApplyBenchmark.ReplicaTarget replica = new ApplyBenchmark.ReplicaTarget();
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");

    // Two batches fill a cycle; the third starts a new one on fresh targets.
    for (int i = 0; i < 3; i++) {
      bench.hashMapPut(w, plain);
      bench.lwwMapApply(w, lww);
      bench.replicaApply(w, replica, bh);
    }
    bench.hashMapPut(w, plain);
    bench.lwwMapApply(w, lww);
    bench.replicaApply(w, replica, bh);

    int deletes = w.keys / Fixtures.DELETE_EVERY;
    assertThat(plain.map).hasSize(w.keys);
    assertThat(lww.map.registerCount()).isEqualTo(w.keys);
    assertThat(lww.map.tombstoneCount()).isEqualTo(deletes);
    assertThat(replica.replica.deliveredCount()).isEqualTo(w.keys);
    assertThat(replica.replica.materialise().size()).isEqualTo(w.keys - deletes);
    replica.replica.checkRep();
    lww.map.checkRep();
  }

  @Test
  void fixtures_timestamps_increaseStrictlyAcrossTheLogicalCarry() {
    int carry = HlcTimestamp.MAX_LOGICAL + 1;

    assertThat(Fixtures.timestamp(carry)).isGreaterThan(Fixtures.timestamp(carry - 1));
    assertThat(Fixtures.timestamp(carry).logical()).isZero();
    assertThat(Fixtures.timestamp(1)).isGreaterThan(Fixtures.timestamp(0));
  }
}
