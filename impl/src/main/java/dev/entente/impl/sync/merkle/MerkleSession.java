package dev.entente.impl.sync.merkle;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SessionSide;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;

/**
 * One side of Merkle-tree sync over time buckets, as a sans-IO state machine: frames in, frames
 * out, no clock, no threads, no sockets. Not thread-safe.
 *
 * <p>The initiator's {@link #start()} splits the root. A side answers each entry of a frame on its
 * own: for a split, every child whose fingerprint differs from its own (an empty child differs from
 * any non-empty one) is mismatching; a mismatching bucket in which the side holds fewer than {@code
 * idListThreshold} items, or a leaf, is answered with its id list, a larger one is split in turn;
 * an id list is compared with the side's own ids; a need is recorded. A split whose items all fall
 * into one child expands that child in the same frame, so the empty top of the timestamp range
 * costs bytes, not round trips.
 *
 * <p>Answers depend only on the frame and the side's items, so a duplicated frame adds nothing new
 * and a lost one is repaired by resending it. At quiescence {@link #toSend()} of each side holds
 * exactly the ids of its items the other lacks.
 */
public final class MerkleSession {
  private final SyncItems items;
  private final MerkleConfig config;
  private final SessionSide side;

  private MerkleSession(SyncItems items, MerkleConfig config, SessionSide side) {
    this.items = items;
    this.config = config;
    this.side = side;
  }

  /** The side that starts, with the fresh 16-byte session salt it chose. */
  public static MerkleSession initiator(SyncItems items, byte[] salt, MerkleConfig config) {
    return new MerkleSession(items, config, SessionSide.initiator(items, salt));
  }

  /** The side that answers; it learns the salt from the initiator's first frame. */
  public static MerkleSession responder(SyncItems items, MerkleConfig config) {
    return new MerkleSession(items, config, SessionSide.responder(items));
  }

  /** The initiator's first batch: the root, split. */
  public List<byte[]> start() {
    Check.state(side.isInitiator(), "only the initiator starts");
    List<Entry> out = new ArrayList<>();
    mismatch(out, Node.ROOT);
    return pack(side.salt(), out);
  }

  /**
   * Answers one frame with the frames to send back (none when every entry of it is settled).
   *
   * @throws DecodeException if the frame is malformed, or arrives before the session salt
   */
  public List<byte[]> receive(byte[] frame) throws DecodeException {
    MerkleFrame f = MerkleCodec.decode(frame);
    side.adoptSalt(f.salt());
    List<Entry> out = new ArrayList<>();
    for (Entry e : f.entries()) {
      switch (e.kind()) {
        case SPLIT -> compareChildren(out, e);
        case IDS -> compareIds(out, e);
        case NEED -> {
          int[] r = range(e.node());
          side.sendNeeded(r[0], r[1], e.tags());
        }
      }
    }
    return pack(new byte[0], out);
  }

  /** Ids of this side's items that the peer lacks, learned so far, in id order. */
  public SortedSet<SyncId> toSend() {
    return side.toSend();
  }

  private void compareChildren(List<Entry> out, Entry split) {
    for (int i = 0; i < Node.BRANCHING; i++) {
      Entry.Child c = split.children().get(i);
      if (!split.node().hasChild(i) || c.state() == Entry.State.EXPANDED) {
        continue; // beyond the range, or answered through the entry that expands it
      }
      Node child = split.node().child(i);
      int lo = items.firstAtOrAfter(child.firstTimestamp());
      int hi = items.firstAtOrAfter(child.endTimestamp());
      boolean differs =
          c.state() == Entry.State.EMPTY
              ? hi > lo
              : !Arrays.equals(side.fingerprints().of(lo, hi), c.fingerprint());
      if (differs) {
        mismatch(out, child);
      }
    }
  }

  private void compareIds(List<Entry> out, Entry ids) {
    int[] r = range(ids.node());
    List<Tag> need = side.compareIds(r[0], r[1], ids.tags());
    if (!need.isEmpty()) {
      out.add(Entry.tags(ids.node(), Entry.Kind.NEED, need));
    }
  }

  /** Answers a bucket whose contents differ: its id list if small or a leaf, else its split. */
  private void mismatch(List<Entry> out, Node node) {
    int lo = items.firstAtOrAfter(node.firstTimestamp());
    int hi = items.firstAtOrAfter(node.endTimestamp());
    if (hi - lo < config.idListThreshold() || node.isLeaf()) {
      out.add(Entry.tags(node, Entry.Kind.IDS, new ArrayList<>(side.tagsIn(lo, hi).keySet())));
      return;
    }
    List<Entry.Child> children = new ArrayList<>(Node.BRANCHING);
    int nonEmpty = 0;
    int only = -1;
    for (int i = 0; i < Node.BRANCHING; i++) {
      int[] range = node.hasChild(i) ? range(node.child(i)) : new int[] {0, 0};
      boolean empty = range[1] == range[0];
      children.add(
          empty
              ? new Entry.Child(Entry.State.EMPTY, new byte[0])
              : new Entry.Child(
                  Entry.State.FINGERPRINT, side.fingerprints().of(range[0], range[1])));
      if (!empty) {
        nonEmpty++;
        only = i;
      }
    }
    if (nonEmpty == 1 && !node.child(only).isLeaf()) {
      // All the items sit in one child: expand it here instead of costing the peer a round trip.
      children.set(only, new Entry.Child(Entry.State.EXPANDED, new byte[0]));
      out.add(Entry.split(node, children));
      mismatch(out, node.child(only));
      return;
    }
    out.add(Entry.split(node, children));
  }

  private int[] range(Node node) {
    return new int[] {
      items.firstAtOrAfter(node.firstTimestamp()), items.firstAtOrAfter(node.endTimestamp())
    };
  }

  /** Packs entries into frames within the limit; each frame of the first batch carries the salt. */
  private List<byte[]> pack(byte[] frameSalt, List<Entry> entries) {
    List<byte[]> frames = new ArrayList<>();
    List<Entry> current = new ArrayList<>();
    int size = 2 + frameSalt.length;
    for (Entry e : entries) {
      int n = MerkleCodec.encodeEntry(e).length;
      if (size + n > config.frameLimit() && !current.isEmpty()) {
        frames.add(MerkleCodec.encode(new MerkleFrame(frameSalt, current)));
        current = new ArrayList<>();
        size = 2 + frameSalt.length;
      }
      current.add(e);
      size += n;
    }
    if (!current.isEmpty()) {
      frames.add(MerkleCodec.encode(new MerkleFrame(frameSalt, current)));
    }
    return frames;
  }
}
