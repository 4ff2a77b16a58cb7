package dev.entente.peers.cluster;

/**
 * A peer cluster's counters at the end of a run. Times are real nanoseconds, measured (never part
 * of a trace): {@code applyRoundTripNanos} is what the harness waited for transacts and sync-ins,
 * {@code applyPeerNanos} what the peers reported spending inside them; the difference is the
 * protocol's and the child process's overhead. Immutable.
 */
public record ClusterCounts(
    long changes,
    long messages,
    long messageBytes,
    long definiteErrors,
    long indefiniteErrors,
    long applyCalls,
    long applyRoundTripNanos,
    long applyPeerNanos) {}
