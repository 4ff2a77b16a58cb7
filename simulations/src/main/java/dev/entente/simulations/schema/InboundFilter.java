package dev.entente.simulations.schema;

import dev.entente.model.Change;
import dev.entente.model.schema.SchemaChain;
import java.util.List;

/**
 * What a replica on schema version {@code version} does with the changes it receives before
 * applying them: a {@code ClusterFactory} seam. The real system keeps every change as written (the
 * protobuf rule: unknown keys survive, to be stored and forwarded); a mutant strips them.
 */
@FunctionalInterface
public interface InboundFilter {
  /** Keeps everything. */
  InboundFilter KEEP_ALL = (chain, version, changes) -> changes;

  /** The changes the replica applies, from those that arrived. */
  List<Change> filter(SchemaChain chain, int version, List<Change> changes);
}
