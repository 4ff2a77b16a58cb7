package dev.entente.simulations.net;

import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The simulated network. Every fault happens at a named point:
 *
 * <ul>
 *   <li>at send: a partition that blocks the link drops the message ("cut"); random loss drops it
 *       ("lost"); otherwise a delay is drawn, and with FIFO links the arrival is pushed back to no
 *       earlier than the link's previous arrival; random duplication schedules a second copy with
 *       its own delay (which may overtake the first).
 *   <li>at arrival: a partition that now blocks the link drops it ("cut"); a clogged endpoint holds
 *       it until it is unclogged ("clogged"); otherwise it goes to the receiver.
 * </ul>
 *
 * Endpoints are replica ids; partitions and clogs are in terms of slots (machines), so that a
 * replica restarting under a new id stays where its machine is. Mutable, not thread-safe.
 */
public final class SimNetwork<M> {
  /** Takes a delivered message. */
  @FunctionalInterface
  public interface Receiver<M> {
    /** Called at the arrival tick with the message. */
    void receive(Envelope<M> envelope);
  }

  private final EventLoop loop;
  private final Prng prng;
  private final ToIntFunction<ReplicaId> slotOf;
  private final Receiver<M> receiver;
  private final Consumer<String> trace;
  private final NetworkStats stats = new NetworkStats();
  private final Map<Link, Long> lastArrival = new TreeMap<>();
  // Observation only, for coverage marks: the latest arrival scheduled per link when links may
  // reorder, and the number of scheduled arrivals not yet run.
  private final Map<Link, Long> latestArrival = new TreeMap<>();
  private long inFlight;
  private final TreeSet<Integer> clogged = new TreeSet<>();
  private final List<Envelope<M>> held = new ArrayList<>();
  private NetworkConfig config;
  private @Nullable Partition partition;
  private long nextId = 1;

  /**
   * Creates a network.
   *
   * @param slotOf the slot (machine) of an endpoint
   * @param trace receives one canonical line per drop, for the trace log
   */
  public SimNetwork(
      EventLoop loop,
      Prng prng,
      NetworkConfig config,
      ToIntFunction<ReplicaId> slotOf,
      Receiver<M> receiver,
      Consumer<String> trace) {
    this.loop = loop;
    this.prng = prng;
    this.config = config;
    this.slotOf = slotOf;
    this.receiver = receiver;
    this.trace = trace;
  }

  /** Sends {@code message} of {@code bytes} encoded bytes; {@code label} names it in the trace. */
  public void send(ReplicaId from, ReplicaId to, M message, int bytes, String label) {
    Envelope<M> e = new Envelope<>(nextId++, from, to, message, bytes, label);
    stats.sent++;
    stats.bytesSent += bytes;
    if (isCut(e)) {
      stats.cut++;
      Coverage.mark(SimMark.NET_CUT_AT_SEND);
      trace.accept("cut-at-send " + e);
      return;
    }
    boolean lose = prng.chance(config.loss());
    boolean duplicate = prng.chance(config.duplicate());
    if (lose) {
      stats.lost++;
      Coverage.mark(SimMark.NET_LOST);
      trace.accept("lost " + e);
      return;
    }
    long first = arrivalTick(e);
    schedule(e, first);
    if (duplicate) {
      stats.duplicated++;
      long t =
          loop.now() + config.delay().draw(prng, config.delayTicksMin(), config.delayTicksMax());
      Coverage.mark(SimMark.NET_DUPLICATED);
      if (t < first) {
        Coverage.mark(SimMark.NET_DUPLICATE_OVERTAKES);
      }
      schedule(e, t);
    }
  }

  /** Replaces the per-message behaviour (for example, calm after the safety phase). */
  public void configure(NetworkConfig newConfig) {
    this.config = newConfig;
  }

  /** The current per-message behaviour. */
  public NetworkConfig config() {
    return config;
  }

  /** Installs a partition, replacing any current one; messages in flight are judged at arrival. */
  public void partition(Partition p) {
    this.partition = p;
  }

  /** Removes the partition. */
  public void heal() {
    if (partition != null && inFlight > 0) {
      Coverage.mark(SimMark.NET_HEAL_WITH_MESSAGES_IN_FLIGHT);
    }
    this.partition = null;
  }

  /** The current partition, or null. */
  public @Nullable Partition partition() {
    return partition;
  }

  /** Holds every arrival at or from {@code slot} until {@link #unclog}. */
  public void clog(int slot) {
    clogged.add(slot);
  }

  /** Releases {@code slot}; held messages whose endpoints are both free arrive after a delay. */
  public void unclog(int slot) {
    clogged.remove(slot);
    List<Envelope<M>> release = new ArrayList<>();
    for (Envelope<M> e : held) {
      if (!isClogged(e)) {
        release.add(e);
      }
    }
    held.removeAll(release);
    if (!release.isEmpty()) {
      Coverage.mark(SimMark.NET_RELEASED_BY_UNCLOG);
    }
    for (Envelope<M> e : release) {
      schedule(e, arrivalTick(e));
    }
  }

  /** Unclogs every slot. */
  public void unclogAll() {
    for (int slot : new ArrayList<>(clogged)) {
      unclog(slot);
    }
  }

  /** The clogged slots. */
  public List<Integer> cloggedSlots() {
    return List.copyOf(clogged);
  }

  /** Messages held by clogs. */
  public int heldCount() {
    return held.size();
  }

  /** The counters. */
  public NetworkStats stats() {
    return stats;
  }

  private long arrivalTick(Envelope<M> e) {
    long t = loop.now() + config.delay().draw(prng, config.delayTicksMin(), config.delayTicksMax());
    Link link = new Link(slotOf.applyAsInt(e.from()), slotOf.applyAsInt(e.to()));
    if (!config.reorder()) {
      long last = lastArrival.getOrDefault(link, 0L);
      if (last > t) {
        Coverage.mark(SimMark.NET_FIFO_HOLDS_BACK);
        t = last;
      }
      lastArrival.put(link, t);
    } else {
      long latest = latestArrival.getOrDefault(link, 0L);
      if (t < latest) {
        Coverage.mark(SimMark.NET_REORDERED);
      }
      latestArrival.put(link, Math.max(t, latest));
    }
    return t;
  }

  private void schedule(Envelope<M> e, long tick) {
    inFlight++;
    loop.at(tick, "arrive " + e, () -> arrive(e));
  }

  private void arrive(Envelope<M> e) {
    inFlight--;
    if (isCut(e)) {
      stats.cut++;
      Coverage.mark(SimMark.NET_CUT_IN_FLIGHT);
      trace.accept("cut-at-arrival #" + e.id());
      return;
    }
    if (isClogged(e)) {
      stats.clogged++;
      Coverage.mark(SimMark.NET_HELD_BY_CLOG);
      held.add(e);
      trace.accept("held #" + e.id());
      return;
    }
    stats.delivered++;
    receiver.receive(e);
  }

  private boolean isCut(Envelope<M> e) {
    return partition != null
        && partition.blocks(slotOf.applyAsInt(e.from()), slotOf.applyAsInt(e.to()));
  }

  private boolean isClogged(Envelope<M> e) {
    return !clogged.isEmpty()
        && (clogged.contains(slotOf.applyAsInt(e.from()))
            || clogged.contains(slotOf.applyAsInt(e.to())));
  }
}
