package dev.entente.model.check;

import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.check.KvHistoryIndex.Read;
import dev.entente.model.check.KvHistoryIndex.WriteOp;
import dev.entente.model.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The four session guarantees of Terry et al. (1994), judged per client process on a {@link
 * dev.entente.model.history.KvOps} history through the version vectors that reads record:
 *
 * <ul>
 *   <li><b>read-your-writes</b>: a read covers every write its process made before it;
 *   <li><b>monotonic reads</b>: each read's vector dominates the process's previous read's;
 *   <li><b>writes-follow-reads</b>: a write has seen everything its process read before it;
 *   <li><b>monotonic writes</b>, per origin (PRAM): a read that shows a value written by change
 *       {@code A:n} has delivered {@code A:1..n-1} too, so no replica shows a later write of an
 *       origin without the earlier ones.
 * </ul>
 */
public final class SessionGuaranteesChecker implements Checker<History> {
  /** This checker's name in results. */
  public static final String NAME = "session-guarantees";

  /** Name of the per-origin monotonic-writes part. */
  public static final String MONOTONIC_WRITES = "monotonic-writes";

  @Override
  public CheckResult check(History history) {
    KvHistoryIndex index = new KvHistoryIndex(history);
    List<CheckResult> parts = new ArrayList<>();
    parts.add(perSession(index));
    parts.add(monotonicWrites(index));
    return CheckResult.all(NAME, parts);
  }

  /** Read-your-writes, monotonic reads and writes-follow-reads only. */
  public static CheckResult perSession(History history) {
    return perSession(new KvHistoryIndex(history));
  }

  /**
   * Monotonic writes per origin only. Judged apart because a design can break it without breaking
   * the others: with wall clocks an origin's timestamps can go backwards, so a drift guard may
   * refuse one of its changes and accept a later one.
   */
  public static CheckResult monotonicWrites(History history) {
    return monotonicWrites(new KvHistoryIndex(history));
  }

  private static CheckResult perSession(KvHistoryIndex index) {
    int reads = 0;
    for (Map.Entry<Long, List<Object>> session : index.sessions().entrySet()) {
      CheckResult broken = sessionViolation(session.getKey(), session.getValue());
      if (broken != null) {
        return broken;
      }
      // A session's events are its writes and its reads.
      reads += (int) session.getValue().stream().filter(e -> !(e instanceof WriteOp)).count();
    }
    return CheckResult.valid(
        "per-session", reads + " reads in " + index.sessions().size() + " sessions");
  }

  /** The first per-session guarantee that {@code process}'s events, in order, break; or null. */
  private static @Nullable CheckResult sessionViolation(long process, List<Object> events) {
    List<WriteOp> writesSoFar = new ArrayList<>();
    Read lastRead = null;
    for (Object event : events) {
      if (event instanceof WriteOp w) {
        if (lastRead != null && !w.change().seen().dominates(lastRead.vv())) {
          return writesFollowReads(process, w, lastRead);
        }
        writesSoFar.add(w);
        continue;
      }
      Read r = (Read) event;
      CheckResult broken = readViolation(process, r, writesSoFar, lastRead);
      if (broken != null) {
        return broken;
      }
      lastRead = r;
    }
    return null;
  }

  /** Read-your-writes, then monotonic reads, for read {@code r} of {@code process}; or null. */
  private static @Nullable CheckResult readViolation(
      long process, Read r, List<WriteOp> writesSoFar, @Nullable Read lastRead) {
    for (WriteOp w : writesSoFar) {
      if (!r.vv().covers(w.change().dot())) {
        return readYourWrites(process, r, w);
      }
    }
    if (lastRead != null && !r.vv().dominates(lastRead.vv())) {
      return monotonicReads(process, r, lastRead);
    }
    return null;
  }

  private static CheckResult writesFollowReads(long process, WriteOp w, Read lastRead) {
    return CheckResult.invalid(
        "writes-follow-reads",
        "process "
            + process
            + " wrote "
            + w.change().dot()
            + " (index "
            + w.index()
            + ") having seen "
            + w.change().seen()
            + ", less than its earlier read at index "
            + lastRead.index()
            + " ("
            + lastRead.vv()
            + ")");
  }

  private static CheckResult readYourWrites(long process, Read r, WriteOp w) {
    return CheckResult.invalid(
        "read-your-writes",
        "process "
            + process
            + " read at index "
            + r.index()
            + " on "
            + r.replica()
            + " with "
            + r.vv()
            + ", missing its own write "
            + w.change().dot()
            + " (index "
            + w.index()
            + ")");
  }

  private static CheckResult monotonicReads(long process, Read r, Read lastRead) {
    return CheckResult.invalid(
        "monotonic-reads",
        "process "
            + process
            + " read "
            + r.vv()
            + " at index "
            + r.index()
            + " after reading "
            + lastRead.vv()
            + " at index "
            + lastRead.index());
  }

  private static CheckResult monotonicWrites(KvHistoryIndex index) {
    for (KvHistoryIndex.Read r : index.reads()) {
      for (Map.Entry<Key, List<Value>> e : r.view().entries().entrySet()) {
        for (Value v : e.getValue()) {
          List<Change> writers = index.writersOf(e.getKey(), v);
          if (writers.size() != 1) {
            continue;
          }
          Change w = writers.get(0);
          VersionVector need = VersionVector.EMPTY.with(w.author(), w.seq() - 1);
          if (!r.vv().dominates(need)) {
            return CheckResult.invalid(
                MONOTONIC_WRITES,
                "read at index "
                    + r.index()
                    + " on "
                    + r.replica()
                    + " shows "
                    + e.getKey()
                    + "="
                    + v
                    + " from "
                    + w.dot()
                    + " but has delivered only "
                    + r.vv().get(w.author())
                    + " earlier changes of "
                    + w.author());
          }
        }
      }
    }
    return CheckResult.valid(MONOTONIC_WRITES, index.reads().size() + " reads checked");
  }
}
