package dev.entente.simulations.sync;

import dev.entente.impl.ReplicaState;
import dev.entente.impl.gc.StabilityReport;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything replicas and the sequencer say to each other. Immutable. {@link #label()} is the
 * canonical short form recorded in the trace (dots, not contents: contents are in the history).
 */
public sealed interface SyncMessage {
  /** A short canonical description for the trace. */
  String label();

  /** Changes, in the order the receiver should offer them. */
  record Changes(List<Change> changes) implements SyncMessage {
    /** Copies the list. */
    public Changes {
      changes = List.copyOf(changes);
    }

    @Override
    public String label() {
      // A loop, not a joining stream: every push and retransmission builds this label.
      StringBuilder b = new StringBuilder(10 + 8 * changes.size()).append("changes[");
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        if (i > 0) {
          b.append(',');
        }
        b.append(c.author().value()).append(':').append(c.seq());
      }
      return b.append(']').toString();
    }
  }

  /** Acknowledges everything the sender has delivered (op push). */
  record Ack(VersionVector delivered) implements SyncMessage {
    @Override
    public String label() {
      return "ack" + delivered;
    }
  }

  /** Asks for every change the sender's vector does not cover (delta pull). */
  record Pull(VersionVector have) implements SyncMessage {
    @Override
    public String label() {
      return "pull" + have;
    }
  }

  /** A full state (state gossip). */
  record State(ReplicaState state) implements SyncMessage {
    @Override
    public String label() {
      return "state[" + state.changes().size() + "]";
    }
  }

  /** A client asks the sequencer to make a change of {@code ops}. */
  record WriteRequest(long requestId, List<Op> ops) implements SyncMessage {
    /** Copies the list. */
    public WriteRequest {
      ops = List.copyOf(ops);
    }

    @Override
    public String label() {
      return "write-request " + requestId;
    }
  }

  /** The sequencer made {@code change} for a request. */
  record WriteReply(long requestId, Change change) implements SyncMessage {
    @Override
    public String label() {
      return "write-reply " + requestId + " " + change.dot();
    }
  }

  /** A client asks the sequencer for a read. */
  record ReadRequest(long requestId) implements SyncMessage {
    @Override
    public String label() {
      return "read-request " + requestId;
    }
  }

  /** The sequencer's answer to a read. */
  record ReadReply(long requestId, VersionVector vv, MaterialisedMap view) implements SyncMessage {
    @Override
    public String label() {
      return "read-reply " + requestId + " " + vv;
    }
  }

  /**
   * One frame of a reconciliation session ({@link RangeReconcile}, {@link BloomSync}): the
   * protocol, the initiator's session number, which side sent it, the frame in the protocol's
   * codec, and the payloads of the changes the frame names (Bloom sync only; the ids-only kinds
   * ship changes in {@link Changes}).
   */
  record Reconcile(
      String protocol, long session, boolean fromInitiator, byte[] frame, List<Change> changes)
      implements SyncMessage {
    /** Copies the frame and the list. */
    public Reconcile {
      frame = frame.clone();
      changes = List.copyOf(changes);
    }

    /** A frame without payloads. */
    public Reconcile(String protocol, long session, boolean fromInitiator, byte[] frame) {
      this(protocol, session, fromInitiator, frame, List.of());
    }

    @Override
    public byte[] frame() {
      return frame.clone();
    }

    /** The frame's length in bytes. */
    public int length() {
      return frame.length;
    }

    @Override
    public String label() {
      return protocol
          + " "
          + session
          + (fromInitiator ? "i " : "r ")
          + frame.length
          + "B"
          + changes.stream()
              .map(c -> c.dot().toString())
              .collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** What the sender has delivered, for the receiver's stability frontier (compaction runs). */
  record Stability(StabilityReport report) implements SyncMessage {
    @Override
    public String label() {
      return "stability " + report.member() + report.delivered();
    }
  }

  /**
   * The sender's snapshot, for a peer behind its log horizon (compaction runs); the logged tail
   * travels as a separate {@link Changes} message.
   */
  record SnapshotOffer(Snapshot snapshot) implements SyncMessage {
    @Override
    public String label() {
      return "snapshot" + snapshot.delivered() + "[" + snapshot.entries().size() + "]";
    }
  }
}
