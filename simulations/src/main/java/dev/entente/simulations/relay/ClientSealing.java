package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.FrameRejection;
import dev.entente.impl.seal.KeyPackage;
import dev.entente.impl.seal.OpenResult;
import dev.entente.impl.seal.Recipient;
import dev.entente.impl.seal.Roster;
import dev.entente.impl.seal.RotationResult;
import dev.entente.impl.seal.Sealed;
import dev.entente.impl.trust.Member;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A client's end-to-end encryption: it seals each envelope for the members it knows now (the
 * keyring rotates when they changed), opens sealed frames, and installs rotations. Frames and
 * rotations that arrive before what they need (an epoch's rotation, the rotator's membership) wait
 * and are retried after each pull. Key packages are known out of band (like the invitation).
 * Mutable.
 */
final class ClientSealing {
  private final EpochKeyring keyring;
  private final List<KeyPackage> directory;
  private final boolean keysInClear;
  private final List<byte[]> waitingRotations = new ArrayList<>();
  private final List<byte[]> waitingFrames = new ArrayList<>();
  private final Set<Hash32> passedTag = new HashSet<>();
  private final List<SignedEnvelope> sent = new ArrayList<>();
  private final Set<ReplicaId> sealedFor = new HashSet<>();
  private @Nullable Roster lastAsMember;

  /**
   * @param keysInClear the key-in-the-clear mutant: every sealing also sends the epoch secrets
   */
  ClientSealing(EpochKeyring keyring, List<KeyPackage> directory, boolean keysInClear) {
    this.keyring = keyring;
    this.directory = List.copyOf(directory);
    this.keysInClear = keysInClear;
  }

  /**
   * The frames that carry {@code e} to the relay: a rotation first if one was needed. If the
   * members known now include one its earlier envelopes were not sealed for, they are sealed again
   * first, so a member it learnt of late can read them (history sharing by the author).
   */
  List<Frame> seal(SignedEnvelope e, TrustedReplica trusted) {
    Roster members = roster(trusted);
    noteIfMember(members);
    Sealed s = keyring.seal(e, members);
    List<Frame> out = new ArrayList<>();
    s.rotation().ifPresent(r -> out.add(Frame.of(Frame.ROTATION, r.bytes())));
    if (keysInClear) {
      keyring.auditSecrets().forEach(k -> out.add(Frame.of(Frame.KEYS, k)));
    }
    out.addAll(resealForNewReaders(members));
    members.recipients().forEach(r -> sealedFor.add(r.id()));
    sent.add(e);
    out.add(Frame.of(Frame.ENVELOPE, s.frame().bytes()));
    return out;
  }

  /**
   * If the members known now include one this client's earlier envelopes were not sealed for,
   * rotates if needed and seals them again (so a member it learnt of late reads them even if it
   * writes no more).
   */
  List<Frame> refresh(TrustedReplica trusted) {
    Roster members = roster(trusted);
    noteIfMember(members);
    if (sent.isEmpty() || !hasNewReader(members)) {
      return List.of();
    }
    List<Frame> out = new ArrayList<>();
    if (keyring.sealingEpoch(members).isEmpty()) {
      out.add(Frame.of(Frame.ROTATION, keyring.rotate(members).bytes()));
    }
    out.addAll(resealForNewReaders(members));
    return out;
  }

  /**
   * The earlier envelopes sealed again for {@code members} (under the epoch {@link
   * EpochKeyring#seal} picks, which already exists) if one of them was not a reader of the last
   * sealing; nothing otherwise. Deciding this by "did the keyring rotate" was the drop/tamper bug
   * (seed 1): a writer that sealed under an epoch made while it knew fewer members, then learnt the
   * rest, found the owner's full epoch still usable, never rotated, and never sealed its earlier
   * envelopes for the members it had learnt of late.
   */
  private List<Frame> resealForNewReaders(Roster members) {
    if (!hasNewReader(members)) {
      return List.of();
    }
    Coverage.mark(RelayMark.RELAY_RESEALED_FOR_LATE_MEMBER);
    List<Frame> out = new ArrayList<>();
    for (SignedEnvelope earlier : sent) {
      out.add(Frame.of(Frame.ENVELOPE, keyring.seal(earlier, members).frame().bytes()));
    }
    members.recipients().forEach(r -> sealedFor.add(r.id()));
    return out;
  }

