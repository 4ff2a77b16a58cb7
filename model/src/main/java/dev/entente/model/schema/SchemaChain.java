package dev.entente.model.schema;

import dev.entente.model.Check;
import java.util.List;

/**
 * Every version of a schema and the lens steps between consecutive ones: {@code steps.get(i)} goes
 * from {@code versions.get(i)} to {@code versions.get(i + 1)}. Immutable; structurally validated
 * here, type-checked by {@code impl}'s lens checker.
 */
public record SchemaChain(List<Schema> versions, List<LensStep> steps) {
  /** Validates numbering: versions 1..n, steps 1..n-1. */
  public SchemaChain {
    Check.argument(versions != null && !versions.isEmpty(), "a schema chain needs a version");
    Check.argument(
        steps != null && steps.size() == versions.size() - 1,
        "a chain of %d versions needs %d lens steps",
        versions.size(),
        versions.size() - 1);
    for (int i = 0; i < versions.size(); i++) {
      Check.argument(
          versions.get(i).version() == i + 1, "version %d is numbered %d", i + 1, versions.get(i));
    }
    for (int i = 0; i < steps.size(); i++) {
      Check.argument(steps.get(i).from() == i + 1, "lens step %d starts elsewhere", i + 1);
    }
    versions = List.copyOf(versions);
    steps = List.copyOf(steps);
  }

  /** The newest version number. */
  public int latest() {
    return versions.size();
  }

  /** Version {@code v}, 1-based. */
  public Schema at(int v) {
    Check.argument(v >= 1 && v <= latest(), "no schema version %d (1..%d)", v, latest());
    return versions.get(v - 1);
  }

  /** The step from {@code v} to {@code v + 1}. */
  public LensStep stepFrom(int v) {
    Check.argument(v >= 1 && v < latest(), "no lens step from version %d", v);
    return steps.get(v - 1);
  }

  /** The chain an application on version {@code v} knows: versions 1..v and their steps. */
  public SchemaChain upTo(int v) {
    Check.argument(v >= 1 && v <= latest(), "no schema version %d (1..%d)", v, latest());
    return new SchemaChain(versions.subList(0, v), steps.subList(0, v - 1));
  }
}
