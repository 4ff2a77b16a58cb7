package dev.entente.impl.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.iblt.IbltSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs rateless IBLT reconciliation between two in-memory stores: the initiator streams symbols
 * frames, a sixteenth as many symbols as it has sent so far (1 to 128) in each, until the responder
 * has decoded; the responder's {@code DONE} (with its changes) is the second batch, and the
 * initiator's changes, if the responder lacks any, a third. The stream stops the moment the
 * responder decodes: a real link would add one bandwidth-delay product of symbols in flight.
 */
public final class IbltReconciler {
  private static final int MAX_SYMBOLS_PER_FRAME = 128;

  private IbltReconciler() {}

  /** Reconciles the scenario's stores; the session salt derives from {@code seed}. */
  public static ReconcileResult run(ReconcileScenario s, long seed) {
    SyncItems a = SyncItems.of(s.initiator());
    SyncItems b = SyncItems.of(s.responder());
    byte[] salt = new byte[16];
    new SplittableRandom(seed ^ 0x1B17L).nextBytes(salt);
    IbltSession initiator = IbltSession.initiator(ids(a), salt);
    IbltSession responder = IbltSession.responder(ids(b));
    int frames = 0;
    long bytes = 0;
    Optional<byte[]> done = Optional.empty();
    try {
      while (done.isEmpty()) {
        int n = Math.max(1, Math.min(MAX_SYMBOLS_PER_FRAME, initiator.symbolCount() / 16));
        byte[] frame = initiator.nextFrame(n);
        frames++;
        bytes += frame.length;
        done = responder.receive(frame);
      }
      frames++;
      bytes += done.get().length;
      initiator.receive(done.get());
    } catch (DecodeException e) {
      throw new IllegalStateException("a session rejected its peer's frame: " + e, e);
    }
    int batches = initiator.toSend().isEmpty() ? 2 : 3;
    long shared = Differences.check("IBLT", a, b, initiator.toSend(), responder.toSend());
    long missing = (long) initiator.toSend().size() + responder.toSend().size();
    return new ReconcileResult(
        "iblt", shared, missing, ReconcileResult.roundTrips(batches), bytes, frames);
  }

  private static List<SyncId> ids(SyncItems items) {
    List<SyncId> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(items.id(i));
    }
    return out;
  }
}