  private boolean hasNewReader(Roster members) {
    return !sent.isEmpty()
        && members.recipients().stream().anyMatch(r -> !sealedFor.contains(r.id()));
  }

  private void noteIfMember(Roster members) {
    if (members.slotOf(keyring.recipient().id()).isPresent()) {
      lastAsMember = members;
    }
  }

  /**
   * A removed device's frame for {@code e}: sealed for the members it last knew while it was one of
   * them (an epoch it still reads), or nothing if it never knew any.
   */
  List<Frame> sealAsRemoved(SignedEnvelope e) {
    Roster members = lastAsMember;
    if (members == null) {
      return List.of();
    }
    Coverage.mark(RelayMark.RELAY_REMOVED_MEMBER_SEALED);
    return List.of(Frame.of(Frame.ENVELOPE, keyring.seal(e, members).frame().bytes()));
  }

  /** The epochs this client can read. */
  List<Hash32> readableEpochs() {
    return keyring.readableEpochs();
  }

  /** The members {@code trusted} knows now whose key packages verify under their member keys. */
  private Roster roster(TrustedReplica trusted) {
    List<Recipient> readers = new ArrayList<>();
    for (KeyPackage p : directory) {
      Optional<Member> m = trusted.memberNow(p.recipient().id());
      if (m.isPresent() && p.verifies(m.get().key())) {
        readers.add(p.recipient());
      }
    }
    return Roster.of(readers);
  }

  /** Installs a rotation, or keeps it for later if its rotator is not a member yet here. */
  void rotation(byte[] bytes, TrustedReplica trusted, Consumer<String> rejected) {
    if (!install(bytes, trusted, rejected)) {
      waitingRotations.add(bytes);
    }
  }

  private boolean install(byte[] bytes, TrustedReplica trusted, Consumer<String> rejected) {
    RotationResult r = keyring.receive(bytes, id -> trusted.memberNow(id).map(Member::key));
    if (r instanceof RotationResult.Rejected j
        && j.reason() == RotationResult.Reason.NOT_A_MEMBER) {
      return false;
    }
    if (r instanceof RotationResult.Rejected j) {
      rejected.accept("Rotation" + j.reason());
    } else if (r instanceof RotationResult.NotAReader) {
      rejected.accept("RotationNotAReader");
    }
    return true;
  }

  /**
   * Opens a frame and hands its envelope on; a frame for an epoch not readable yet waits. Returns
   * false if it waits.
   */
  boolean open(byte[] bytes, Consumer<SignedEnvelope> envelopes, Consumer<String> rejected) {
    OpenResult r = keyring.open(bytes);
    if (r instanceof OpenResult.Opened o) {
      passedTag.add(Hash32.sha256(bytes));
      envelopes.accept(o.envelope());
    } else if (r instanceof OpenResult.Rejected j) {
      FrameRejection why = j.rejection();
      if (why instanceof FrameRejection.UnreadableEpoch) {
        waitingFrames.add(bytes);
        return false;
      }
      if (why.blamesSealer()) {
        passedTag.add(Hash32.sha256(bytes));
      }
      rejected.accept(why.getClass().getSimpleName());
    }
    return true;
  }

  /** Retries what waits, until nothing more opens. */
  void retry(
      TrustedReplica trusted, Consumer<SignedEnvelope> envelopes, Consumer<String> rejected) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (byte[] b : List.copyOf(waitingRotations)) {
        if (install(b, trusted, rejected)) {
          waitingRotations.remove(b);
          progress = true;
        }
      }
      for (byte[] b : List.copyOf(waitingFrames)) {
        waitingFrames.remove(b);
        if (open(b, envelopes, rejected)) {
          Coverage.mark(RelayMark.RELAY_FRAME_OPENED_AFTER_WAITING);
          progress = true;
        }
      }
    }
  }

  /** Payload hashes of frames whose AEAD tag passed (opened, or blamed on their sealer). */
  Set<Hash32> passedTag() {
    return Set.copyOf(passedTag);
  }

  /** Frames and rotations still waiting (for the stats). */
  int waiting() {
    return waitingFrames.size() + waitingRotations.size();
  }

  /** Copies of the epoch secrets this client can read, for the leak checker. */
  List<byte[]> auditSecrets() {
    return keyring.auditSecrets();
  }
}
