package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuthorLogTest {
  private static final ReplicaId A = ReplicaId.of("A");

  private static Change change(long seq) {
    return new Change(
        A,
        seq,
        new HlcTimestamp(seq, 0),
        VersionVector.EMPTY,
        List.of(new Op.Put(Key.of("k"), Value.of("v"))));
  }

  /** Logs {@code counters} in order, checking every read against a sorted map after each step. */
  private static void replayAgainstModel(List<Long> counters, long removeAt) {
    AuthorLog log = new AuthorLog();
    TreeMap<Long, Long> model = new TreeMap<>();
    long position = 0;
    for (long c : counters) {
      log.add(change(c), position);
      model.put(c, position++);
      if (c == removeAt) {
        log.removeUpTo(c);
        model.headMap(c, true).clear();
      }
      assertSameAs(log, model, c);
    }
  }

  private static void assertSameAs(AuthorLog log, TreeMap<Long, Long> model, long probe) {
    assertThat(log.size()).isEqualTo(model.size());
    for (long floor : new long[] {0, probe, probe / 2}) {
      assertThat(log.countAbove(floor)).isEqualTo(model.tailMap(floor, false).size());
      List<DeliveryLog.Logged> above = new ArrayList<>();
      log.addAbove(floor, above);
      assertThat(above.stream().map(DeliveryLog.Logged::position).sorted().toList())
          .isEqualTo(model.tailMap(floor, false).values().stream().sorted().toList());
    }
    for (long c = Math.max(0, probe - 3); c <= probe + 3; c++) {
      Change got = log.get(c);
      assertThat(got == null ? null : got.seq()).isEqualTo(model.containsKey(c) ? c : null);
    }
  }

  @Test
  void add_inCounterOrder_readsBackEveryCounter() {
    List<Long> counters = new ArrayList<>();
    for (long c = 1; c <= 150; c++) {
      counters.add(c);
    }
    replayAgainstModel(counters, 75);
  }

  @Test
  void add_shuffledAndReversed_readsBackLikeASortedMap() {
    for (int seed = 0; seed < 6; seed++) {
      List<Long> counters = new ArrayList<>();
      for (long c = 1; c <= 120; c++) {
        counters.add(c);
      }
      if (seed == 0) {
        Collections.reverse(counters);
      } else {
        Collections.shuffle(counters, new Random(seed));
      }
      replayAgainstModel(counters, counters.get(80));
    }
  }

  @Test
  void add_farOutCounters_keepsThemOutsideTheWindowAndReadsThemBack() {
    replayAgainstModel(List.of(5L, 1_000_000_000_000L, 6L, 2L, 3_000L, 4L, 1L, 3L, 7L), 3L);
    AuthorLog log = new AuthorLog();
    log.add(change(1), 0);
    log.add(change(Long.MAX_VALUE / 2), 1);
    assertThat(log.get(Long.MAX_VALUE / 2)).isNotNull();
    assertThat(log.countAbove(1)).isEqualTo(1);
  }

  @Test
  void add_afterRemovingEverything_startsAFreshWindowElsewhere() {
    AuthorLog log = new AuthorLog();
    for (long c = 1; c <= 100; c++) {
      log.add(change(c), c);
    }
    log.removeUpTo(100);
    TreeMap<Long, Long> model = new TreeMap<>();
    for (long c = 5_099; c >= 5_000; c -= 3) {
      log.add(change(c), c);
      model.put(c, c);
      assertSameAs(log, model, c);
    }
    assertThat(log.get(50)).isNull();
  }

  @Test
  void remove_inAnyOrder_takesEachChangeOnceAndKeepsTheRestReadable() {
    AuthorLog log = new AuthorLog();
    TreeMap<Long, Long> model = new TreeMap<>();
    List<Long> counters = new ArrayList<>();
    for (long c = 1; c <= 100; c++) {
      counters.add(c);
    }
    counters.add(1_000_000L);
    Collections.shuffle(counters, new Random(3));
    for (int i = 0; i < counters.size(); i++) {
      long c = counters.get(i);
      log.add(change(c), c);
      model.put(c, c);
      if (i % 2 == 1) {
        long taken = counters.get(i / 2);
        assertThat(log.remove(taken).seq()).isEqualTo(taken);
        assertThat(log.remove(taken)).isNull();
        model.remove(taken);
      }
    }
    List<Long> held = new ArrayList<>();
    log.forEach(ch -> held.add(ch.seq()));
    assertThat(held).containsExactlyInAnyOrderElementsOf(model.keySet());
    assertSameAs(log, model, 50);
  }

  @Test
  void add_countersNearLongMax_readBackAndNeverCorruptTheWindow() {
    long max = Long.MAX_VALUE;
    // A forged counter at the very top first, then real ones: the top one must not become the
    // window's base (base + top would wrap) and must still be found, counted and removed.
    replayAgainstModel(List.of(max, 1L, 2L, max - 1, 3L), 2L);
    replayAgainstModel(List.of(3L, 2L, 1L, max, max - 2, 4L), max - 2);
    AuthorLog log = new AuthorLog();
    log.add(change(5), 0);
    log.add(change(4), 1);
    log.add(change(max), 2);
    assertThat(log.get(max)).isNotNull();
    assertThat(log.countAbove(max - 1)).isEqualTo(1);
    assertThat(log.countAbove(Long.MIN_VALUE)).isEqualTo(3);
    log.removeUpTo(max);
    assertThat(log.size()).isZero();
  }

  @Test
  void add_alternatingBelowAndAbove_readsBackLikeASortedMap() {
    // Newest-first from one side and oldest-first from the other: the window grows both ways.
    List<Long> counters = new ArrayList<>();
    for (long k = 0; k < 100; k++) {
      counters.add(500 - k);
      counters.add(501 + k);
    }
    replayAgainstModel(counters, 450L);
  }
}
