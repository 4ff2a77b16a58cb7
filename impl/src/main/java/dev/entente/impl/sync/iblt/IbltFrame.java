package dev.entente.impl.sync.iblt;

import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.model.Check;
import java.util.Arrays;
import java.util.List;

/**
 * One IBLT sync message. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#SYMBOLS} (initiator to responder): the coded symbols {@code firstIndex ..
 *       firstIndex + symbols.size() - 1}, the first frame with the 16-byte session salt;
 *   <li>{@link Kind#DONE} (responder to initiator): decoded, stop streaming; the tags of the
 *       initiator's ids the responder lacks.
 * </ul>
 *
 * @param kind what the frame is
 * @param salt 16 bytes in the first symbols frame, else empty
 * @param firstIndex the index of the first symbol (symbols only)
 * @param symbols at least one (symbols only)
 * @param tags strictly increasing (done only)
 */
public record IbltFrame(
    Kind kind, byte[] salt, long firstIndex, List<Symbol> symbols, List<Tag> tags) {
  /** The frame kinds; the wire code is the ordinal. */
  public enum Kind {
    SYMBOLS,
    DONE
  }

  /** Checks the shape and copies. */
  public IbltFrame {
    salt = salt.clone();
    symbols = List.copyOf(symbols);
    tags = List.copyOf(tags);
    if (kind == Kind.SYMBOLS) {
      Check.argument(salt.length == 0 || salt.length == Fingerprints.SALT_BYTES, "bad salt");
      Check.argument(!symbols.isEmpty() && tags.isEmpty() && firstIndex >= 0, "bad symbols");
      Check.argument(salt.length == 0 || firstIndex == 0, "only the first frame has the salt");
    } else {
      Check.argument(salt.length == 0 && symbols.isEmpty() && firstIndex == 0, "bad done");
      for (int i = 1; i < tags.size(); i++) {
        Check.argument(tags.get(i - 1).compareTo(tags.get(i)) < 0, "tags must strictly increase");
      }
    }
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IbltFrame f
        && kind == f.kind
        && firstIndex == f.firstIndex
        && Arrays.equals(salt, f.salt)
        && symbols.equals(f.symbols)
        && tags.equals(f.tags);
  }

  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + symbols.hashCode()) * 31 + tags.hashCode();
  }
}
