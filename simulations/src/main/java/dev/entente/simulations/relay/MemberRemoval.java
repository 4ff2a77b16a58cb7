package dev.entente.simulations.relay;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.FrameCodec;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Optional;

/**
 * Member removal in the relay world. The owner signs the removal of one member (the owner may
 * remove any non-owner, see {@code Membership}) and tells the removed device directly, as the
 * invitation came out of band; the removal itself travels through the relay like any change, sealed
 * under a new epoch the removed device is no reader of. The removed device is stubborn: once it
 * knows it is out it keeps signing writes on top of the removal, sealed under the last epoch it
 * could read, so the relay delivers and the members open them; every honest member must refuse them
 * as {@code NotAMember}. Stateless.
 */
final class MemberRemoval {
  private MemberRemoval() {}

  /** The owner removes {@code removed} in {@code round}; returns the removal's envelope hash. */
  static Hash32 remove(RelaySimulation sim, RelayClient owner, RelayClient removed, int round) {
    SignedEnvelope e = owner.trusted().changeMembership(new MembershipOp.Remove(removed.id()));
    sim.sendHonest(owner, e, round);
    removed.deliver(e, round);
    return e.hash();
  }

  /**
   * The removed device signs a write on top of everything it holds (its removal included), with a
   * fresh dot and a timestamp after its heads', and queues it for the relay.
   */
  static void writeAfterRemoval(
      RelayClient c, DeviceKeyPair keys, Key key, Value value, RelayTruth truth) {
    VersionVector seen = c.trusted().versionVector();
    long seq = seen.get(c.id()) + 1 + truth.removedWrites().size();
    long after = 0;
    for (Hash32 h : c.trusted().heads()) {
      after =
          Math.max(after, c.trusted().envelope(h).orElseThrow().change().timestamp().wallMillis());
    }
    Change change =
        new Change(
            c.id(), seq, new HlcTimestamp(after + 1, 0), seen, List.of(new Op.Put(key, value)));
    SignedEnvelope e =
        SignedEnvelope.signed(c.trusted().documentId(), change, c.trusted().heads(), keys::sign);
    if (c.sendAsRemoved(e)) {
      truth.removedWrite(e.hash());
    }
  }

  /** The epoch of a sealed envelope frame, if {@code f} is one. */
  static Optional<Hash32> epochOf(Frame f) {
    if (f.kind() != Frame.ENVELOPE) {
      return Optional.empty();
    }
    try {
      return Optional.of(FrameCodec.decode(f.payload()).header().epoch());
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }
}
