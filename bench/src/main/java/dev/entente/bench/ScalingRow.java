package dev.entente.bench;

/**
 * One row of the scaling table: a replay of {@code changes} changes under {@code policy} in {@code
 * order}, its time and peak heap, the exponents from the next smaller size and the ratios to the
 * in-order replay of the same size and policy. Immutable.
 *
 * @param policy the register policy
 * @param order {@code inOrder}, {@code shuffled} or {@code reversed}
 * @param changes changes replayed
 * @param millis time of one replay (JMH single shot, median of the shots)
 * @param peakHeapMb peak heap during the shot ({@link PeakHeapProfiler}), NaN if not measured
 * @param timeExponent {@code log(t2/t1)/log(n2/n1)} from the next smaller size, NaN for the first
 * @param heapExponent the same for the peak heap
 * @param timeVsInOrder time over the in-order replay's, NaN if that is missing
 * @param heapVsInOrder peak heap over the in-order replay's
 * @param verdict {@code met} or {@code missed} against 2x of in-order in both; {@code -} in order
 */
public record ScalingRow(
    String policy,
    String order,
    long changes,
    double millis,
    double peakHeapMb,
    double timeExponent,
    double heapExponent,
    double timeVsInOrder,
    double heapVsInOrder,
    String verdict) {}
