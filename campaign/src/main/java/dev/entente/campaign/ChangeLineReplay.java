package dev.entente.campaign;

import dev.entente.histories.interchange.ChangeJson;
import dev.entente.histories.interchange.ChangeJsonException;
import dev.entente.histories.interchange.JsonLines;
import dev.entente.histories.interchange.MissingDots;
import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Feeds lines of {@link ChangeJson} to one fresh {@link Replica} and collects a diagnostic, {@code
 * line N: reason}, for every line that could not be applied. Mutable, not thread-safe.
 *
 * <p>A bad line never stops the replay: the point is to show what the good lines produce and to
 * list every bad one at once. A line is bad if it is not a valid change, or if the replica rejects
 * it (a different change with a known dot). Duplicates are not bad: replaying a log with repeats is
 * normal. Changes the replica still buffers when the input ends (MV waits for causal predecessors)
 * are reported by {@link #finish()} against the line that first carried them (line 0 for changes a
 * stored replica already buffered before this replay). This is {@code entente replay}'s engine.
 */
public final class ChangeLineReplay {
  /** The replaying replica's id; it never makes changes, so no dot of its own can collide. */
  public static final ReplicaId REPLICA_ID = ReplicaId.of("replay");

  /** Exactly one of these is set: the in-memory replica, or the stored one. */
  private final @Nullable Replica replica;

  private final @Nullable DurableReplica durable;
  private final Map<Dot, Long> bufferedAtLine = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** A replay onto {@code replica} in memory (a fresh one, or one restored from a snapshot). */
  public ChangeLineReplay(Replica replica) {
    this.replica = replica;
    this.durable = null;
  }

  /** The in-memory replica (for {@code --snapshot-out}). */
  public Replica replica() {
    return memory();
  }

  /**
   * A replay onto a stored replica: every accepted line is committed to its storage before {@link
   * #accept} returns.
   */
  public ChangeLineReplay(DurableReplica durable) {
    this.replica = null;
    this.durable = durable;
  }

  /**
   * Parses and applies one line; blank lines are skipped. Returns true if the line was good (for a
   * stored replica: what it carried is now durable), false if it was reported as bad.
   *
   * @throws StorageException if the stored replica could not commit the change
   */
  public boolean accept(JsonLines.Line line) throws StorageException {
    if (line.encodingError() != null) {
      report(line.number(), line.encodingError());
      return false;
    }
    if (line.isBlank()) {
      return true;
    }
    Change change;
    try {
      change = ChangeJson.parse(text(line));
    } catch (ChangeJsonException e) {
      report(line.number(), e.reason());
      return false;
    }
    ApplyResult result = durable != null ? durable.apply(change) : memory().apply(change);
    if (result instanceof ApplyResult.Rejected rejected) {
      report(line.number(), "change " + rejected.dot() + " rejected: " + rejected.reason());
      return false;
    } else if (result instanceof ApplyResult.Buffered) {
      bufferedAtLine.putIfAbsent(change.dot(), line.number());
    }
    return true;
  }

  /** Reports every change still pending; call once, after the last line. */
  public void finish() {
    VersionVector have = durable != null ? durable.versionVector() : memory().versionVector();
    List<Change> stuck = new ArrayList<>(durable != null ? durable.pending() : memory().pending());
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
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** What the replica shows after the lines so far. */
  public MaterialisedMap materialise() {
    return durable != null ? durable.materialise() : memory().materialise();
  }

  /** The changes delivered so far, in delivery order. */
  public List<Change> log() {
    return durable != null ? durable.delivered() : memory().changesSince(VersionVector.EMPTY);
  }

  private Replica memory() {
    return Objects.requireNonNull(replica, "replay has neither a replica nor a stored one");
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
