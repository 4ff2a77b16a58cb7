package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.KvMap;
import dev.entente.impl.LwwMap;
import dev.entente.model.Key;
import dev.entente.model.RegisterPolicy;
import dev.entente.properties.gen.History;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Runs the map and replica laws for per-key last-writer-wins, plus its tombstone accounting. */
class LwwPolicyProperties implements KvMapLaws, ReplicaLaws {
  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.LWW;
  }

  @Override
  public KvMap emptyMap() {
    return new LwwMap();
  }

  /** Every written key keeps one register; the absent ones are exactly the tombstones. */
  @Property
  void tombstones_areTheWrittenKeysThatAreAbsent(@ForAll("histories") History h) {
    LwwMap map = new LwwMap();
    h.changes().forEach(map::apply);
    Set<Key> written = new HashSet<>();
    h.changes().forEach(c -> c.ops().forEach(op -> written.add(op.key())));
    assertThat(map.registerCount()).isEqualTo(written.size());
    assertThat(map.tombstoneCount()).isEqualTo(written.size() - map.materialise().size());
  }
}
