package dev.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting, per iteration, the peak heap the benchmark's JVM used: before each
 * iteration it collects garbage and resets the heap pools' peaks; after it, it sums them (secondary
 * metric {@value #LABEL}, in MB, the greatest over iterations). The sum of per-pool peaks is an
 * upper bound of the true peak, since the young pools peak at other moments than the old one; it is
 * the same bound for every benchmark it is compared with. Runs inside the forked JVM.
 */
public final class PeakHeapProfiler implements InternalProfiler {
  /** The secondary metric's label. */
  public static final String LABEL = "peak.heap";

  private static final double MB = 1024.0 * 1024.0;

  @Override
  public String getDescription() {
    return "peak heap used per iteration (sum of the heap pools' peaks), MB";
  }

  @Override
  @SuppressWarnings("SystemGc") // a collection before the shot is the point: the peak is its own
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    System.gc();
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      peak += pool.getPeakUsage().getUsed();
    }
    return List.of(new ScalarResult(LABEL, peak / MB, "MB", AggregationPolicy.MAX));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
