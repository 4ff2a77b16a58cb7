package dev.entente.properties.schema;

import dev.entente.impl.schema.Landed;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.FieldType;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/**
 * Histories of schema-tagged changes for the lens laws: each change is one replica's edit of one
 * entity at one version, writing every field of the entity (so split parts travel together) or
 * deleting them all, with timestamps drawn from a small range so ties happen. Optionally junk:
 * values that do not parse and keys no version knows.
 */
final class SchemaHistories {
  private final SchemaChain chain;

  SchemaHistories(SchemaChain chain) {
    this.chain = chain;
  }

  /** One drawn edit. */
  record Edit(int author, int version, int entity, boolean delete, int junk, long n, long wall) {}

  /** Edits at versions in {@code [minVersion, maxVersion]}. */
  Arbitrary<List<Change>> histories(int minVersion, int maxVersion, boolean junk) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(minVersion, maxVersion),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(0, junk ? 5 : 0),
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.longs().between(1, 12))
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(20).map(this::changes);
  }

  private List<Change> changes(List<Edit> edits) {
    List<Change> out = new ArrayList<>();
    long[] seqs = new long[3];
    for (Edit e : edits) {
      ReplicaId author = ReplicaId.of("r" + e.author());
      long seq = ++seqs[e.author()];
      List<Op> ops = ops(chain.at(e.version()), e);
      out.add(
          new Change(
              author, seq, new HlcTimestamp(e.wall(), 0), VersionVector.EMPTY, ops, e.version()));
    }
    return out;
  }

  private List<Op> ops(Schema schema, Edit e) {
    Map<String, String> id = Map.of("id", Integer.toString(e.entity()));
    List<Op> ops = new ArrayList<>();
    for (Field f : schema.fields()) {
      Key key = f.pattern().bind(id);
      ops.add(e.delete() ? new Op.Delete(key) : new Op.Put(key, Value.of(value(schema, f, e.n()))));
    }
    if (e.junk() == 4) {
      ops.set(0, new Op.Put(ops.get(0).key(), Value.of("12:3x|junk")));
    } else if (e.junk() == 5) {
      ops.add(new Op.Put(Key.of("mystery/" + e.entity()), Value.of("kept")));
    }
    return ops;
  }

  /** A value of {@code f}'s type; a split source gets {@code start|end}. */
  private String value(Schema schema, Field f, long n) {
    long minute = n % 1300;
    if (splitSource(schema.version(), f)) {
      return minute + "@t" + n + "|" + (minute + 1 + n % 100) + "@t" + n;
    }
    boolean end = f.pattern().text().endsWith("/end") || f.pattern().text().endsWith("/t");
    long m = end ? minute + 1 + n % 100 : minute;
    return switch (f.type()) {
      case STRING -> "s" + n;
      case INT -> Long.toString(n - 50_000);
      case MINUTE -> m + "@t" + n;
      case CLOCK -> String.format(Locale.ROOT, "%02d:%02d@t%d", m / 60, m % 60, n);
    };
  }

  private boolean splitSource(int version, Field f) {
    if (version >= chain.latest() || f.type() != FieldType.STRING) {
      return false;
    }
    return chain.stepFrom(version).lenses().stream()
        .anyMatch(l -> l instanceof Lens.Split s && s.from().equals(f.pattern()));
  }

  /**
   * A change of {@code original}'s identity holding {@code writes} (one change's translation) as
   * ops, tagged {@code version}; split parts of one key are joined. Null if nothing is left.
   */
  static @Nullable Change retag(Change original, List<Landed> writes, int version) {
    Map<Key, Op> ops = new LinkedHashMap<>();
    Map<Key, String[]> parts = new LinkedHashMap<>();
    for (Landed w : writes) {
      if (w.part() == Landed.WHOLE) {
        ops.put(w.key(), w.value() == null ? new Op.Delete(w.key()) : put(w.key(), w.value()));
      } else {
        String[] p = parts.computeIfAbsent(w.key(), k -> new String[3]);
        p[w.part()] = w.value() == null ? "\u0000" : w.value();
        p[2] = w.separator();
        ops.put(w.key(), null);
      }
    }
    parts.forEach(
        (k, p) ->
            ops.put(k, "\u0000".equals(p[0]) ? new Op.Delete(k) : put(k, p[0] + p[2] + p[1])));
    List<Op> list = new ArrayList<>(ops.values());
    return list.isEmpty() ? null : original.withOps(list).withSchemaVersion(version);
  }

  private static Op put(Key k, String v) {
    return new Op.Put(k, Value.of(v));
  }
}
