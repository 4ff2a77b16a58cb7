package dev.entente.campaign;

/**
 * One policy's row of the bench module's {@code simulator.json} ({@link BenchStep}): the simulator
 * on one core, complete default-profile runs per minute and events per second. Immutable.
 *
 * @param policy the register policy of the runs
 * @param runsPerMinute complete default-profile runs per minute
 * @param runsPerMinuteError the half-width of its 99.9% interval (0 if JMH gave none)
 * @param eventsPerSecond simulator events executed per second
 */
public record SimulatorBenchMetrics(
    String policy, double runsPerMinute, double runsPerMinuteError, double eventsPerSecond)
    implements Metrics {}
