package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Replica#materialise()} is cached between changes to the map: a read of an unchanged
 * replica returns the view it built last, and every way the map changes (a local write, a remote
 * change, a state merge, a snapshot merge) shows the map's fresh view at the next read.
 */
class ReplicaViewCacheTest {
  private static final Key K = Key.of("doc/k");
  private static final Key J = Key.of("doc/j");

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void materialise_replicaUnchanged_isTheSameInstance(RegisterPolicy policy) {
    Replica r = replica("A", policy);
    r.put(K, Value.of("v"));
    MaterialisedMap first = r.materialise();

    assertThat(r.materialise()).isSameAs(first);
    r.checkRep();
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void materialise_afterEveryKindOfChange_isTheMapsFreshView(RegisterPolicy policy) {
    Replica a = replica("A", policy);
    Replica b = replica("B", policy);
    assertFresh(a);
    Change first = a.put(K, Value.of("a1"));
    assertFresh(a);
    b.apply(first);
    assertFresh(b);
    b.put(J, Value.of("b1"));
    b.delete(K);
    assertFresh(b);
    a.merge(b.state());
    assertFresh(a);
    Replica c = replica("C", policy);
    c.materialise();
    c.mergeSnapshot(a.snapshot());

    assertFresh(c);
    assertThat(c.materialise()).isEqualTo(a.materialise());
    c.checkRep();
  }

  /** Reads the replica (filling the cache) and checks the read against the map's own view. */
  private static void assertFresh(Replica r) {
    assertThat(r.materialise()).isEqualTo(r.map().materialise());
    r.checkRep();
  }

  private static Replica replica(String id, RegisterPolicy policy) {
    return Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), new LamportClock());
  }
}
