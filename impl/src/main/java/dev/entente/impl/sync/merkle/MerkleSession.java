package dev.entente.impl.sync.merkle;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

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
  private final boolean initiator;
  private byte[] salt;
  private @Nullable Fingerprints fingerprints;
  private final Set<SyncId> toSend = new HashSet<>();

  private MerkleSession(SyncItems items, MerkleConfig config, boolean initiator, byte[] salt) {
    this.items = items;
    this.config = config;
    this.initiator = initiator;
    this.salt = salt;
  }

  /** The side that starts, with the fresh 16-byte session salt it chose. */
  public static MerkleSession initiator(SyncItems items, byte[] salt, MerkleConfig config) {
    Check.argument(salt.length == Fingerprints.SALT_BYTES, "the session salt has 16 bytes");
    return new MerkleSession(items, config, true, salt.clone());
  }

  /** The side that answers; it learns the salt from the initiator's first frame. */
  public static MerkleSession responder(SyncItems items, MerkleConfig config) {
    return new MerkleSession(items, config, false, new byte[0]);
  }

  /** The initiator's first batch: the root, split. */
  public List<byte[]> start() {
    Check.state(initiator, "only the initiator starts");
    List<Entry> out = new ArrayList<>();
    mismatch(out, Node.ROOT);
    return pack(salt, out);
  }

  /**
   * Answers one frame with the frames to send back (none when every entry of it is settled).
   *
   * @throws DecodeException if the frame is malformed, or arrives before the session salt
   */
  public List<byte[]> receive(byte[] frame) throws DecodeException {
    MerkleFrame f = MerkleCodec.decode(frame);
    adoptSalt(f);
    List<Entry> out = new ArrayList<>();
    for (Entry e : f.entries()) {
      switch (e.kind()) {
        case SPLIT -> compareChildren(out, e);
        case IDS -> compareIds(out, e);
        case NEED ->
            tagsIn(e.node())
                .forEach(
                    (t, id) -> {
                      if (e.tags().contains(t)) {
                        toSend.add(id);
                      }
                    });
      }
    }
    return pack(new byte[0], out);
  }

  /** Ids of this side's items that the peer lacks, learned so far, in id order. */
  public SortedSet<SyncId> toSend() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(toSend));
  }

  private void adoptSalt(MerkleFrame f) throws DecodeException {
    byte[] s = f.salt();
    if (s.length > 0 && !initiator && salt.length == 0) {
      salt = s;
    } else if (s.length > 0 && !Arrays.equals(s, salt)) {
      throw new DecodeException(2, "frame.salt", "a salt other than this session's");
    } else if (salt.length == 0) {
      throw new DecodeException(1, "frame.flags", "a frame before the session salt");
    }
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
              : !Arrays.equals(fingerprints().of(lo, hi), c.fingerprint());
      if (differs) {
        mismatch(out, child);
      }
    }
  }

  private void compareIds(List<Entry> out, Entry ids) {
    Map<Tag, SyncId> mine = tagsIn(ids.node());
    Set<Tag> theirs = new HashSet<>(ids.tags());
    List<Tag> need = new ArrayList<>();
    for (Tag t : ids.tags()) {
      if (!mine.containsKey(t)) {
        need.add(t);
      }
    }
    mine.forEach(
        (t, id) -> {
          if (!theirs.contains(t)) {
            toSend.add(id);
          }
        });
    if (!need.isEmpty()) {
      out.add(Entry.tags(ids.node(), Entry.Kind.NEED, need));
    }
  }

  /** Answers a bucket whose contents differ: its id list if small or a leaf, else its split. */
  private void mismatch(List<Entry> out, Node node) {
    int lo = items.firstAtOrAfter(node.firstTimestamp());
    int hi = items.firstAtOrAfter(node.endTimestamp());
    if (hi - lo < config.idListThreshold() || node.isLeaf()) {
      out.add(Entry.tags(node, Entry.Kind.IDS, new ArrayList<>(tagsIn(node).keySet())));
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
              : new Entry.Child(Entry.State.FINGERPRINT, fingerprints().of(range[0], range[1])));
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

  private Map<Tag, SyncId> tagsIn(Node node) {
    int[] r = range(node);
    Map<Tag, SyncId> tags = new HashMap<>();
    for (int i = r[0]; i < r[1]; i++) {
      tags.put(fingerprints().tag(i), items.id(i));
    }
    return tags;
  }

  private Fingerprints fingerprints() {
    Fingerprints f = fingerprints;
    if (f == null) {
      f = Fingerprints.of(items, salt);
      fingerprints = f;
    }
    return f;
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
