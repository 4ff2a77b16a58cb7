package dev.entente.simulations.broken;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.simulations.sync.FrameSession;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reconciliation sessions that never ship the last id (in id order) they learn the peer lacks, as a
 * reconciler that drops the last range of its answer would: a change whose id sorts last among a
 * peer's differences stays with its writer for good, so replicas never converge.
 */
public final class LastIdDroppingSessions implements FrameSession.Maker {
  private final FrameSession.Maker real;

  /** Wraps the real sessions of {@code real}. */
  public LastIdDroppingSessions(FrameSession.Maker real) {
    this.real = real;
  }

  @Override
  public FrameSession initiator(SyncItems items, byte[] salt) {
    return new Dropping(real.initiator(items, salt));
  }

  @Override
  public FrameSession responder(SyncItems items) {
    return new Dropping(real.responder(items));
  }

  private record Dropping(FrameSession real) implements FrameSession {
    @Override
    public List<byte[]> start() {
      return real.start();
    }

    @Override
    public List<byte[]> receive(byte[] frame) throws DecodeException {
      return real.receive(frame);
    }

    @Override
    public SortedSet<SyncId> toSend() {
      TreeSet<SyncId> out = new TreeSet<>(real.toSend());
      if (!out.isEmpty()) {
        out.remove(out.last());
      }
      return out;
    }
  }
}
