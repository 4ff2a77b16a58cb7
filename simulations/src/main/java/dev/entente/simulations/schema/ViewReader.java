package dev.entente.simulations.schema;

import dev.entente.impl.schema.SchemaViews;
import dev.entente.impl.schema.Translator;
import dev.entente.model.Change;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.VersionedView;
import java.util.List;

/**
 * How a replica reads its change log at a schema version: a {@code ClusterFactory} seam, whose real
 * implementation is impl's {@link SchemaViews} and whose mutants live in {@code broken/}.
 */
@FunctionalInterface
public interface ViewReader {
  /** impl's views: translate every write, then resolve. */
  ViewReader REAL =
      (chain, log, version) -> new SchemaViews(new Translator(chain)).read(log, version);

  /** The view of {@code log} (in delivery order) at {@code version} of {@code chain}. */
  VersionedView read(SchemaChain chain, List<Change> log, int version);
}
