package dev.entente.simulations.schema;

import dev.entente.model.Check;

/**
 * The schema components of a replica a mutant may replace: how it reads its log at a version, and
 * what it keeps of what it receives. Immutable.
 */
public record SchemaSeams(ViewReader views, InboundFilter inbound) {
  /** The real components. */
  public static final SchemaSeams REAL = new SchemaSeams(ViewReader.REAL, InboundFilter.KEEP_ALL);

  /** Validates that neither is null. */
  public SchemaSeams {
    Check.argument(views != null && inbound != null, "schema seams must not be null");
  }
}
