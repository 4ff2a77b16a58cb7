package dev.entente.simulations.sync;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.model.Change;
import dev.entente.model.VersionVector;
import dev.entente.simulations.random.Prng;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What an anti-entropy protocol instance works with: its replica, its own random generator (for
 * choosing peers), the causal buffer and the delta source (both mutant seams), and a sink for apply
 * results. Immutable holder.
 */
public record SyncContext(
    Replica replica,
    Prng prng,
    CausalBuffer buffer,
    BiFunction<Replica, VersionVector, List<Change>> changesSince,
    Consumer<ApplyResult> results) {}
