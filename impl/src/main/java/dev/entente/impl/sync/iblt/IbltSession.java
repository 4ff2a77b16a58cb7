package dev.entente.impl.sync.iblt;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.model.Check;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One side of rateless IBLT reconciliation, as a sans-IO state machine. Not thread-safe.
 *
 * <p>The initiator streams: each {@link #nextFrame(int)} codes the next symbols of its set (the
 * first frame carries the session salt), without waiting for answers, until a {@code DONE} frame
 * arrives. The responder subtracts its own symbols for the same indices, peels every symbol that
 * holds a single id, and once symbol 0, to which every id maps, is empty, answers every further
 * symbols frame with {@code DONE}: the tags of the initiator's ids it lacks. Symbols frames are
 * taken in index order; a duplicate is ignored and one that arrives early waits, so any loss (with
 * resending), duplication and reordering leaves the outcome unchanged.
 */
public final class IbltSession {
  private final boolean initiator;
  private final Collection<SyncId> ids;
  private byte[] salt;
  private MappedItem[] own = new MappedItem[0];
  private final CodedSymbols symbols = new CodedSymbols();
  private final Map<Long, IbltFrame> early = new HashMap<>();
  private final Set<SyncId> toSend = new HashSet<>();
  private final List<Tag> needed = new ArrayList<>();
  private final List<Recovered> recovered = new ArrayList<>();

  /** A peeled id and its sign: +1 only the initiator holds it, -1 only the responder. */
  private record Recovered(MappedItem item, long sign) {}

  private boolean done;

  private IbltSession(boolean initiator, Collection<SyncId> ids, byte[] salt) {
    this.initiator = initiator;
    this.ids = List.copyOf(ids);
    this.salt = salt;
  }

  /** The side that streams, with the fresh 16-byte session salt it chose. */
  public static IbltSession initiator(Collection<SyncId> ids, byte[] salt) {
    Check.argument(salt.length == Fingerprints.SALT_BYTES, "the session salt has 16 bytes");
    IbltSession s = new IbltSession(true, ids, salt.clone());
    s.mapOwn();
    return s;
  }

  /** The side that decodes; it learns the salt from the first symbols frame. */
  public static IbltSession responder(Collection<SyncId> ids) {
    return new IbltSession(false, ids, new byte[0]);
  }

  /** The initiator's next frame: symbols {@code sent .. sent + n - 1}. */
  public byte[] nextFrame(int n) {
    Check.state(initiator, "only the initiator streams");
    Check.argument(n >= 1, "a frame carries at least one symbol");
    int first = symbols.size();
    symbols.grow(first + n);
    for (MappedItem item : own) {
      symbols.add(item, 1);
    }
    List<Symbol> out = new ArrayList<>(n);
    for (int i = first; i < first + n; i++) {
      out.add(symbols.symbol(i));
    }
    byte[] frameSalt = first == 0 ? salt : new byte[0];
    return IbltCodec.encode(
        new IbltFrame(IbltFrame.Kind.SYMBOLS, frameSalt, first, out, List.of()));
  }

  /**
   * Takes one frame from the peer; the responder may answer with {@code DONE}.
   *
   * @throws DecodeException if the frame is malformed, of the wrong kind for this side, or arrives
   *     before the salt
   */
  public Optional<byte[]> receive(byte[] bytes) throws DecodeException {
    IbltFrame f = IbltCodec.decode(bytes);
    if (initiator) {
      if (f.kind() != IbltFrame.Kind.DONE) {
        throw new DecodeException(1, "frame.kind", "the initiator only takes done frames");
      }
      learnNeeds(f.tags());
      return Optional.empty();
    }
    if (f.kind() != IbltFrame.Kind.SYMBOLS) {
      throw new DecodeException(1, "frame.kind", "the responder only takes symbols frames");
    }
    if (f.firstIndex() == 0 && f.salt().length == 0) {
      throw new DecodeException(2, "frame.flags", "the first symbols frame carries the salt");
    }
    if (!done && f.firstIndex() >= symbols.size()) {
      early.putIfAbsent(f.firstIndex(), f); // a duplicate of a decoded frame is dropped
    }
    IbltFrame next;
    while (!done && (next = early.remove((long) symbols.size())) != null) {
      decode(next);
    }
    return done ? Optional.of(doneFrame()) : Optional.empty();
  }

  /** Whether the initiator has been told to stop, or the responder has decoded. */
  public boolean isDone() {
    return done;
  }

  /** Ids of this side's items that the peer lacks, learned so far, in id order. */
  public SortedSet<SyncId> toSend() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(toSend));
  }

  /** How many symbols this side has coded or received. */
  public int symbolCount() {
    return symbols.size();
  }

  private void mapOwn() {
    own = new MappedItem[ids.size()];
    int i = 0;
    for (SyncId id : ids) {
      own[i++] = MappedItem.of(id, salt);
    }
  }

  private void decode(IbltFrame f) {
    if (f.firstIndex() == 0) {
      salt = f.salt();
      mapOwn();
    }
    int first = symbols.size();
    symbols.grow(first + f.symbols().size());
    Deque<Integer> candidates = new ArrayDeque<>();
    for (int i = 0; i < f.symbols().size(); i++) {
      symbols.set(first + i, f.symbols().get(i));
      candidates.push(first + i);
    }
    symbols.addAll(own, -1);
    for (Recovered r : recovered) {
      symbols.add(r.item(), -r.sign());
    }
    peel(candidates);
    done = symbols.isZero(0);
  }

  private void peel(Deque<Integer> candidates) {
    while (!candidates.isEmpty()) {
      int i = candidates.pop();
      if (!symbols.isPure(i, salt)) {
        continue;
      }
      long sign = symbols.count(i);
      MappedItem item = MappedItem.of(symbols.pureId(i), salt);
      recovered.add(new Recovered(item, sign));
      if (sign < 0) {
        toSend.add(item.id);
      } else {
        needed.add(tag(item.check));
      }
      while (item.peek() < symbols.size()) {
        int j = (int) item.peek();
        symbols.toggle(j, item, -sign);
        candidates.push(j);
        item.advance();
      }
    }
  }

  private byte[] doneFrame() {
    List<Tag> tags = new ArrayList<>(new TreeSet<>(needed));
    return IbltCodec.encode(new IbltFrame(IbltFrame.Kind.DONE, new byte[0], 0, List.of(), tags));
  }

  private void learnNeeds(List<Tag> tags) {
    done = true;
    Set<Tag> wanted = new HashSet<>(tags);
    for (MappedItem item : own) {
      if (wanted.contains(tag(item.check))) {
        toSend.add(item.id);
      }
    }
  }

  private static Tag tag(long check) {
    return Tag.of(ByteBuffer.allocate(Tag.BYTES).putLong(check).array());
  }
}
