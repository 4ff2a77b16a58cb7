package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;

/**
 * Why an envelope was refused. Every variant names the envelope (its dot and hash, when the bytes
 * got far enough to have them) and what exactly is wrong; {@link #describe()} is the one-line text.
 * A refused envelope is never applied and never becomes a link target; the envelopes around it are
 * unaffected.
 */
public sealed interface Rejection {
  /** One line: what was refused and why. */
  String describe();

  /** The bytes are not a canonical envelope; {@code offset} and {@code field} say where. */
  record Malformed(int offset, String field, String reason) implements Rejection {
    @Override
    public String describe() {
      return "malformed envelope at byte " + offset + " (" + field + "): " + reason;
    }
  }

  /** The envelope is for another document. */
  record WrongDocument(Dot dot, Hash32 hash, Hash32 expected, Hash32 actual) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + " is for document " + actual + ", not " + expected;
    }
  }

  /** The author was not a member at the change's causal point (its {@code seen}). */
  record NotAMember(Dot dot, Hash32 hash, ReplicaId author) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + ": " + author + " is not a member at the change's causal point";
    }
  }

  /** The signature does not verify under the author's key at the change's causal point. */
  record BadSignature(Dot dot, Hash32 hash, DevicePublicKey key) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + " " + hash + ": signature does not verify under " + key;
    }
  }

  /** The hash links are not exactly the maximal elements of the change's {@code seen}. */
  record LinksDisagreeWithSeen(Dot dot, Hash32 hash, String detail) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + ": hash links disagree with seen: " + detail;
    }
  }

  /** A membership op the author's role does not permit, or one that does not parse. */
  record NotAuthorised(Dot dot, Hash32 hash, int opIndex, String reason) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + " op " + opIndex + ": " + reason;
    }
  }

  /** The replica refused the change itself (a timestamp beyond its clock's drift limit). */
  record Refused(Dot dot, Hash32 hash, String reason) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + " refused by the replica: " + reason;
    }
  }

  /**
   * The timestamp is back-dated or future-dated relative to the change's hash-linked predecessors
   * ({@link TimestampRule}); {@code reason} says which and by how much.
   */
  record BadTimestamp(Dot dot, Hash32 hash, String reason) implements Rejection {
    @Override
    public String describe() {
      return "envelope " + dot + ": timestamp " + reason;
    }
  }
}
