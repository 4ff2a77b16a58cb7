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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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

  /**
   * @param keysInClear the key-in-the-clear mutant: every sealing also sends the epoch secrets
   */
  ClientSealing(EpochKeyring keyring, List<KeyPackage> directory, boolean keysInClear) {
    this.keyring = keyring;
    this.directory = List.copyOf(directory);
    this.keysInClear = keysInClear;
  }

  /**
   * The frames that carry {@code e} to the relay: a rotation first if one was needed. After a
   * rotation this client's earlier envelopes are sealed again under the new epoch, so a member it
   * learnt of late can read them (history sharing by the author; the frames before {@code e}'s).
   */
  List<Frame> seal(SignedEnvelope e, TrustedReplica trusted) {
    Roster members = roster(trusted);
    Sealed s = keyring.seal(e, members);
    List<Frame> out = new ArrayList<>();
    s.rotation().ifPresent(r -> out.add(Frame.of(Frame.ROTATION, r.bytes())));
    if (keysInClear) {
      keyring.auditSecrets().forEach(k -> out.add(Frame.of(Frame.KEYS, k)));
    }
    if (s.rotation().isPresent()) {
      for (SignedEnvelope earlier : sent) {
        out.add(Frame.of(Frame.ENVELOPE, keyring.seal(earlier, members).frame().bytes()));
      }
    }
    sent.add(e);
    out.add(Frame.of(Frame.ENVELOPE, s.frame().bytes()));
    return out;
  }

  /**
   * If the members known now changed since this client last sealed, rotates and seals its earlier
   * envelopes again for them (so a member it learnt of late reads them even if it writes no more).
   */
  List<Frame> refresh(TrustedReplica trusted) {
    Roster members = roster(trusted);
    if (sent.isEmpty() || keyring.sealingEpoch(members).isPresent()) {
      return List.of();
    }
    List<Frame> out = new ArrayList<>();
    out.add(Frame.of(Frame.ROTATION, keyring.rotate(members).bytes()));
    for (SignedEnvelope earlier : sent) {
      out.add(Frame.of(Frame.ENVELOPE, keyring.seal(earlier, members).frame().bytes()));
    }
    return out;
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
        progress |= open(b, envelopes, rejected);
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
