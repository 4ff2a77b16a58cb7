package dev.entente.model.coverage;

import dev.entente.model.Check;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often a run reaches each {@link CoverageMark}. {@link #mark} records a hit in the
 * {@link Recorder} installed on the current thread, if any. While no thread has a recorder open it
 * returns after one volatile read; otherwise a thread without one pays a thread-local lookup. It
 * allocates nothing then (a recorder allocates once per distinct mark), so marks may sit on hot
 * paths and in benchmarks.
 *
 * <p>Marks are observation only: recording never changes what the marked code does. Counts are
 * confined to the thread that installed the recorder, so runs executing on several threads at once
 * (the campaign's pool) each count only their own marks. Recorders nest: closing an inner recorder
 * adds its counts to the outer one. Thread-safe.
 *
 * <p>Usage: {@code try (Coverage.Recorder r = Coverage.record()) { run(); counts = r.counts(); }}
 */
public final class Coverage {
  private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
  // How many recorders are open on any thread; while zero, mark() skips the thread-local lookup.
  private static final AtomicInteger OPEN = new AtomicInteger();

  private Coverage() {}

  /**
   * True while some recorder is open on any thread: a caller whose mark needs extra work to decide
   * (comparisons beyond what its own logic does) asks first, so the hot path pays nothing outside a
   * recording.
   */
  public static boolean recording() {
    return OPEN.get() != 0;
  }

  /** Records one hit of {@code mark} in the current thread's recorder; a no-op without one. */
  public static void mark(CoverageMark mark) {
    if (!recording()) {
      return;
    }
    Recorder r = CURRENT.get();
    if (r != null) {
      r.hit(mark);
    }
  }

  /**
   * Installs a new recorder on the current thread until it is closed; marks hit meanwhile on this
   * thread are counted in it (and not in the recorder it replaces, which gets them on close).
   */
  public static Recorder record() {
    Recorder r = new Recorder(CURRENT.get());
    CURRENT.set(r);
    OPEN.incrementAndGet();
    return r;
  }

  /**
   * The counts of one recording. Mutable while installed; confined to the thread that installed it.
   * {@link #close} must run on that thread, innermost recorder first.
   */
  public static final class Recorder implements AutoCloseable {
    private final Recorder outer;
    private final Map<CoverageMark, long[]> counts = new IdentityHashMap<>();
    private boolean closed;

    private Recorder(Recorder outer) {
      this.outer = outer;
    }

    private void hit(CoverageMark mark) {
      long[] n = counts.get(mark);
      if (n == null) {
        counts.put(mark, new long[] {1});
      } else {
        n[0]++;
      }
    }

    /** Hits so far per mark name, sorted by name; marks never hit are absent. A copy. */
    public SortedMap<String, Long> counts() {
      SortedMap<String, Long> out = new TreeMap<>();
      counts.forEach((mark, n) -> out.merge(mark.markName(), n[0], Long::sum));
      return out;
    }

    /**
     * Uninstalls this recorder, reinstating the one it replaced and adding this one's counts to it.
     * Closing twice does nothing.
     *
     * @throws IllegalStateException if this is not the current thread's innermost recorder
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      Check.state(
          CURRENT.get() == this,
          "coverage recorder closed out of order or on a thread that did not install it (%s)",
          Thread.currentThread().getName());
      closed = true;
      OPEN.decrementAndGet();
      if (outer == null) {
        CURRENT.remove();
        return;
      }
      CURRENT.set(outer);
      counts.forEach(
          (mark, n) -> {
            long[] o = outer.counts.computeIfAbsent(mark, m -> new long[1]);
            o[0] += n[0];
          });
    }
  }
}
