package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.InvariantViolation;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.Verify;
import org.junit.jupiter.api.Test;

/**
 * {@link Replica#checkRepAfterStep()} checks what a step can change every time and the whole
 * replica every few calls: a map that breaks is caught within that many calls, and at once by
 * {@link Replica#checkRep()}.
 */
class ReplicaCheckAfterStepTest {
  private static final int INTERVAL = 16;

  @Test
  void checkRepAfterStep_soundReplica_passesEveryCall() {
    Replica r = Replica.create(ReplicaId.of("A"), new BreakableMap(), new LamportClock());
    for (int i = 0; i < 3 * INTERVAL; i++) {
      r.put(Key.of("k" + i % 4), Value.of("v" + i));
      r.checkRepAfterStep();
    }
    r.checkRep();
  }

  @Test
  void checkRepAfterStep_mapBreaks_isCaughtWithinTheFullCheckInterval() {
    BreakableMap map = new BreakableMap();
    Replica r = Replica.create(ReplicaId.of("A"), map, new LamportClock());
    r.put(Key.of("k"), Value.of("v"));
    r.checkRepAfterStep();
    map.broken = true;

    int calls = 0;
    boolean caught = false;
    while (!caught && calls < INTERVAL) {
      calls++;
      try {
        r.checkRepAfterStep();
      } catch (InvariantViolation e) {
        caught = true;
      }
    }

    assertThat(caught).as("caught within %d calls", INTERVAL).isTrue();
    assertThatThrownBy(r::checkRep).isInstanceOf(InvariantViolation.class).hasMessage("broken");
  }

  @Test
  void checkRepAfterStep_afterCompaction_walksTheWholeReplica() {
    BreakableMap map = new BreakableMap();
    Replica r = Replica.create(ReplicaId.of("A"), map, new LamportClock());
    r.put(Key.of("k"), Value.of("v"));
    r.checkRepAfterStep();
    map.broken = true;
    r.compactLog();

    assertThatThrownBy(r::checkRepAfterStep).isInstanceOf(InvariantViolation.class);
  }

  /** A real LWW map whose representation check fails once told to. */
  private static final class BreakableMap implements KvMap {
    private final LwwMap delegate = new LwwMap();
    boolean broken;

    @Override
    public RegisterPolicy policy() {
      return delegate.policy();
    }

    @Override
    public void apply(Change change) {
      delegate.apply(change);
    }

    @Override
    public void mergeFrom(KvMap other) {
      delegate.mergeFrom(other);
    }

    @Override
    public boolean isLessOrEqual(KvMap other) {
      return delegate.isLessOrEqual(other);
    }

    @Override
    public KvMap copy() {
      return delegate.copy();
    }

    @Override
    public MaterialisedMap materialise() {
      return delegate.materialise();
    }

    @Override
    public long tombstoneCount() {
      return delegate.tombstoneCount();
    }

    @Override
    public void checkRep() {
      Verify.that(!broken, "broken");
      delegate.checkRep();
    }
  }
}
