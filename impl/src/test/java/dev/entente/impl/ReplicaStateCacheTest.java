package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Replica#state()} is cached and sorted in place of re-canonicalising the whole log: it must
 * stay exactly the state {@link ReplicaState#of} builds from the logged changes, whatever order
 * they were delivered in, across compaction.
 */
class ReplicaStateCacheTest {
  private static final Key K = Key.of("k");

  @Test
  void state_changesDeliveredOutOfDotOrder_equalsTheCanonicalStateAfterEveryDelivery() {
    Replica r = lww("R");
    for (Change c : interleavedOutOfOrder()) {
      r.apply(c);
      assertThat(r.state()).isEqualTo(canonical(r));
      assertThat(SortedChanges.isStrictlySorted(r.state().changes())).isTrue();
    }
    r.checkRep();
  }

  @Test
  void state_severalDeliveriesBetweenCalls_mergesThemAllIn() {
    Replica r = lww("R");
    List<Change> changes = interleavedOutOfOrder();
    for (int i = 0; i < changes.size(); i++) {
      r.apply(changes.get(i));
      if (i % 5 == 4) {
        assertThat(r.state()).isEqualTo(canonical(r));
      }
    }
    assertThat(r.state()).isEqualTo(canonical(r));
  }

  @Test
  void state_replicaUnchangedSinceLastCall_isTheSameInstance() {
    Replica r = lww("R");
    r.put(K, Value.of("v"));
    ReplicaState first = r.state();

    assertThat(r.state()).isSameAs(first);
  }

  @Test
  void state_afterCompactionAndNewChanges_holdsOnlyTheNewLog() {
    Replica r = lww("R");
    interleavedOutOfOrder().forEach(r::apply);
    r.state();
    r.compactLog();
    assertThat(r.state().changes()).isEmpty();

    Change mine = r.put(K, Value.of("after"));

    assertThat(r.state().changes()).containsExactly(mine);
    r.checkRep();
  }

  @Test
  void replicaState_sortedAndUnsortedInput_areTheSameState() {
    List<Change> sorted = SortedChanges.sorted(interleavedOutOfOrder());
    List<Change> reversed = new ArrayList<>(sorted);
    Collections.reverse(reversed);
    reversed.add(sorted.get(0));

    assertThat(new ReplicaState(RegisterPolicy.LWW, sorted))
        .isEqualTo(ReplicaState.of(RegisterPolicy.LWW, reversed));
  }

  @Test
  void replicaState_twoDifferentChangesWithOneDot_isRejected() {
    Change a = change("A", 1, "x");
    Change forged = change("A", 1, "y");

    assertThatThrownBy(() -> new ReplicaState(RegisterPolicy.LWW, List.of(a, forged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share the dot A:1");
  }

  /** Three authors' changes, each author's in descending order, interleaved. */
  private static List<Change> interleavedOutOfOrder() {
    List<Change> out = new ArrayList<>();
    for (long seq = 6; seq >= 1; seq--) {
      for (String author : List.of("C", "A", "B")) {
        out.add(change(author, seq, author + seq));
      }
    }
    return out;
  }

  private static Change change(String author, long seq, String value) {
    return new Change(
        ReplicaId.of(author),
        seq,
        new HlcTimestamp(seq, 0),
        VersionVector.EMPTY,
        List.of(new Op.Put(Key.of(author + "/" + seq), Value.of(value))));
  }

  private static ReplicaState canonical(Replica r) {
    return ReplicaState.of(r.policy(), r.changesSince(VersionVector.EMPTY));
  }

  private static Replica lww(String id) {
    return Replica.create(
        ReplicaId.of(id), RegisterPolicy.LWW, KeyGroups.byParentPath(), new LamportClock());
  }
}
