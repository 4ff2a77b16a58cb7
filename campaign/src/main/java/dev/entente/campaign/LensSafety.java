package dev.entente.campaign;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.schema.BuiltInSchemas;
import dev.entente.impl.schema.SchemaViews;
import dev.entente.impl.schema.Translator;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.SchemaInvariants;
import dev.entente.model.schema.SchemaOracle;
import dev.entente.model.schema.VersionedView;
import java.util.ArrayList;
import java.util.List;

/**
 * Which lens kinds are safe under concurrency, measured: for each race, two real impl replicas on
 * different versions of the calendar chain make concurrent writes (which one wins varies with the
 * seed: the old replica makes 0-2 other writes first, moving its Lamport clock past the new one's),
 * exchange their changes, and are read at every version. A race is safe in a run if both replicas
 * show equal views at every version, the views equal the schema oracle's, the racing writes are all
 * kept in the logs, and the declared invariants hold. Stateless; deterministic.
 */
final class LensSafety {
  private static final SchemaChain CHAIN = BuiltInSchemas.calendar();

  private LensSafety() {}

  /** One race: what the old and the new replica write, at which versions. */
  enum Race {
    RENAME_VS_OLD_NAME("rename: v1 writes title, v2 writes name", 1, 2),
    SPLIT_VS_JOINED_KEY("split: v1 writes when, v2 writes start and end", 1, 2),
    SPLIT_PART_VS_JOINED_KEY("split: v1 writes when, v2 writes end alone", 1, 2),
    CONVERT_VS_OLD_TYPE("convert: v2 writes minutes, v3 writes clock times", 2, 3),
    ADD_VS_OLD_VERSION("add: v2 writes name, v3 writes color", 2, 3),
    REMOVE_VS_OLD_VERSION("remove: v3 writes notes, v4 writes label", 3, 4);

    final String description;
    final int oldVersion;
    final int newVersion;

    Race(String description, int oldVersion, int newVersion) {
      this.description = description;
      this.oldVersion = oldVersion;
      this.newVersion = newVersion;
    }
  }

  /** The tally of one race over its runs. */
  record Tally(
      Race race, long runs, long converged, long oracleAgrees, long invariantHolds, long kept) {
    boolean safe() {
      return converged == runs && oracleAgrees == runs && invariantHolds == runs && kept == runs;
    }
  }

  /** Runs {@code race} {@code runs} times. */
  static Tally run(Race race, int runs) {
    long converged = 0;
    long oracle = 0;
    long invariant = 0;
    long kept = 0;
    for (int seed = 0; seed < runs; seed++) {
      Replica old = replica("old");
      Replica next = replica("new");
      // The base event both replicas know, then the racing pair, neither having seen the other.
      Change base = old.transact(base(race.oldVersion, seed), race.oldVersion);
      next.apply(base);
      // One replica moves its clock ahead with an unrelated write, so the winner alternates.
      Replica ahead = seed % 2 == 0 ? next : old;
      ahead.transact(List.of(put("warmup/" + seed, "w")), seed % 2 == 0 ? race.newVersion : 1);
      Change a = old.transact(oldWrite(race, seed), race.oldVersion);
      Change b = next.transact(newWrite(race, seed), race.newVersion);
      exchange(old, next);
      List<Change> x = old.changesSince(VersionVector.EMPTY);
      List<Change> y = next.changesSince(VersionVector.EMPTY);
      boolean conv = true;
      boolean agrees = true;
      boolean holds = true;
      for (int v = 1; v <= CHAIN.latest(); v++) {
        VersionedView vx = view(x, v);
        conv &= vx.equals(view(y, v));
        agrees &= vx.equals(SchemaOracle.read(CHAIN, x, v));
        holds &= SchemaInvariants.violations(CHAIN.at(v), vx.known()).isEmpty();
      }
      converged += conv ? 1 : 0;
      oracle += agrees ? 1 : 0;
      invariant += holds ? 1 : 0;
      kept += x.contains(a) && x.contains(b) && y.contains(a) && y.contains(b) ? 1 : 0;
    }
    return new Tally(race, runs, converged, oracle, invariant, kept);
  }

  /** Full anti-entropy between the two replicas. */
  private static void exchange(Replica x, Replica y) {
    List<Change> toY = x.changesSince(y.versionVector());
    List<Change> toX = y.changesSince(x.versionVector());
    toY.forEach(y::apply);
    toX.forEach(x::apply);
  }

  private static VersionedView view(List<Change> log, int v) {
    return new SchemaViews(new Translator(CHAIN)).read(log, v);
  }

  private static Replica replica(String id) {
    return Replica.create(
        ReplicaId.of(id), RegisterPolicy.LWW, KeyGroups.byParentPath(), new LamportClock());
  }

  private static List<Op> base(int v, int seed) {
    return v == 1
        ? List.of(put("event/1/when", "600@b|660@b"), put("event/1/title", "base"))
        : v == 2
            ? List.of(put("event/1/start", "600@b"), put("event/1/end", "660@b"))
            : List.of(put("event/1/start", "10:00@b"), put("event/1/end", "11:00@b"));
  }

  private static List<Op> oldWrite(Race race, int seed) {
    return switch (race) {
      case RENAME_VS_OLD_NAME -> List.of(put("event/1/title", "old-" + seed));
      case SPLIT_VS_JOINED_KEY, SPLIT_PART_VS_JOINED_KEY ->
          List.of(put("event/1/when", "700@o|760@o"));
      case CONVERT_VS_OLD_TYPE ->
          List.of(put("event/1/start", "540@o"), put("event/1/end", "600@o"));
      case ADD_VS_OLD_VERSION -> List.of(put("event/1/name", "old-" + seed));
      case REMOVE_VS_OLD_VERSION -> List.of(put("event/1/notes", "old-" + seed));
    };
  }

  private static List<Op> newWrite(Race race, int seed) {
    return switch (race) {
      case RENAME_VS_OLD_NAME -> List.of(put("event/1/name", "new-" + seed));
      case SPLIT_VS_JOINED_KEY ->
          List.of(put("event/1/start", "300@n"), put("event/1/end", "360@n"));
      case SPLIT_PART_VS_JOINED_KEY -> List.of(put("event/1/end", "650@n"));
      case CONVERT_VS_OLD_TYPE ->
          List.of(put("event/1/start", "08:00@n"), put("event/1/end", "08:30@n"));
      case ADD_VS_OLD_VERSION -> List.of(put("event/1/color", "blue-" + seed));
      case REMOVE_VS_OLD_VERSION -> List.of(put("event/1/label", "new-" + seed));
    };
  }

  private static Op put(String key, String value) {
    return new Op.Put(Key.of(key), Value.of(value));
  }

  /** Every race's tally, in declaration order. */
  static List<Tally> all(int runs) {
    List<Tally> out = new ArrayList<>();
    for (Race r : Race.values()) {
      out.add(run(r, runs));
    }
    return out;
  }
}
