/**
 * The compaction seams of the simulator (issue 10): how a replica decides its GC frontier, which
 * snapshot it writes, how it joins a peer's snapshot when it is behind the peer's horizon, and how
 * it restarts from its own snapshot. {@code CompactionSeams.REAL} is the real system; the mutant
 * catalogue replaces one point.
 */
package dev.entente.simulations.compact;
