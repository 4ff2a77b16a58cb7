package dev.entente.campaign;

/**
 * Trace validation of one policy's wider traced runs ({@link TraceValidationStep}): every traced
 * step kind counted over the policy's traces, all judged in the one TLC run of the kinds batch.
 * Immutable.
 *
 * @param policy the register policy
 * @param traces the policy's traces in the batch
 * @param accepted the traces TLC accepted
 * @param writes {@code Write} lines
 * @param receives {@code Receive} lines (delivered or buffered)
 * @param merges {@code Merge} lines (state gossip)
 * @param crashes {@code Crash} lines (each followed by a {@code Restart})
 * @param clockSteps {@code ClockStep} lines
 * @param batchEventsPerSecond events per second of the whole kinds batch (all policies, one run)
 */
public record TraceKindsMetrics(
    String policy,
    int traces,
    int accepted,
    long writes,
    long receives,
    long merges,
    long crashes,
    long clockSteps,
    double batchEventsPerSecond)
    implements Metrics {}
