package dev.entente.impl.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.bloom.BloomCodec;
import dev.entente.impl.sync.bloom.BloomFilter;
import dev.entente.impl.sync.bloom.BloomMessage;
import dev.entente.impl.sync.bloom.BloomSession;
import dev.entente.impl.sync.bloom.Change;
import dev.entente.impl.sync.bloom.ChangeStore;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs Bloom-filter sync between two in-memory histories to completion, batch by batch as {@link
 * RbsrReconciler} does, for a first sync (no shared heads known, so each filter covers a side's
 * whole history). Bytes leave out the change bodies, the payloads; everything else counts, filters
 * included. Checks at the end that both stores hold the union.
 */
public final class BloomReconciler {
  private BloomReconciler() {}

  /**
   * What one run cost, and how many of the scenario's mined changes the initiator's filter claimed
   * (false positives, since the initiator lacks them all).
   *
   * @param result the cost, {@code missing} counting the mined changes too
   * @param poisoned the number of mined changes
   * @param poisonedClaimed how many of them the initiator's filter claimed
   */
  public record Outcome(ReconcileResult result, int poisoned, int poisonedClaimed) {
    /** The false-positive rate among the mined ids, 0 when there are none. */
    public double poisonedFalsePositiveRate() {
      return poisoned == 0 ? 0 : (double) poisonedClaimed / poisoned;
    }
  }

  /** Reconciles the scenario; a keyed run draws each side's filter salt from {@code seed}. */
  public static Outcome run(ChangeScenario s, boolean keyed, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0xB100L);
    BloomSession[] sides = {
      new BloomSession(ChangeStore.of(s.initiator()), List.of(), salt(keyed, random)),
      new BloomSession(ChangeStore.of(s.responder()), List.of(), salt(keyed, random))
    };
    byte[] first = sides[0].start();
    List<byte[]> batch = List.of(first);
    int sender = 0;
    int batches = 0;
    int frames = 0;
    long bytes = 0;
    while (!batch.isEmpty()) {
      batches++;
      frames += batch.size();
      for (byte[] m : batch) {
        bytes += m.length - payload(m);
      }
      batch = deliver(sides[1 - sender], batch);
      sender = 1 - sender;
    }
    long shared = checkUnion(s, sides);
    long missing = (long) s.initiator().size() + s.responder().size() - 2 * shared;
    String name = keyed ? "bloom-keyed" : "bloom";
    ReconcileResult result =
        new ReconcileResult(
            name, shared, missing, ReconcileResult.roundTrips(batches), bytes, frames);
    return new Outcome(result, s.poisoned().size(), claimed(first, s.poisoned()));
  }

  private static byte[] salt(boolean keyed, SplittableRandom random) {
    byte[] salt = new byte[keyed ? BloomFilter.SALT_BYTES : 0];
    random.nextBytes(salt);
    return salt;
  }

  private static List<byte[]> deliver(BloomSession receiver, List<byte[]> batch) {
    List<byte[]> replies = new ArrayList<>();
    for (byte[] m : batch) {
      try {
        receiver.receive(m).ifPresent(replies::add);
      } catch (DecodeException e) {
        throw new IllegalStateException("a session rejected its peer's message: " + e, e);
      }
    }
    return replies;
  }

  private static long payload(byte[] message) {
    long n = 0;
    for (Change c : decode(message).changes()) {
      n += c.bodyLength();
    }
    return n;
  }

  private static int claimed(byte[] first, List<Change> poisoned) {
    Optional<BloomFilter> filter = decode(first).have().map(h -> h.filter());
    int n = 0;
    for (Change c : poisoned) {
      if (filter.isPresent() && filter.get().mightContain(c.id())) {
        n++;
      }
    }
    return n;
  }

  private static BloomMessage decode(byte[] message) {
    try {
      return BloomCodec.decode(message);
    } catch (DecodeException e) {
      throw new IllegalStateException("a session sent a malformed message: " + e, e);
    }
  }

  /** Fails unless both sides ended with the union; returns the number of shared changes. */
  private static long checkUnion(ChangeScenario s, BloomSession[] sides) {
    Set<SyncId> union = new HashSet<>();
    s.initiator().forEach(c -> union.add(c.id()));
    Set<SyncId> inA = new HashSet<>(union);
    int shared = 0;
    for (Change c : s.responder()) {
      union.add(c.id());
      shared += inA.contains(c.id()) ? 1 : 0;
    }
    for (BloomSession side : sides) {
      if (!side.store().ids().equals(union)) {
        throw new IllegalStateException("Bloom sync ended without both sides holding the union");
      }
    }
    return shared;
  }
}
