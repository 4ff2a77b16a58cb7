package dev.entente.histories.linearizability;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool the parallel checker's helpers run on: one daemon thread per processor at most,
 * started on first use (a history with one partition never starts one) and let go after a second
 * idle, so a short {@code entente check} neither waits for nor keeps threads. The checker is not
 * code under simulation: these threads never decide a verdict, they only find it sooner.
 */
final class SearchThreads {
  /** Workers per check: the calling thread and up to this many minus one helpers. */
  static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  private SearchThreads() {}

  /** Runs {@code task} on the shared pool. */
  static void execute(Runnable task) {
    Holder.POOL.execute(task);
  }

  /** Creates the pool only when a check first needs a helper. */
  private static final class Holder {
    static final ExecutorService POOL = create();

    private static ExecutorService create() {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory daemons =
          task -> {
            Thread t = new Thread(task, "entente-check-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              PARALLELISM, PARALLELISM, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
