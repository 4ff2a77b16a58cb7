package dev.entente.campaign;

/**
 * One batch of trace validation ({@link TraceValidationStep}): simulator traces judged by TLC
 * against {@code KvCrdt.tla} in as few TLC runs as their constants allow. Immutable.
 *
 * @param traces the traces in the batch
 * @param events their events (trace lines after the headers)
 * @param runs the TLC runs the batch took
 * @param accepted the traces TLC accepted (all of them for an unmutated simulator)
 * @param wallMillis the wall time of the batch's TLC runs, JVM start-up included
 * @param eventsPerSecond events validated per second of that wall time
 */
public record TraceValidationMetrics(
    int traces, long events, int runs, int accepted, long wallMillis, double eventsPerSecond)
    implements Metrics {}
