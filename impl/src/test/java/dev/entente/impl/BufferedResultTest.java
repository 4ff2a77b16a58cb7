package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import org.junit.jupiter.api.Test;

class BufferedResultTest {
  private static final Key K = Key.of("k");

  private static Replica mv(String id) {
    return Replica.create(
        ReplicaId.of(id), RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock());
  }

  @Test
  void missing_readAfterThePastArrives_namesWhatWasMissingWhenOffered() {
    Replica a = mv("A");
    Replica b = mv("B");
    Change a1 = a.put(K, Value.of("1"));
    Change a2 = a.put(K, Value.of("2"));
    Change a3 = a.put(K, Value.of("3"));
    b.apply(a1);

    ApplyResult buffered = b.apply(a3);
    b.apply(a2);

    assertThat(buffered).isInstanceOf(ApplyResult.Buffered.class);
    assertThat(((ApplyResult.Buffered) buffered).missing()).isEqualTo("A:2");
    assertThat(buffered).hasToString("Buffered[dot=A:3, missing=A:2]");
  }

  @Test
  void buffered_lazyAndEagerWithTheSameText_areEqualWithTheSameHash() {
    Replica a = mv("A");
    Replica b = mv("B");
    a.put(K, Value.of("1"));
    ApplyResult lazy = b.apply(a.put(K, Value.of("2")));
    ApplyResult.Buffered eager = new ApplyResult.Buffered(Dot.of("A", 2), "A:1");

    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(eager).isEqualTo(lazy);
    assertThat(lazy).isNotEqualTo(new ApplyResult.Buffered(Dot.of("A", 2), "A:1..2"));
  }
}
