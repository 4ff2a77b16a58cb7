package dev.entente.impl.sync.rbsr;

import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * What one side of a fingerprint sync session keeps, whatever shape its frames take: its items, the
 * session salt (chosen by the initiator, learned by the responder from the first frame), the
 * fingerprints under that salt, and the ids of its items the peer was found to lack. RBSR's ranges
 * and the Merkle sync's buckets both end in the same id-list exchange, which lives here once. Not
 * thread-safe; the fingerprints are computed on first use, once the salt is known.
 */
public final class SessionSide {
  private final SyncItems items;
  private final boolean initiator;
  private byte[] salt;
  private @Nullable Fingerprints fingerprints;
  private final Set<SyncId> toSend = new HashSet<>();

  private SessionSide(SyncItems items, boolean initiator, byte[] salt) {
    this.items = items;
    this.initiator = initiator;
    this.salt = salt;
  }

  /** The side that starts, with the fresh 16-byte session salt it chose (copied). */
  public static SessionSide initiator(SyncItems items, byte[] salt) {
    Check.argument(salt.length == Fingerprints.SALT_BYTES, "the session salt has 16 bytes");
    return new SessionSide(items, true, salt.clone());
  }

  /** The side that answers; it learns the salt from the initiator's first frame. */
  public static SessionSide responder(SyncItems items) {
    return new SessionSide(items, false, new byte[0]);
  }

  /** Whether this side started the session. */
  public boolean isInitiator() {
    return initiator;
  }

  /** A copy of the session salt, empty while a responder has not learned it. */
  public byte[] salt() {
    return salt.clone();
  }

  /**
   * Takes a received frame's salt ({@code frameSalt}, empty when the frame carries none): a
   * responder adopts the first one, and every later salt must match it.
   *
   * @throws DecodeException if the salt differs from the session's, or no salt is known yet
   */
  public void adoptSalt(byte[] frameSalt) throws DecodeException {
    if (frameSalt.length > 0 && !initiator && salt.length == 0) {
      salt = frameSalt.clone();
    } else if (frameSalt.length > 0 && !Arrays.equals(frameSalt, salt)) {
      throw new DecodeException(2, "frame.salt", "a salt other than this session's");
    } else if (salt.length == 0) {
      throw new DecodeException(1, "frame.flags", "a frame before the session salt");
    }
  }

  /** The fingerprints of this side's items under the session salt. */
  public Fingerprints fingerprints() {
    Fingerprints f = fingerprints;
    if (f == null) {
      f = Fingerprints.of(items, salt);
      fingerprints = f;
    }
    return f;
  }

  /** The tags of items {@code [lo, hi)}, each to its id. */
  public Map<Tag, SyncId> tagsIn(int lo, int hi) {
    Map<Tag, SyncId> tags = new HashMap<>();
    for (int i = lo; i < hi; i++) {
      tags.put(fingerprints().tag(i), items.id(i));
    }
    return tags;
  }

  /**
   * Compares the peer's id list {@code theirs} of items {@code [lo, hi)} with this side's: marks
   * this side's items the peer lacks to be sent, and returns the peer's tags this side lacks, in
   * the peer's order (the need to answer with, empty if none).
   */
  public List<Tag> compareIds(int lo, int hi, List<Tag> theirs) {
    Map<Tag, SyncId> mine = tagsIn(lo, hi);
    Set<Tag> theirSet = new HashSet<>(theirs);
    List<Tag> need = new ArrayList<>();
    for (Tag t : theirs) {
      if (!mine.containsKey(t)) {
        need.add(t);
      }
    }
    mine.forEach(
        (t, id) -> {
          if (!theirSet.contains(t)) {
            toSend.add(id);
          }
        });
    return need;
  }

  /** Marks the items of {@code [lo, hi)} whose tags the peer named in a need to be sent. */
  public void sendNeeded(int lo, int hi, Collection<Tag> needed) {
    Map<Tag, SyncId> mine = tagsIn(lo, hi);
    for (Tag t : needed) {
      SyncId id = mine.get(t);
      if (id != null) {
        toSend.add(id);
      }
    }
  }

  /** Ids of this side's items that the peer lacks, learned so far, in id order. */
  public SortedSet<SyncId> toSend() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(toSend));
  }
}
