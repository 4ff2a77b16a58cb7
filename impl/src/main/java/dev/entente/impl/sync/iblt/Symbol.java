package dev.entente.impl.sync.iblt;

import dev.entente.model.Check;
import java.util.Arrays;

/**
 * One coded symbol on the wire. Immutable.
 *
 * @param sum the XOR of the 32-byte ids mapped to it
 * @param check the XOR of their 8-byte salted checksums
 * @param count how many ids are mapped to it (negative in a difference)
 */
public record Symbol(byte[] sum, long check, long count) {
  /** Checks and copies. */
  public Symbol {
    Check.argument(sum.length == 32, "a symbol's sum has 32 bytes");
    sum = sum.clone();
  }

  @Override
  public byte[] sum() {
    return sum.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Symbol s
        && check == s.check
        && count == s.count
        && Arrays.equals(sum, s.sum);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sum) * 31 + Long.hashCode(check ^ count);
  }
}
