package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One row of the bench module's {@code scaling.json} ({@link BenchStep}): a replay of {@code
 * changes} remote changes into a fresh replica. Immutable; a figure the run could not give is null.
 *
 * @param policy the register policy
 * @param order {@code inOrder}, {@code shuffled} or {@code reversed}
 * @param changes changes replayed
 * @param millis time of one replay
 * @param peakHeapMb peak heap during the replay, MB
 * @param timeExponent {@code log(t2/t1)/log(n2/n1)} from the next smaller size
 * @param heapExponent the same for the peak heap
 * @param timeVsInOrder time over the in-order replay's at the same size and policy
 * @param heapVsInOrder peak heap over the in-order replay's
 * @param verdict {@code met} or {@code missed} (within 2x of in order in both), {@code -} in order
 */
public record ScalingMetrics(
    String policy,
    String order,
    long changes,
    double millis,
    @Nullable Double peakHeapMb,
    @Nullable Double timeExponent,
    @Nullable Double heapExponent,
    @Nullable Double timeVsInOrder,
    @Nullable Double heapVsInOrder,
    String verdict)
    implements Metrics {}
