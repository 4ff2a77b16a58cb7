package dev.entente.simulations.relay;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.AgreementKeyPair;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.KeyPackage;
import dev.entente.impl.seal.Padding;
import dev.entente.impl.seal.SeededEntropy;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.Role;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One relay run: member devices sync one document through an untrusted relay for the attack rounds,
 * then for the heal rounds with an honest relay (as after failing over to another one). Each round:
 * members write, push their frames, sign a head once all is acknowledged, push again, pull what the
 * relay serves; then two honest members meet and exchange their newest heads directly. Keys,
 * writes, the adversary and the meetings each draw from their own fork of the seed's generator, so
 * the run is a pure function of its {@link RelayOptions}. Not reusable.
 */
public final class RelaySimulation {
  private static final int KEYS = 4;

  private final RelayOptions options;
  private final Prng writes;
  private final Prng meetings;
  private final List<RelayClient> clients = new ArrayList<>();
  private final List<DeviceKeyPair> keys = new ArrayList<>();
  private final List<Integer> honest = new ArrayList<>();
  private final RelayTruth truth = new RelayTruth();
  private final Map<Hash32, Hash32> envelopeOfFrame = new HashMap<>();
  private final List<Heard> heard = new ArrayList<>();
  private final Set<String> heardKeys = new HashSet<>();
  private final Relay relay;
  private final RelayAdversary adversary;
  private int written;
  private @Nullable Hash32 removal;

