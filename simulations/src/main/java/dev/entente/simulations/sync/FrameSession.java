package dev.entente.simulations.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.List;
import java.util.SortedSet;

/**
 * One side of an ids-only reconciliation session (impl's RBSR or Merkle state machine) as the
 * simulator drives it: frames in, frames out, and the ids learned to be missing at the peer.
 */
public interface FrameSession {
  /** The initiator's first batch of frames. */
  List<byte[]> start();

  /**
   * The frames answering {@code frame} (none when it settles everything).
   *
   * @throws DecodeException if the frame is malformed
   */
  List<byte[]> receive(byte[] frame) throws DecodeException;

  /** Ids of this side's items the peer lacks, learned so far. */
  SortedSet<SyncId> toSend();

  /** Makes the two sides of one protocol's sessions; the mutant seam of the range kinds. */
  interface Maker {
    /** The side that starts, under the fresh 16-byte session {@code salt}. */
    FrameSession initiator(SyncItems items, byte[] salt);

    /** The side that answers; it learns the salt from the first frame. */
    FrameSession responder(SyncItems items);
  }

  /** impl's range-based set reconciliation with its default configuration. */
  Maker RBSR =
      new Maker() {
        @Override
        public FrameSession initiator(SyncItems items, byte[] salt) {
          return of(RbsrSession.initiator(items, salt, RbsrConfig.DEFAULT));
        }

        @Override
        public FrameSession responder(SyncItems items) {
          return of(RbsrSession.responder(items, RbsrConfig.DEFAULT));
        }

        private FrameSession of(RbsrSession s) {
          return new Adapter(s::start, s::receive, s::toSend);
        }
      };

  /** impl's Merkle tree over time buckets with its default configuration. */
  Maker MERKLE =
      new Maker() {
        @Override
        public FrameSession initiator(SyncItems items, byte[] salt) {
          return of(MerkleSession.initiator(items, salt, MerkleConfig.DEFAULT));
        }

        @Override
        public FrameSession responder(SyncItems items) {
          return of(MerkleSession.responder(items, MerkleConfig.DEFAULT));
        }

        private FrameSession of(MerkleSession s) {
          return new Adapter(s::start, s::receive, s::toSend);
        }
      };

  /** A session made of the three methods of an impl session. */
  record Adapter(
      java.util.function.Supplier<List<byte[]>> starter,
      Receiver receiver,
      java.util.function.Supplier<SortedSet<SyncId>> learned)
      implements FrameSession {
    @Override
    public List<byte[]> start() {
      return starter.get();
    }

    @Override
    public List<byte[]> receive(byte[] frame) throws DecodeException {
      return receiver.receive(frame);
    }

    @Override
    public SortedSet<SyncId> toSend() {
      return learned.get();
    }
  }

  /** An impl session's {@code receive}. */
  @FunctionalInterface
  interface Receiver {
    /** Answers one frame. */
    List<byte[]> receive(byte[] frame) throws DecodeException;
  }
}
