package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written comparisons on the maps' hot paths agree with the model's definitions they
 * replace: {@link LwwMap#compareLww} with {@link Write#LWW_ORDER}, {@link MvMap#supersedes} with
 * {@link Write#supersedes}, on every pair of a set of writes that differ in each compared field.
 */
class HotPathEquivalenceTest {
  private static List<Write> writes() {
    List<Write> out = new ArrayList<>();
    Key k = Key.of("k");
    for (String author : List.of("A", "B")) {
      for (long seq = 1; seq <= 2; seq++) {
        for (HlcTimestamp ts : List.of(new HlcTimestamp(5, 0), new HlcTimestamp(5, 1))) {
          for (long seenOther = 0; seenOther <= 2; seenOther++) {
            ReplicaId me = ReplicaId.of(author);
            ReplicaId other = ReplicaId.of(author.equals("A") ? "B" : "A");
            VersionVector seen = VersionVector.of(Map.of(other, seenOther));
            List<Op> ops = List.of(new Op.Put(k, Value.of("1")), new Op.Delete(k));
            Change c = new Change(me, seq, ts, seen, ops);
            out.add(new Write(c, 0));
            out.add(new Write(c, 1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void compareLww_everyPair_hasTheSignOfLwwOrder() {
    List<Write> ws = writes();
    for (Write a : ws) {
      for (Write b : ws) {
        assertThat(Integer.signum(LwwMap.compareLww(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(Write.LWW_ORDER.compare(a, b)));
      }
    }
  }

  @Test
  void supersedes_everyPair_agreesWithTheModel() {
    List<Write> ws = writes();
    for (Write a : ws) {
      for (Write b : ws) {
        assertThat(MvMap.supersedes(a, b)).as("%s over %s", a, b).isEqualTo(a.supersedes(b));
      }
    }
  }
}
