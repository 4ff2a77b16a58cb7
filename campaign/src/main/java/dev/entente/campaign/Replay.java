package dev.entente.campaign;

/**
 * A representative run an experiment points readers to, and the command that reruns it exactly.
 * Immutable.
 *
 * @param variant the run's variant
 * @param seed the spec's seed
 * @param why why this run was picked, e.g. "wall clock run with the most lost writes"
 * @param command the replay command
 */
public record Replay(String variant, long seed, String why, String command) {}
