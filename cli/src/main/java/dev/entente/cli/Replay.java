package dev.entente.cli;

import dev.entente.histories.interchange.ChangeJson;
import dev.entente.histories.interchange.ChangeJsonException;
import dev.entente.histories.interchange.JsonLines;
import dev.entente.histories.interchange.MissingDots;
import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds lines of {@link ChangeJson} to one fresh {@link Replica} and collects a diagnostic, {@code
 * line N: reason}, for every line that could not be applied. Mutable, not thread-safe.
 *
 * <p>A bad line never stops the replay: the point is to show what the good lines produce and to
 * list every bad one at once. A line is bad if it is not a valid change, or if the replica rejects
 * it (a different change with a known dot). Duplicates are not bad: replaying a log with repeats is
 * normal. Changes the replica still buffers when the input ends (MV waits for causal predecessors)
 * are reported by {@link #finish()} against the line that first carried them.
 */
final class Replay {
  /** The replaying replica's id; it never makes changes, so no dot of its own can collide. */
  static final ReplicaId REPLICA_ID = ReplicaId.of("replay");

  private final Replica replica;
  private final Map<Dot, Long> bufferedAtLine = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  Replay(RegisterPolicy policy) {
    this.replica = Replica.create(REPLICA_ID, policy, KeyGroups.byParentPath(), new LamportClock());
  }

  /** Parses and applies one line; blank lines are skipped. */
  void accept(JsonLines.Line line) {
    if (line.encodingError() != null) {
      report(line.number(), line.encodingError());
      return;
    }
    if (line.isBlank()) {
      return;
    }
    Change change;
    try {
      change = ChangeJson.parse(text(line));
    } catch (ChangeJsonException e) {
      report(line.number(), e.reason());
      return;
    }
    ApplyResult result = replica.apply(change);
    if (result instanceof ApplyResult.Rejected rejected) {
      report(line.number(), "change " + rejected.dot() + " rejected: " + rejected.reason());
    } else if (result instanceof ApplyResult.Buffered) {
      bufferedAtLine.putIfAbsent(change.dot(), line.number());
    }
  }

  /** Reports every change still pending; call once, after the last line. */
  void finish() {
    VersionVector have = replica.versionVector();
    List<Change> stuck = new ArrayList<>(replica.pending());
    stuck.sort((a, b) -> Long.compare(lineOf(a), lineOf(b)));
    for (Change c : stuck) {
      report(
          lineOf(c),
          "change "
              + c.dot()
              + " never became deliverable: missing "
              + MissingDots.ranges(c, have));
    }
  }

  /** The diagnostics so far, in input order (pending changes last). */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** What the replica shows after the lines so far. */
  MaterialisedMap materialise() {
    return replica.materialise();
  }

  private long lineOf(Change c) {
    return bufferedAtLine.getOrDefault(c.dot(), 0L);
  }

  private void report(long lineNumber, String reason) {
    problems.add("line " + lineNumber + ": " + reason);
  }

  /** The text of a line that is neither badly encoded nor blank: JsonLines gives it one. */
  private static String text(JsonLines.Line line) {
    String text = line.text();
    if (text == null) {
      throw new IllegalStateException("line " + line.number() + " has no text and no error");
    }
    return text;
  }
}
