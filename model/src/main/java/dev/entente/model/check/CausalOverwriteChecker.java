package dev.entente.model.check;

import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.history.History;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * No causally later write is lost, and no deleted key comes back: a read that shows value {@code v}
 * of key {@code k}, written by change {@code w1}, must not have delivered (per its version vector)
 * a change {@code w2} that wrote {@code k} after seeing {@code w1}. If {@code w2} is a put the
 * finding is a <em>lost causally later write</em>; if it is a delete, a <em>resurrection</em>.
 *
 * <p>Values are mapped back to writes by content, so the workload must write unique values; a read
 * whose value more than one change wrote cannot be judged, and if no violation is found the result
 * is UNKNOWN rather than VALID.
 *
 * <p>Per-key LWW with wall clocks violates this under skew (a causally later write can carry a
 * smaller timestamp); with hybrid or Lamport clocks it must not. The causal-group policy may
 * legitimately show an older field when a concurrent change won the group.
 */
public final class CausalOverwriteChecker implements Checker<History> {
  /** Name of the lost-write finding. */
  public static final String LOST_WRITE = "no-causally-later-write-lost";

  /** Name of the resurrection finding. */
  public static final String RESURRECTION = "no-resurrection";

  private final boolean deletes;

  private CausalOverwriteChecker(boolean deletes) {
    this.deletes = deletes;
  }

  /** Flags reads that show a value a causally later put on the same key had replaced. */
  public static CausalOverwriteChecker lostWrites() {
    return new CausalOverwriteChecker(false);
  }

  /** Flags reads that show a value a causally later delete of the key had removed. */
  public static CausalOverwriteChecker resurrections() {
    return new CausalOverwriteChecker(true);
  }

  @Override
  public CheckResult check(History history) {
    String name = deletes ? RESURRECTION : LOST_WRITE;
    KvHistoryIndex index = new KvHistoryIndex(history);
    Tally tally = new Tally();
    for (KvHistoryIndex.Read r : index.reads()) {
      for (Map.Entry<Key, List<Value>> e : r.view().entries().entrySet()) {
        for (Value v : e.getValue()) {
          CheckResult broken = judge(name, index, r, e.getKey(), v, tally);
          if (broken != null) {
            return broken;
          }
        }
      }
    }
    String summary =
        tally.judged
            + " shown values judged, "
            + tally.ambiguous
            + " ambiguous, "
            + tally.unattributed
            + " from writes whose change the history does not carry";
    return tally.ambiguous > 0
        ? CheckResult.unknown(name, summary + " (workload values are not unique)")
        : CheckResult.valid(name, summary);
  }

  /** How the shown values fared: judged, or left out because their writer is not unique. */
  private static final class Tally {
    int ambiguous;
    int unattributed;
    int judged;
  }

  /**
   * Judges one value {@code v} of {@code key} shown by read {@code r}, counting it in {@code
   * tally}; returns the finding if a delivered change that saw its writer replaced it, else null.
   */
  private @Nullable CheckResult judge(
      String name, KvHistoryIndex index, KvHistoryIndex.Read r, Key key, Value v, Tally tally) {
    List<Change> writers = index.writersOf(key, v);
    if (writers.isEmpty()) {
      tally.unattributed++;
      return null;
    }
    if (writers.size() > 1) {
      tally.ambiguous++;
      return null;
    }
    tally.judged++;
    Change w1 = writers.get(0);
    for (Change w2 : index.changesWriting(key)) {
      if (w2 != w1
          && r.vv().covers(w2.dot())
          && w2.hasSeen(w1)
          && lastOpOn(w2, key) instanceof Op.Delete == deletes) {
        return replaced(name, r, key, v, w1, w2);
      }
    }
    return null;
  }

  private CheckResult replaced(
      String name, KvHistoryIndex.Read r, Key key, Value v, Change w1, Change w2) {
    return CheckResult.invalid(
        name,
        "read at index "
            + r.index()
            + " on "
            + r.replica()
            + " shows "
            + key
            + "="
            + v
            + " from "
            + w1.dot()
            + " @"
            + w1.timestamp()
            + ", but it has delivered "
            + w2.dot()
            + " @"
            + w2.timestamp()
            + ", which saw "
            + w1.dot()
            + " and then "
            + (deletes ? "deleted" : "overwrote")
            + " the key");
  }

  private static @Nullable Op lastOpOn(Change c, Key key) {
    @Nullable Op last = null;
    for (Op op : c.ops()) {
      if (op.key().equals(key)) {
        last = op;
      }
    }
    return last;
  }
}