  private RelaySimulation(RelayOptions options) {
    this.options = options;
    Prng root = new Prng(options.seed());
    Prng keyStream = root.fork();
    this.writes = root.fork();
    Prng adversaryStream = root.fork();
    this.meetings = root.fork();
    int total = options.clients() + (options.byzantine() ? 1 : 0);
    for (int i = 0; i < total; i++) {
      byte[] seed = seedBytes(keyStream);
      truth.secret(seed);
      keys.add(DeviceKeyPair.fromSeed(seed));
      if (i < options.clients()) {
        honest.add(i);
      }
    }
    DocumentGenesis genesis =
        new DocumentGenesis("relay-doc", ReplicaIds.of(0), keys.get(0).publicKey());
    RelayFactory factory = options.mutant().factory();
    List<EpochKeyring> keyrings = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      keyrings.add(keyring(i, genesis.documentId(), factory));
    }
    List<KeyPackage> directory = keyrings.stream().map(EpochKeyring::keyPackage).toList();
    for (int i = 0; i < total; i++) {
      ClientSealing sealing =
          options.sealed()
              ? new ClientSealing(keyrings.get(i), directory, factory.keysInClear())
              : null;
      clients.add(newClient(i, genesis, factory, sealing));
    }
    List<StoredFrame> store = new ArrayList<>();
    List<ReplicaId> ids = clients.stream().map(RelayClient::id).toList();
    AdversaryContext ctx =
        new AdversaryContext(
            adversaryStream,
            genesis.documentId(),
            ids,
            DeviceKeyPair.fromSeed(seedBytes(keyStream)),
            store,
            truth,
            0,
            options.attackRounds());
    this.adversary = new RelayAdversary(ctx, options.attacks(), honest);
    this.relay = new Relay(store, adversary);
  }

  /** Runs {@code options} to the end. */
  public static RelayOutcome run(RelayOptions options) {
    return new RelaySimulation(options).run();
  }

  private static byte[] seedBytes(Prng prng) {
    byte[] seed = new byte[DeviceKeyPair.SEED_LENGTH];
    for (int i = 0; i < seed.length; i += 8) {
      long v = prng.nextLong();
      for (int j = 0; j < 8; j++) {
        seed[i + j] = (byte) (v >>> (8 * j));
      }
    }
    return seed;
  }

  private EpochKeyring keyring(int i, Hash32 document, RelayFactory factory) {
    SeededEntropy entropy = SeededEntropy.of(options.seed(), "relay/keyring/" + i);
    return EpochKeyring.create(
        document,
        ReplicaIds.of(i),
        keys.get(i),
        AgreementKeyPair.generate(entropy),
        entropy,
        factory.seals().apply(entropy),
        Padding.PADME);
  }

  private RelayClient newClient(
      int i, DocumentGenesis genesis, RelayFactory factory, @Nullable ClientSealing sealing) {
    ReplicaId id = ReplicaIds.of(i);
    LamportClock clock = new LamportClock();
    TrustedReplica t =
        TrustedReplica.create(
            genesis,
            keys.get(i),
            () -> Replica.create(id, RegisterPolicy.MV, KeyGroups.singletons(), clock),
            factory.trust());
    return new RelayClient(
        i, keys.get(i), t, factory.monitors().newMonitor(i, options.patience()), sealing);
  }

  private RelayOutcome run() {
    addMembers();
    int rounds = options.attackRounds() + options.healRounds();
    for (int round = 0; round < rounds; round++) {
      if (options.removal() && round == options.removalRound()) {
        removal = MemberRemoval.remove(this, clients.get(0), clients.get(removed()), round);
      }
      if (round < options.attackRounds()) {
        writeRound(round);
      }
      syncRound(round);
      meet(round);
    }
    return outcome();
  }

  /**
   * The owner adds every other device before sealing any of the adds: sealing then uses one epoch
   * that every member reads (a member reads only epochs that include it; there is no history
   * sharing, see docs/e2ee.md).
   */
  private void addMembers() {
    RelayClient owner = clients.get(0);
    List<SignedEnvelope> adds = new ArrayList<>();
    for (int i = 1; i < clients.size(); i++) {
      adds.add(
          owner
              .trusted()
              .changeMembership(
                  new MembershipOp.Add(ReplicaIds.of(i), Role.WRITER, keys.get(i).publicKey())));
    }
    adds.forEach(e -> sendHonest(owner, e, 0));
  }

  private void writeRound(int round) {
    for (RelayClient c : clients) {
      if (c.trusted().memberNow(c.id()).isEmpty()) {
        if (isRemoved(c.index()) && writes.chance(Ratio.of(1, 2))) {
          MemberRemoval.writeAfterRemoval(c, keys.get(c.index()), key(), value("removed"), truth);
        }
        continue;
      }
      boolean byzantine = !honest.contains(c.index());
      if (byzantine && writes.chance(Ratio.of(1, 3))) {
        ByzantineMember.equivocate(
            c, keys.get(c.index()), key(), value("eq-a"), value("eq-b"), truth, round);
      } else if (byzantine && writes.chance(Ratio.of(1, 4))) {
        ByzantineMember.lieAboutLinks(c, keys.get(c.index()), key(), value("lie"), truth, round);
      } else if (byzantine && writes.chance(Ratio.of(1, 4))) {
        ByzantineMember.skewTime(c, keys.get(c.index()), key(), value("skew"), truth, round);
      } else if (writes.chance(Ratio.of(1, 2))) {
        SignedEnvelope e = c.trusted().put(key(), value("v"));
        if (byzantine) {
          c.send(e, round);
        } else {
          sendHonest(c, e, round);
        }
      }
    }
  }

  private Key key() {
    return Key.of("k" + writes.nextInt(KEYS));
  }

  private Value value(String prefix) {
    Value v = Value.of(prefix + "-" + options.seed() + "-" + (++written));
    truth.plaintext(v);
    return v;
  }

  /** Sends an honest member's envelope, recording it (and its epoch, if after the removal). */
  void sendHonest(RelayClient c, SignedEnvelope e, int round) {
    truth.honestEnvelope(e.hash(), c.index());
    Frame f = c.send(e, round);
    envelopeOfFrame.put(f.id(), e.hash());
    if (removal != null && options.sealed() && c.trusted().envelope(removal).isPresent()) {
      MemberRemoval.epochOf(f).ifPresent(epoch -> truth.sealedAfterRemoval(epoch, e.hash()));
    }
  }

  private int removed() {
    return options.removedMember();
  }

  private boolean isRemoved(int index) {
    return options.removal() && index == removed();
  }

  private void syncRound(int round) {
    for (RelayClient c : clients) {
      c.push(relay, round);
      c.signHead().ifPresent(h -> truth.headCovers(h, acceptedSet(c)));
      c.push(relay, round);
    }
    for (RelayClient c : clients) {
      c.pull(relay, round, h -> noteHeard(c, h, round, true));
    }
  }

  private void meet(int round) {
    int a = honest.get(meetings.nextInt(honest.size()));
    int b = honest.get(meetings.nextInt(honest.size()));
    if (a == b) {
      return;
    }
    exchange(clients.get(a), clients.get(b), round);
    exchange(clients.get(b), clients.get(a), round);
  }

  private void exchange(RelayClient from, RelayClient to, int round) {
    from.latestHead()
        .ifPresent(
            h -> {
              if (to.hear(h, round)) {
                noteHeard(to, h, round, false);
              }
            });
  }

  /** Records, as ground truth, the hidden envelopes {@code head} tells {@code c} about. */
  private void noteHeard(RelayClient c, SignedHead head, int round, boolean viaRelay) {
    int author = indexOf(head.author());
    if (!honest.contains(c.index()) || !honest.contains(author)) {
      return;
    }
    if (isRemoved(c.index()) || isRemoved(author)) {
      return;
    }
    Set<Hash32> covered = truth.coveredBy(head);
    for (StoredFrame s : relay.hiddenForFreshness(c.index(), round)) {
      Hash32 e = envelopeOfFrame.get(s.frame().id());
      if (e != null
          && covered.contains(e)
          && c.trusted().envelope(e).isEmpty()
          && heardKeys.add(c.index() + "/" + e)) {
        heard.add(new Heard(c.index(), round, e, viaRelay));
      }
    }
  }

  private static int indexOf(ReplicaId id) {
    return Integer.parseInt(id.value().substring(1));
  }

  private static Set<Hash32> acceptedSet(RelayClient c) {
    Set<Hash32> out = new HashSet<>();
    c.trusted().envelopesNotBelow(List.of()).forEach(e -> out.add(e.hash()));
    return out;
  }

  private RelayOutcome outcome() {
    List<ClientReport> reports = new ArrayList<>();
    for (RelayClient c : clients) {
      reports.add(report(c));
      ClientSealing sealing = c.sealing();
      if (sealing != null) {
        sealing.auditSecrets().forEach(truth::secret);
        if (isRemoved(c.index())) {
          truth.removedMemberEpochs(sealing.readableEpochs());
        }
      }
    }
    RelayLog log = relay.log();
    byte[] bytes = log.bytes();
    return new RelayOutcome(
        options,
        reports,
        truth,
        heard,
        bytes,
        log.storedBytes(),
        log.forwardedBytes(),
        relay.storedFrames(),
        adversary.freshnessStart(),
        traceHash(bytes, reports));
  }

  private ClientReport report(RelayClient c) {
    TrustedReplica t = c.trusted();
    return new ClientReport(
        c.index(),
        honest.contains(c.index()) && !isRemoved(c.index()),
        t.materialise(),
        t.envelopesNotBelow(List.of()),
        c.acceptedAt(),
        t.equivocations().stream().map(p -> p.first().dot()).toList(),
        c.monitor().alarms(),
        c.pullRounds(),
        c.rejections(),
        c.monitor().refusedHeads(),
        c.monitor().staleHeads(),
        c.duplicates(),
        c.lostPushes(),
        c.lostPulls(),
        c.sealing() == null ? Set.of() : c.sealing().passedTag());
  }

  private static String traceHash(byte[] relayBytes, List<ClientReport> reports) {
    StringBuilder b = new StringBuilder();
    for (ClientReport r : reports) {
      b.append(r.index()).append(' ').append(r.map()).append(' ').append(r.alarms()).append('\n');
      b.append(r.rejections()).append(' ').append(r.pullRounds()).append('\n');
    }
    return Hash32.sha256(relayBytes, b.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
