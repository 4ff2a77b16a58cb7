package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The changes a causal replica holds back until their causal past ({@code seen}) is delivered, and
 * their release. Mutable, not thread-safe; it reads the replica's {@link DotSet} of delivered dots
 * and never writes it (the replica's delivery callback does).
 *
 * <p>Contract of {@link #release}: it delivers exactly the changes, in exactly the order, that
 * repeated passes over the buffer in dot order would, each pass delivering every change that is
 * ready when the pass reaches it, until a pass delivers nothing. It does so without rescanning:
 * each buffered change waits on one replica's counter it still lacks, filed under that replica by
 * the counter it needs, and is looked at again only when that replica's delivered prefix reaches
 * it. A change becoming ready after the pass went past its dot goes to the next pass, one after it
 * stays in this one. Cost per change: O(log n) per replica its {@code seen} names; a delivery that
 * wakes nothing allocates nothing here.
 */
final class CausalBuffer {
  // Dot's natural order, comparing counters straight away when the replicas are equal (the common
  // case here: a replica's changes queue behind each other), not through the comparator chain.
  private static final Comparator<Dot> DOT_ORDER =
      (a, b) ->
          a.replica().equals(b.replica())
              ? Long.compare(a.counter(), b.counter())
              : a.replica().compareTo(b.replica());

  private final DotSet delivered;
  // The buffered changes sit in their author's lane, indexed by counter (AuthorLog's dense window):
  // a hashed map by dot cost a third of a shuffled replay's buffer work in cache misses.
  private int size;
  // Per replica named by a buffered change (as author or in its seen): its lane.
  private final Map<ReplicaId, Lane> lanes = new HashMap<>();
  // The same lanes by index: a release walks them while filing may add one.
  private final List<Lane> laneList = new ArrayList<>();
  // Buffered changes found ready when added (only a restored or merged buffer has them).
  private final List<Dot> readyOnArrival = new ArrayList<>();
  // A release's state, kept between releases so that one waking nothing allocates nothing.
  // Dot order, not arrival order, decides who goes first: the heaps hand changes out unordered.
  private PriorityQueue<Dot> pass = new PriorityQueue<>(DOT_ORDER);
  private PriorityQueue<Dot> nextPass = new PriorityQueue<>(DOT_ORDER);
  private @Nullable Dot cursor;
  private final Consumer<Change> route = this::route;
  // fileUnderMissing's scan of a seen vector, in fields: a forEach through a lambda made once
  // allocates neither an iterator nor entry wrappers, and this runs for every filing.
  private @Nullable ReplicaId furthest;
  private long furthestGap;
  private long furthestNeed;
  private final BiConsumer<ReplicaId, Long> consider = this::consider;

  CausalBuffer(DotSet delivered) {
    this.delivered = delivered;
  }

  /** Buffers {@code change} (its dot must not be buffered already); returns false if it was. */
  boolean add(Change change) {
    Lane author = lane(change.author());
    if (author.held.get(change.seq()) != null) {
      return false;
    }
    author.held.add(change, 0);
    size++;
    author.maxBuffered = Math.max(author.maxBuffered, change.seq());
    if (!fileUnderMissing(change)) {
      readyOnArrival.add(change.dot());
    }
    return true;
  }

  /** The buffered change with {@code dot}, or null. */
  @Nullable Change get(Dot dot) {
    Lane lane = lanes.get(dot.replica());
    return lane == null ? null : lane.held.get(dot.counter());
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** The buffered changes, sorted by dot (a copy: O(n log n)). */
  List<Change> values() {
    List<Change> out = collect();
    out.sort((a, b) -> DOT_ORDER.compare(a.dot(), b.dot()));
    return out;
  }

  /** The buffered changes in no particular order (a copy: O(n); no allocation when empty). */
  List<Change> unordered() {
    return size == 0 ? List.of() : collect();
  }

  private List<Change> collect() {
    List<Change> out = new ArrayList<>(size);
    for (Lane lane : laneList) {
      lane.held.forEach(out::add);
    }
    return out;
  }

  /** The buffered dots, sorted (a copy). */
  Set<Dot> dots() {
    TreeSet<Dot> out = new TreeSet<>(DOT_ORDER);
    for (Change c : unordered()) {
      out.add(c.dot());
    }
    return out;
  }

  /**
   * Drops every buffered change whose dot has been delivered some other way (a merged snapshot
   * delivers dots wholesale): they are held, no longer pending. O(n) to find them; the waiting
   * heaps are rebuilt from what remains only if some were dropped (a filing stays valid however far
   * the prefixes grew: the next release wakes every lane). The greatest counters ever buffered are
   * kept.
   */
  void dropDelivered() {
    List<Change> all = unordered();
    boolean dropped = false;
    for (Change c : all) {
      if (delivered.contains(c.dot())) {
        take(c.author(), c.seq());
        dropped = true;
      }
    }
    if (!dropped) {
      return;
    }
    readyOnArrival.clear();
    for (Lane lane : laneList) {
      lane.waiting.clear();
    }
    for (Change c : unordered()) {
      if (!fileUnderMissing(c)) {
        readyOnArrival.add(c.dot());
      }
    }
  }

  /**
   * The greatest counter of {@code replica} ever buffered, 0 if none: O(1). It may since have been
   * delivered, so it bounds the buffered counters from above and, with the delivered set's greatest
   * counter, gives the greatest counter held either way.
   */
  long maxCounterEverBuffered(ReplicaId replica) {
    Lane lane = lanes.get(replica);
    return lane == null ? 0 : lane.maxBuffered;
  }

  /**
   * Delivers, through {@code deliver}, every buffered change that has become ready (see the class
   * comment for the order), appending each dot to {@code released}. {@code deliver} must add the
   * change's dot to the delivered set before it returns.
   */
  void release(Consumer<Change> deliver, List<Dot> released) {
    pass.addAll(readyOnArrival);
    readyOnArrival.clear();
    cursor = null;
    for (int i = 0; i < laneList.size(); i++) {
      wake(laneList.get(i));
    }
    while (!pass.isEmpty()) {
      while (!pass.isEmpty()) {
        Dot next = pass.poll();
        cursor = next;
        Lane lane = lanes.get(next.replica());
        deliver.accept(Objects.requireNonNull(lane).take(next.counter()));
        size--;
        released.add(next);
        wake(lane);
      }
      PriorityQueue<Dot> swap = pass;
      pass = nextPass;
      nextPass = swap;
    }
    cursor = null;
  }

  /** Hands the changes {@code lane}'s prefix now reaches to {@link #route}. */
  private void wake(Lane lane) {
    lane.waiting.popReached(delivered.maxPrefix(lane.replica), route);
  }

  /**
   * A woken change: if ready, to this pass when its dot is after the cursor (or there is none),
   * else to the next; if not, filed under another counter it lacks.
   */
  private void route(Change c) {
    if (!fileUnderMissing(c)) {
      Dot dot = c.dot();
      (cursor == null || DOT_ORDER.compare(dot, cursor) > 0 ? pass : nextPass).add(dot);
    }
  }

  /**
   * Files {@code change} under the replica whose counter it lacks most (likeliest to come last, so
   * it is looked at again least often); false if it lacks none.
   */
  private boolean fileUnderMissing(Change change) {
    furthest = null;
    furthestGap = 0;
    change.seen().entries().forEach(consider);
    ReplicaId lacking = furthest;
    if (lacking == null) {
      return false;
    }
    furthest = null;
    lane(lacking).waiting.add(furthestNeed, change);
    return true;
  }

  /** One entry of a {@code seen} vector: the furthest-lacking so far if it lacks more. */
  private void consider(ReplicaId replica, Long counter) {
    long lacking = counter - delivered.maxPrefix(replica);
    if (lacking > furthestGap) {
      furthest = replica;
      furthestGap = lacking;
      furthestNeed = counter;
    }
  }

  /** Removes the buffered change {@code author:counter} from its lane. */
  private void take(ReplicaId author, long counter) {
    Objects.requireNonNull(lanes.get(author)).take(counter);
    size--;
  }

  private Lane lane(ReplicaId replica) {
    Lane lane = lanes.get(replica);
    if (lane == null) {
      lane = new Lane(replica);
      lanes.put(replica, lane);
      laneList.add(lane);
    }
    return lane;
  }

  /**
   * What the buffer keeps per replica: the changes it authored that are buffered (by counter; the
   * log position is unused), the greatest counter of it ever buffered, and the changes waiting for
   * its delivered prefix to reach a counter.
   */
  private static final class Lane {
    final ReplicaId replica;
    final AuthorLog held = new AuthorLog();
    final WaitHeap waiting = new WaitHeap();
    long maxBuffered;

    Lane(ReplicaId replica) {
      this.replica = replica;
    }

    /** Removes and returns the held change with {@code counter} (it must be held). */
    Change take(long counter) {
      return Objects.requireNonNull(held.remove(counter), "buffered change missing");
    }
  }
}
