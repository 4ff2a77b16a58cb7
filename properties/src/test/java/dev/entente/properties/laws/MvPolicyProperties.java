package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.KvMap;
import dev.entente.impl.MvMap;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.properties.gen.History;
import dev.entente.properties.gen.HistoryArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Runs the map and replica laws for the multi-value map, plus sibling resolution. */
class MvPolicyProperties implements KvMapLaws, ReplicaLaws {
  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.MV;
  }

  @Override
  public KvMap emptyMap() {
    return new MvMap();
  }

  @Provide
  Arbitrary<String> anyKey() {
    return Arbitraries.of(HistoryArbitraries.KEYS);
  }

  /** A put made after seeing all siblings of a key replaces them: one value remains. */
  @Property
  void put_afterSeeingSiblings_resolvesThemToOneValue(
      @ForAll("histories") History h, @ForAll int i, @ForAll("anyKey") String key) {
    List<Change> snapshot = h.snapshot(i);
    Replica replica =
        Replica.create(
            ReplicaId.of("W"), RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock());
    snapshot.forEach(replica::apply);
    replica.put(Key.of(key), Value.of("resolved"));
    replica.checkRep();
    assertThat(replica.materialise().get(Key.of(key))).containsExactly(Value.of("resolved"));
  }
}
