package dev.entente.simulations.relay;

import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.ReceiveResult;
import dev.entente.impl.trust.Rejection;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A member device that syncs through the relay: it pushes its frames in order (stopping at the
 * first unacknowledged one, so the relay never holds a change without its author's earlier ones),
 * pulls what the relay serves, verifies every envelope in its {@link TrustedReplica}, and signs a
 * head whenever all its envelopes are acknowledged and its heads moved. What is missing is decided
 * by content hashes: the relay serves frames by opaque id, and an envelope waits for its hash
 * links. Mutable.
 */
final class RelayClient {
  private final int index;
  private final DeviceKeyPair keys;
  private final TrustedReplica trusted;
  private final FreshnessMonitor monitor;
  private final @Nullable ClientSealing sealing;
  private final Set<Hash32> held = new HashSet<>();
  private final Deque<Frame> outbox = new ArrayDeque<>();
  private final Map<Hash32, Integer> acceptedAt = new HashMap<>();
  private final SortedMap<String, Integer> rejections = new TreeMap<>();
  private final List<Integer> pullRounds = new ArrayList<>();
  private long headCounter;
  private List<Hash32> signedHeads = List.of();
  private @Nullable SignedHead latestHead;
  private int duplicates;
  private int lostPushes;
  private int lostPulls;

  /** A client; {@code sealing} is null in the plain variant (envelopes travel unsealed). */
  RelayClient(
      int index,
      DeviceKeyPair keys,
      TrustedReplica trusted,
      FreshnessMonitor monitor,
      @Nullable ClientSealing sealing) {
    this.index = index;
    this.keys = keys;
    this.trusted = trusted;
    this.monitor = monitor;
    this.sealing = sealing;
  }

  int index() {
    return index;
  }

  TrustedReplica trusted() {
    return trusted;
  }

  FreshnessMonitor monitor() {
    return monitor;
  }

  /** Queues an envelope this client made (or, for the Byzantine member, forged) for the relay. */
  /** Returns the envelope's frame (after the rotation it needed, if any). */
  Frame send(SignedEnvelope e, int round) {
    List<Frame> frames =
        sealing == null
            ? List.of(Frame.of(Frame.ENVELOPE, EnvelopeCodec.encode(e)))
            : sealing.seal(e, trusted);
    if (trusted.envelope(e.hash()).isPresent()) {
      acceptedAt.putIfAbsent(e.hash(), round);
    }
    outbox.addAll(frames);
    return frames.get(frames.size() - 1);
  }

  /**
   * Queues a write this client signed after learning it was removed, sealed under the last epoch it
   * read as a member; false if it has none (it never pushed).
   */
  boolean sendAsRemoved(SignedEnvelope e) {
    List<Frame> frames =
        sealing == null
            ? List.of(Frame.of(Frame.ENVELOPE, EnvelopeCodec.encode(e)))
            : sealing.sealAsRemoved(e);
    outbox.addAll(frames);
    return !frames.isEmpty();
  }

  /** Receives {@code e} directly from a member, outside the relay. */
  void deliver(SignedEnvelope e, int round) {
    receive(e, round);
  }

  /** Signs a new head if every envelope is acknowledged and the heads moved; empty otherwise. */
  Optional<SignedHead> signHead() {
    List<Hash32> heads = trusted.heads();
    if (!outbox.isEmpty() || heads.isEmpty() || heads.equals(signedHeads)) {
      return Optional.empty();
    }
    SignedHead h = SignedHead.sign(trusted.documentId(), id(), ++headCounter, heads, keys);
    signedHeads = heads;
    latestHead = h;
    outbox.add(Frame.of(Frame.HEAD, h.encode()));
    return Optional.of(h);
  }

  /** This client's newest signed head, if it signed one. */
  Optional<SignedHead> latestHead() {
    return Optional.ofNullable(latestHead);
  }

  ReplicaId id() {
    return ReplicaIds.of(index);
  }

  /** Pushes the outbox in order, stopping at the first push the relay lost. */
  void push(Relay relay, int round) {
    if (sealing != null) {
      outbox.addAll(sealing.refresh(trusted));
    }
    while (!outbox.isEmpty()) {
      Frame f = outbox.peek();
      if (!relay.push(index, f, round)) {
        lostPushes++;
        return;
      }
      held.add(f.id());
      outbox.poll();
    }
  }

  /** Pulls and receives what the relay serves; {@code heads} hears each new verified head. */
  void pull(Relay relay, int round, Consumer<SignedHead> heads) {
    Optional<List<Frame>> served = relay.pull(index, Set.copyOf(held), round);
    if (served.isEmpty()) {
      lostPulls++;
      return;
    }
    for (Frame f : served.get()) {
      held.add(f.id());
      if (f.kind() == Frame.ENVELOPE) {
        receiveFrame(f.payload(), round);
      } else if (f.kind() == Frame.ROTATION && sealing != null) {
        sealing.rotation(f.payload(), trusted, this::reject);
      } else if (f.kind() == Frame.KEYS) {
        continue; // the key-in-the-clear mutant's leak; nobody reads it but the relay
      } else if (f.kind() == Frame.HEAD) {
        Optional<SignedHead> h = SignedHead.decode(f.payload());
        if (h.isPresent() && hear(h.get(), round)) {
          heads.accept(h.get());
        } else if (h.isEmpty()) {
          reject("MalformedHead");
        }
      } else {
        reject("UnknownFrame");
      }
    }
    if (sealing != null) {
      sealing.retry(trusted, e -> receive(e, round), this::reject);
    }
    pullRounds.add(round);
    monitor.pulled(trusted, round);
  }

  /** Offers a head heard directly from a member or through the relay; true if new and valid. */
  boolean hear(SignedHead head, int round) {
    return monitor.offer(head, trusted, round);
  }

  private void receiveFrame(byte[] payload, int round) {
    if (sealing == null) {
      handle(trusted.receive(payload), round);
    } else {
      sealing.open(payload, e -> receive(e, round), this::reject);
    }
  }

  private void receive(SignedEnvelope e, int round) {
    handle(trusted.receive(e), round);
  }

  private void handle(ReceiveResult r, int round) {
    if (r instanceof ReceiveResult.Accepted a) {
      a.accepted().forEach(h -> acceptedAt.putIfAbsent(h, round));
    } else if (r instanceof ReceiveResult.Duplicate) {
      duplicates++;
    } else if (r instanceof ReceiveResult.Pending p) {
      monitor.owe(p.missing(), trusted, round);
    } else if (r instanceof ReceiveResult.Rejected j) {
      if (j.rejection() instanceof Rejection.NotAMember) {
        Coverage.mark(RelayMark.RELAY_NOT_A_MEMBER_REFUSED);
      } else if (j.rejection() instanceof Rejection.BadTimestamp) {
        Coverage.mark(RelayMark.RELAY_BAD_TIMESTAMP_REFUSED);
      }
      reject(j.rejection().getClass().getSimpleName());
    }
  }

  private void reject(String why) {
    rejections.merge(why, 1, Integer::sum);
  }

  /** The round each accepted envelope was accepted in (own ones: the round they were made). */
  Map<Hash32, Integer> acceptedAt() {
    return Map.copyOf(acceptedAt);
  }

  /** Rejections by type name, including those of envelopes that waited for links. */
  SortedMap<String, Integer> rejections() {
    TreeMap<String, Integer> out = new TreeMap<>(rejections);
    trusted
        .rejectedAfterWaiting()
        .forEach(j -> out.merge(j.getClass().getSimpleName(), 1, Integer::sum));
    return out;
  }

  /** The rounds of this client's completed pulls. */
  List<Integer> pullRounds() {
    return List.copyOf(pullRounds);
  }

  /** The sealing layer, or null in the plain variant. */
  @Nullable ClientSealing sealing() {
    return sealing;
  }

  int duplicates() {
    return duplicates;
  }

  int lostPushes() {
    return lostPushes;
  }

  int lostPulls() {
    return lostPulls;
  }
}
