package dev.entente.impl.sync;

import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two stores, derived from a seed, that share {@code items} items and differ by {@code missing}:
 * the responder holds the missing ones, or with {@code bothSides} the initiator holds half of them
 * (rounded down) and the responder the rest. Ids are 32 random bytes standing for content hashes;
 * the shared items' timestamps climb by 0..999 ms (so some tie and order by id), the missing ones
 * fall anywhere in between.
 *
 * @param initiator the initiator's items
 * @param responder the responder's items
 */
public record ReconcileScenario(List<SyncItems.Item> initiator, List<SyncItems.Item> responder) {
  /** Copies the lists. */
  public ReconcileScenario {
    initiator = List.copyOf(initiator);
    responder = List.copyOf(responder);
  }

  /** Builds the stores for {@code seed}; the same arguments give the same stores. */
  public static ReconcileScenario build(int items, int missing, boolean bothSides, long seed) {
    Check.argument(items >= 0 && missing >= 0, "items and missing must be >= 0");
    SplittableRandom random = new SplittableRandom(seed);
    List<SyncItems.Item> shared = new ArrayList<>(items);
    long ts = 1_700_000_000_000L;
    for (int i = 0; i < items; i++) {
      ts += random.nextInt(1000);
      shared.add(new SyncItems.Item(ts, randomId(random)));
    }
    long span = ts - 1_700_000_000_000L + 1;
    List<SyncItems.Item> a = new ArrayList<>(shared);
    List<SyncItems.Item> b = new ArrayList<>(shared);
    int onA = bothSides ? missing / 2 : 0;
    for (int j = 0; j < missing; j++) {
      long t = 1_700_000_000_000L + random.nextLong(span);
      (j < onA ? a : b).add(new SyncItems.Item(t, randomId(random)));
    }
    return new ReconcileScenario(a, b);
  }

  private static SyncId randomId(SplittableRandom random) {
    byte[] id = new byte[SyncId.BYTES];
    random.nextBytes(id);
    return SyncId.of(id);
  }
}
