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
    int ambiguous = 0;
    int unattributed = 0;
    int judged = 0;
    for (KvHistoryIndex.Read r : index.reads()) {
      for (Map.Entry<Key, List<Value>> e : r.view().entries().entrySet()) {
        for (Value v : e.getValue()) {
          List<Change> writers = index.writersOf(e.getKey(), v);
          if (writers.isEmpty()) {
            unattributed++;
            continue;
          }
          if (writers.size() > 1) {
            ambiguous++;
            continue;
          }
          judged++;
          Change w1 = writers.get(0);
          for (Change w2 : index.changesWriting(e.getKey())) {
            if (w2 != w1
                && r.vv().covers(w2.dot())
                && w2.hasSeen(w1)
                && lastOpOn(w2, e.getKey()) instanceof Op.Delete == deletes) {
              return CheckResult.invalid(
                  name,
                  "read at index "
                      + r.index()
                      + " on "
                      + r.replica()
                      + " shows "
                      + e.getKey()
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
          }
        }
      }
    }
    String summary =
        judged
            + " shown values judged, "
            + ambiguous
            + " ambiguous, "
            + unattributed
            + " from writes whose change the history does not carry";
    return ambiguous > 0
        ? CheckResult.unknown(name, summary + " (workload values are not unique)")
        : CheckResult.valid(name, summary);
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
