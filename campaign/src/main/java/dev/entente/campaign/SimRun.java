package dev.entente.campaign;

/**
 * How one simulated run ended. Immutable.
 *
 * @param passed whether it passed every check that is not an expected anomaly of its variant
 * @param failedChecks the failing checkers, comma-separated, or empty
 * @param replay the command that reruns it exactly
 */
public record SimRun(boolean passed, String failedChecks, String replay) {}
