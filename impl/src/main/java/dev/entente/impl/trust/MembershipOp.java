package dev.entente.impl.trust;

import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A membership change carried as an ordinary op on a reserved key, so that it is signed,
 * hash-linked, replicated and ordered exactly like data: {@code put("entente/member/<id>", "<role>
 * <64 hex key>")} adds (or re-roles) device {@code <id>} with that key; {@code
 * delete("entente/member/<id>")} removes it. Roles on the wire are {@code admin} and {@code
 * writer}. Any op on a key under {@link #PREFIX} is a membership op and must parse and be
 * authorised.
 */
public sealed interface MembershipOp permits MembershipOp.Add, MembershipOp.Remove {
  /** The reserved key prefix. */
  String PREFIX = "entente/member/";

  /** The device the op is about. */
  ReplicaId target();

  /** Adds {@code target} with {@code role} and {@code key}; role is never OWNER. */
  record Add(ReplicaId target, Role role, DevicePublicKey key) implements MembershipOp {
    /** Validates the parts. */
    public Add {
      Check.argument(target != null && role != null && key != null, "add parts must be non-null");
      Check.argument(role != Role.OWNER, "nobody can be added as owner");
    }
  }

  /** Removes {@code target}. */
  record Remove(ReplicaId target) implements MembershipOp {
    /** Validates the target. */
    public Remove {
      Check.argument(target != null, "remove target must not be null");
    }
  }

  /** The op that writes this membership op. */
  static Op toOp(MembershipOp op) {
    Key key = Key.of(PREFIX + op.target().value());
    if (op instanceof Add add) {
      return new Op.Put(key, Value.of(add.role().wireName() + " " + add.key().toHex()));
    }
    return new Op.Delete(key);
  }

  /** True if {@code op} is on the reserved membership keys. */
  static boolean isMembershipKey(Op op) {
    return op.key().value().startsWith(PREFIX);
  }

  /**
   * Parses a membership op, or empty if {@code op} is not on a membership key.
   *
   * @throws IllegalArgumentException naming what is wrong if it is on a membership key but does not
   *     parse
   */
  static Optional<MembershipOp> parse(Op op) {
    if (!isMembershipKey(op)) {
      return Optional.empty();
    }
    ReplicaId target = ReplicaId.of(op.key().value().substring(PREFIX.length()));
    if (!(op instanceof Op.Put put)) {
      return Optional.of(new Remove(target));
    }
    String text = put.value().value();
    int space = text.indexOf(' ');
    Check.argument(space > 0, "membership value must be \"<role> <hex key>\", was \"%s\"", text);
    Role role = parseRole(text.substring(0, space));
    if (role == null) {
      throw new IllegalArgumentException(
          "membership role must be admin or writer, was \"" + text.substring(0, space) + "\"");
    }
    return Optional.of(new Add(target, role, DevicePublicKey.fromHex(text.substring(space + 1))));
  }

  private static @Nullable Role parseRole(String name) {
    if (name.equals(Role.ADMIN.wireName())) {
      return Role.ADMIN;
    }
    return name.equals(Role.WRITER.wireName()) ? Role.WRITER : null;
  }
}
