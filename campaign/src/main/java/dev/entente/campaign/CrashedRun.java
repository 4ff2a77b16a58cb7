package dev.entente.campaign;

/**
 * A run that threw instead of finishing: its replay command and the whole stack trace (with
 * causes), so the failure can be read from {@code runs.jsonl} and reproduced. Counted as a run
 * failing a check. Immutable.
 *
 * @param replay the command that reruns it, or empty if there is none
 * @param stackTrace the exception's full stack trace
 */
public record CrashedRun(String replay, String stackTrace) implements Metrics {}
