package dev.entente.model.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CoverageTest {
  @Test
  void mark_withoutRecorder_isCountedNowhere() {
    Coverage.mark(TestMark.ALPHA);

    try (Coverage.Recorder r = Coverage.record()) {
      assertThat(r.counts()).isEmpty();
    }
  }

  @Test
  void recorder_countsHitsPerMark_sortedByName() {
    try (Coverage.Recorder r = Coverage.record()) {
      Coverage.mark(TestMark.GAMMA);
      Coverage.mark(TestMark.ALPHA);
      Coverage.mark(TestMark.GAMMA);

      assertThat(r.counts()).containsExactly(Map.entry("alpha", 1L), Map.entry("gamma", 2L));
    }
  }

  @Test
  void recorder_afterClose_keepsItsCountsAndRecordsNoMore() {
    Coverage.Recorder r = Coverage.record();
    Coverage.mark(TestMark.BETA);
    r.close();
    Coverage.mark(TestMark.BETA);

    assertThat(r.counts()).containsExactly(Map.entry("beta", 1L));
  }

  @Test
  void counts_areACopy_unaffectedByLaterHits() {
    try (Coverage.Recorder r = Coverage.record()) {
      Coverage.mark(TestMark.ALPHA);
      SortedMap<String, Long> before = r.counts();
      Coverage.mark(TestMark.ALPHA);

      assertThat(before).containsExactly(Map.entry("alpha", 1L));
      assertThat(r.counts()).containsExactly(Map.entry("alpha", 2L));
    }
  }

  @Test
  void nestedRecorder_countsOnlyItsOwnHits_andAddsThemToTheOuterOnClose() {
    try (Coverage.Recorder outer = Coverage.record()) {
      Coverage.mark(TestMark.ALPHA);
      try (Coverage.Recorder inner = Coverage.record()) {
        Coverage.mark(TestMark.ALPHA);
        Coverage.mark(TestMark.BETA);

        assertThat(inner.counts()).containsExactly(Map.entry("alpha", 1L), Map.entry("beta", 1L));
        assertThat(outer.counts()).containsExactly(Map.entry("alpha", 1L));
      }
      Coverage.mark(TestMark.GAMMA);

      assertThat(outer.counts())
          .containsExactly(Map.entry("alpha", 2L), Map.entry("beta", 1L), Map.entry("gamma", 1L));
    }
  }

  @Test
  void close_outOfOrder_isRefused() {
    try (Coverage.Recorder outer = Coverage.record()) {
      Coverage.Recorder inner = Coverage.record();

      assertThatThrownBy(outer::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("out of order");
      inner.close();
    }
  }

  @Test
  void close_twice_isHarmless() {
    try (Coverage.Recorder outer = Coverage.record()) {
      Coverage.Recorder inner = Coverage.record();
      inner.close();
      inner.close();
      Coverage.mark(TestMark.ALPHA);

      assertThat(outer.counts()).containsExactly(Map.entry("alpha", 1L));
    }
  }

  @Test
  void close_onAnotherThread_isRefused() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Coverage.Recorder r = Coverage.record()) {
      Future<?> closing = pool.submit(r::close);

      assertThatThrownBy(closing::get).hasCauseInstanceOf(IllegalStateException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordersOnTwoThreads_eachCountOnlyTheirOwnThreadsHits() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    // Both recorders are open while both threads mark, so a shared counter would show.
    CyclicBarrier bothOpen = new CyclicBarrier(2);
    try {
      Future<SortedMap<String, Long>> a = pool.submit(() -> hit(TestMark.ALPHA, 1_000, bothOpen));
      Future<SortedMap<String, Long>> b = pool.submit(() -> hit(TestMark.BETA, 700, bothOpen));

      assertThat(a.get()).containsExactly(Map.entry("alpha", 1_000L));
      assertThat(b.get()).containsExactly(Map.entry("beta", 700L));
    } finally {
      pool.shutdownNow();
    }
  }

  private static SortedMap<String, Long> hit(TestMark mark, int times, CyclicBarrier bothOpen)
      throws Exception {
    try (Coverage.Recorder r = Coverage.record()) {
      bothOpen.await();
      for (int i = 0; i < times; i++) {
        Coverage.mark(mark);
      }
      bothOpen.await();
      return r.counts();
    }
  }
}
