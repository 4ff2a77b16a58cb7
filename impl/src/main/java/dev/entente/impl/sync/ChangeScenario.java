package dev.entente.impl.sync;

import dev.entente.impl.sync.bloom.BloomFilter;
import dev.entente.impl.sync.bloom.Change;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two hash-linked histories, derived from a seed, for the protocols that need dependencies (Bloom
 * sync): a shared chain of {@code items} changes, then on the responder a chain of the {@code
 * missing} changes (with {@code bothSides} the initiator's own chain holds half of them, rounded
 * down), and, when {@code poisoned > 0}, a third party's chain of that many changes on the
 * responder whose ids were mined to be false positives in the initiator's unkeyed filter: each
 * tries up to {@link #MINING_TRIES} nonces, as hoytech's automerge-poison does, and keeps the first
 * id the filter claims (or its last try).
 *
 * @param initiator the initiator's changes, in causal order
 * @param responder the responder's changes, in causal order
 * @param poisoned the mined changes (a subset of the responder's)
 */
public record ChangeScenario(
    List<Change> initiator, List<Change> responder, List<Change> poisoned) {
  /** Nonces a poisoner tries per change. */
  public static final int MINING_TRIES = 512;

  /** Copies the lists. */
  public ChangeScenario {
    initiator = List.copyOf(initiator);
    responder = List.copyOf(responder);
    poisoned = List.copyOf(poisoned);
  }

  /** Builds the histories for {@code seed}; the same arguments give the same histories. */
  public static ChangeScenario build(
      int items, int missing, boolean bothSides, int poisoned, long seed) {
    Check.argument(items >= 0 && missing >= 0 && poisoned >= 0, "sizes must be >= 0");
    SplittableRandom random = new SplittableRandom(seed);
    long[] ts = {1_700_000_000_000L};
    List<Change> shared = chain(List.of(), items, random, ts);
    List<SyncId> base = shared.isEmpty() ? List.of() : List.of(shared.get(items - 1).id());
    int onA = bothSides ? missing / 2 : 0;
    List<Change> a = new ArrayList<>(shared);
    a.addAll(chain(base, onA, random, ts.clone()));
    List<Change> b = new ArrayList<>(shared);
    b.addAll(chain(base, missing - onA, random, ts.clone()));
    List<Change> mined = mine(a, base, poisoned, random, ts.clone());
    b.addAll(mined);
    return new ChangeScenario(a, b, mined);
  }

  private static List<Change> chain(List<SyncId> base, int n, SplittableRandom random, long[] ts) {
    List<Change> out = new ArrayList<>(n);
    List<SyncId> deps = base;
    for (int i = 0; i < n; i++) {
      ts[0] += random.nextInt(1000);
      Change c = Change.of(deps, ts[0], random.nextLong());
      out.add(c);
      deps = List.of(c.id());
    }
    return out;
  }

  /** The poisoner's chain, each id mined against the unkeyed filter of the victim's changes. */
  private static List<Change> mine(
      List<Change> victim, List<SyncId> base, int n, SplittableRandom random, long[] ts) {
    if (n == 0) {
      return List.of();
    }
    List<SyncId> ids = new ArrayList<>(victim.size());
    victim.forEach(c -> ids.add(c.id()));
    BloomFilter target = BloomFilter.of(ids, new byte[0]);
    List<Change> out = new ArrayList<>(n);
    List<SyncId> deps = base;
    for (int i = 0; i < n; i++) {
      ts[0] += random.nextInt(1000);
      long nonce = random.nextLong();
      Change c = Change.of(deps, ts[0], nonce);
      for (int t = 1; t < MINING_TRIES && !target.mightContain(c.id()); t++) {
        c = Change.of(deps, ts[0], nonce + t);
      }
      out.add(c);
      deps = List.of(c.id());
    }
    return out;
  }
}
