package dev.entente.impl.trust;

import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The membership of one document, as a function of a causal point. Mutable (it learns membership
 * ops as their changes are accepted), not thread-safe.
 *
 * <p>The members at a causal point {@code seen} are computed from the genesis and the membership
 * ops whose changes {@code seen} covers, and from nothing else; so every replica that accepted the
 * same past computes the same members, whatever order the ops arrived in:
 *
 * <ol>
 *   <li>The owner of the {@link DocumentGenesis} is always a member, with the genesis key.
 *   <li>For any other device, take the ops on it that {@code seen} covers and keep the maximal ones
 *       (an op is superseded by a later op on the same device whose change had seen it).
 *   <li>If any maximal op is a remove, the device is not a member: <b>remove wins</b> over a
 *       concurrent add. Revocation is a safety action, and an add racing it must not silently undo
 *       it; re-adding after having seen the removal works.
 *   <li>Otherwise, among concurrent adds the least privileged role wins, then the smaller key: an
 *       admin and a writer adding the same device concurrently get a writer.
 * </ol>
 *
 * <p>Who may do what (checked by {@link #authorise} at the change's own causal point): the owner
 * may add admins and writers and remove any non-owner; an admin may add and remove writers, and may
 * not touch a device that is an admin at that point (not even to make it a writer); a writer may
 * change no membership. Nobody may touch the owner. Because admins cannot remove admins, two admins
 * can never remove each other.
 */
public final class Membership {
  private record Recorded(Dot dot, VersionVector seen, MembershipOp op) {}

  private final DocumentGenesis genesis;
  private final List<Recorded> ops = new ArrayList<>();

  /** A membership with only the genesis owner. */
  public Membership(DocumentGenesis genesis) {
    Check.argument(genesis != null, "genesis must not be null");
    this.genesis = genesis;
  }

  /** The genesis this membership starts from. */
  public DocumentGenesis genesis() {
    return genesis;
  }

  /** Records {@code op}, made by the change {@code dot} that had seen {@code seen}. */
  void record(Dot dot, VersionVector seen, MembershipOp op) {
    ops.add(new Recorded(dot, seen, op));
  }

  /** Forgets every op of the change {@code dot} (the change was quarantined). */
  void forget(Dot dot) {
    ops.removeIf(r -> r.dot().equals(dot));
  }

  /** The member {@code id} at the causal point {@code seen}, if it is one. */
  public Optional<Member> memberAt(ReplicaId id, VersionVector seen) {
    if (id.equals(genesis.owner())) {
      return Optional.of(new Member(id, Role.OWNER, genesis.ownerKey()));
    }
    List<Recorded> maximal = maximalOpsOn(id, seen);
    Member best = null;
    for (Recorded r : maximal) {
      if (!(r.op() instanceof MembershipOp.Add add)) {
        return Optional.empty();
      }
      Member candidate = new Member(id, add.role(), add.key());
      if (best == null || lessPrivileged(candidate, best)) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean lessPrivileged(Member a, Member b) {
    int byRole = a.role().compareTo(b.role());
    return byRole < 0 || (byRole == 0 && a.key().compareTo(b.key()) < 0);
  }

  private List<Recorded> maximalOpsOn(ReplicaId id, VersionVector seen) {
    List<Recorded> visible = new ArrayList<>();
    for (Recorded r : ops) {
      if (r.op().target().equals(id) && seen.covers(r.dot())) {
        visible.add(r);
      }
    }
    List<Recorded> maximal = new ArrayList<>();
    for (Recorded r : visible) {
      boolean superseded = false;
      for (Recorded other : visible) {
        superseded |= !other.dot().equals(r.dot()) && other.seen().covers(r.dot());
      }
      if (!superseded) {
        maximal.add(r);
      }
    }
    return maximal;
  }

  /**
   * Why {@code author} (a member at {@code seen} with role {@code role}) may not make {@code op},
   * or empty if it may.
   */
  Optional<String> authorise(Member author, MembershipOp op, VersionVector seen) {
    if (op.target().equals(genesis.owner())) {
      return Optional.of("nobody may add, re-role or remove the owner " + genesis.owner());
    }
    return switch (author.role()) {
      case OWNER -> Optional.empty();
      case WRITER -> Optional.of("a writer may not change membership");
      case ADMIN -> authoriseAdmin(op, seen);
    };
  }

  private Optional<String> authoriseAdmin(MembershipOp op, VersionVector seen) {
    Optional<Member> target = memberAt(op.target(), seen);
    if (op instanceof MembershipOp.Add add && add.role() != Role.WRITER) {
      return Optional.of("an admin may add writers only, not " + add.role().wireName() + "s");
    }
    if (target.isPresent() && target.get().role() != Role.WRITER) {
      return Optional.of(
          "an admin may add or remove writers only; " + op.target() + " is " + target.get().role());
    }
    return Optional.empty();
  }
}
