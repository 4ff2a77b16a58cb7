package dev.entente.impl.sync.rbsr;

import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One side of a range-based set reconciliation (Meyer 2023; Negentropy), as a sans-IO state
 * machine: frames in, frames out, no clock, no threads, no sockets. Not thread-safe.
 *
 * <p>The initiator calls {@link #start()} and sends the frames; each side passes every frame it
 * receives to {@link #receive} and sends back what it returns. A side answers each range of a frame
 * on its own: a matching fingerprint is settled, a mismatching one is split into {@code branching}
 * sub-ranges with fingerprints (or sent as an id list when it holds fewer than {@code
 * idListThreshold} items), an id list is compared with the side's own ids, and a need is recorded.
 * Every range of one depth is answered in the same batch, so the number of batches grows with
 * {@code log_branching(N)}, not with the number of differences.
 *
 * <p>Answers depend only on the frame and the side's items, so a retransmitted or duplicated frame
 * yields the same answers and only adds to what the side already learned: loss is repaired by
 * resending and duplicates are harmless. The protocol is quiescent when no frame is in flight; then
 * {@link #toSend()} of each side holds exactly the ids of its items the other side lacks.
 */
public final class RbsrSession {
  private final SyncItems items;
  private final RbsrConfig config;
  private final SessionSide side;
  private final Set<Tag> needed = new HashSet<>();

  private RbsrSession(SyncItems items, RbsrConfig config, SessionSide side) {
    this.items = items;
    this.config = config;
    this.side = side;
  }

  /** The side that starts, with the fresh 16-byte session salt it chose. */
  public static RbsrSession initiator(SyncItems items, byte[] salt, RbsrConfig config) {
    return new RbsrSession(items, config, SessionSide.initiator(items, salt));
  }

  /** The side that answers; it learns the salt from the initiator's first frame. */
  public static RbsrSession responder(SyncItems items, RbsrConfig config) {
    return new RbsrSession(items, config, SessionSide.responder(items));
  }

  /** The initiator's first batch: its whole set split into ranges. */
  public List<byte[]> start() {
    Check.state(side.isInitiator(), "only the initiator starts");
    FramePacker packer = new FramePacker(side.salt(), config.frameLimit());
    split(packer, Bound.ZERO, 0, items.size(), Bound.INFINITY);
    return encode(packer.finish());
  }

  /**
   * Answers one frame from the peer with the frames to send back (none when every range of it is
   * settled).
   *
   * @throws DecodeException if the frame is malformed, or arrives before the session salt
   */
  public List<byte[]> receive(byte[] frame) throws DecodeException {
    Frame f = RbsrCodec.decode(frame, config.idListThreshold());
    side.adoptSalt(f.salt());
    // Only the first batch carries the salt: later frames answer frames that needed it.
    FramePacker packer = new FramePacker(new byte[0], config.frameLimit());
    Bound lower = Bound.ZERO;
    for (Range r : f.ranges()) {
      answer(packer, lower, r);
      lower = r.upper();
    }
    return encode(packer.finish());
  }

  /** Ids of this side's items that the peer lacks, learned so far, in id order. */
  public SortedSet<SyncId> toSend() {
    return side.toSend();
  }

  /** Tags of the peer's items that this side lacks and asked for, learned so far. */
  public SortedSet<Tag> needed() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(needed));
  }

  private void answer(FramePacker packer, Bound lower, Range r) {
    int lo = items.lowerIndex(lower);
    int hi = items.lowerIndex(r.upper());
    switch (r.mode()) {
      case SKIP -> {}
      case FINGERPRINT -> {
        if (!Arrays.equals(side.fingerprints().of(lo, hi), r.fingerprint())) {
          split(packer, lower, lo, hi, r.upper());
        }
      }
      case ID_LIST -> {
        List<Tag> need = side.compareIds(lo, hi, r.tags());
        needed.addAll(need);
        if (!need.isEmpty()) {
          packer.add(lower, Range.tags(r.upper(), Mode.NEED, need));
        }
      }
      case NEED -> side.sendNeeded(lo, hi, r.tags());
    }
  }

  /** Sends items {@code [lo, hi)} between {@code lower} and {@code upper} as one level deeper. */
  private void split(FramePacker packer, Bound lower, int lo, int hi, Bound upper) {
    int n = hi - lo;
    if (n < config.idListThreshold()) {
      List<Tag> tags = new ArrayList<>(side.tagsIn(lo, hi).keySet());
      Collections.sort(tags);
      packer.add(lower, Range.tags(upper, Mode.ID_LIST, tags));
      return;
    }
    Bound from = lower;
    int start = lo;
    int k = config.branching();
    for (int b = 1; b <= k; b++) {
      int end = lo + (int) ((long) n * b / k);
      Bound to = b == k ? upper : items.boundBefore(end);
      packer.add(from, Range.fingerprint(to, side.fingerprints().of(start, end)));
      from = to;
      start = end;
    }
  }

  private static List<byte[]> encode(List<Frame> frames) {
    List<byte[]> out = new ArrayList<>(frames.size());
    for (Frame f : frames) {
      out.add(RbsrCodec.encode(f));
    }
    return out;
  }
}
