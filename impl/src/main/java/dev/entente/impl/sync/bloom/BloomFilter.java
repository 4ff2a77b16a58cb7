package dev.entente.impl.sync.bloom;

import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Check;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A Bloom filter over change ids with Automerge's parameters: {@value #BITS_PER_ENTRY} bits per
 * entry, {@value #PROBES} probes, so about 0.82% false positives for ids nobody chose. Immutable.
 *
 * <p>Probe positions come from three 32-bit little-endian words {@code x, y, z} of a 32-byte
 * source, taken modulo the filter's bit count, by enhanced double hashing: the first probe is
 * {@code x}, then {@code x += y; y += z} before each further one. Unkeyed (as Automerge ships it)
 * the source is the change id itself: since the id is a hash of a change its author can vary,
 * anyone who knows the filter can try nonces until every probe of an id lands on a set bit, about
 * 2^7 tries for a half-full filter, and so make the id a false positive on purpose. Keyed, the
 * source is {@code SHA-256(salt || id)} under a 16-byte salt drawn for each filter and sent with
 * it: the positions are unknown until the filter is built, so ids mined in advance are false
 * positives at the honest rate only.
 */
public final class BloomFilter {
  /** Bits per entry, as Automerge. */
  public static final int BITS_PER_ENTRY = 10;

  /** Probes per id, as Automerge. */
  public static final int PROBES = 7;

  /** Length of a keyed filter's salt. */
  public static final int SALT_BYTES = 16;

  private final int entries;
  private final byte[] bits;
  private final byte[] salt;

  private BloomFilter(int entries, byte[] bits, byte[] salt) {
    this.entries = entries;
    this.bits = bits;
    this.salt = salt;
  }

  /** The filter of {@code ids}, keyed when {@code salt} has 16 bytes, unkeyed when it is empty. */
  public static BloomFilter of(Collection<SyncId> ids, byte[] salt) {
    checkSalt(salt);
    BloomFilter f = new BloomFilter(ids.size(), new byte[byteLength(ids.size())], salt.clone());
    for (SyncId id : ids) {
      for (int p : f.probes(id)) {
        f.bits[p >>> 3] |= (byte) (1 << (p & 7));
      }
    }
    return f;
  }

  /** A filter from the wire; the codec has checked the length and the unused bits. */
  static BloomFilter fromWire(int entries, byte[] bits, byte[] salt) {
    checkSalt(salt);
    Check.argument(bits.length == byteLength(entries), "bit array length does not match entries");
    return new BloomFilter(entries, bits.clone(), salt.clone());
  }

  /** The bytes a filter of {@code entries} entries occupies. */
  public static int byteLength(int entries) {
    return (int) (((long) entries * BITS_PER_ENTRY + 7) / 8);
  }

  /** Whether the filter claims {@code id}: true for every member, and for some others. */
  public boolean mightContain(SyncId id) {
    if (entries == 0) {
      return false;
    }
    for (int p : probes(id)) {
      if ((bits[p >>> 3] & (1 << (p & 7))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The bit positions {@code id} probes. */
  int[] probes(SyncId id) {
    byte[] source = salt.length == 0 ? id.bytes() : keyed(id);
    long m = (long) bits.length * 8;
    long x = Integer.toUnsignedLong(word(source, 0)) % m;
    long y = Integer.toUnsignedLong(word(source, 4)) % m;
    long z = Integer.toUnsignedLong(word(source, 8)) % m;
    int[] out = new int[PROBES];
    out[0] = (int) x;
    for (int i = 1; i < PROBES; i++) {
      x = (x + y) % m;
      y = (y + z) % m;
      out[i] = (int) x;
    }
    return out;
  }

  public int entries() {
    return entries;
  }

  public boolean isKeyed() {
    return salt.length > 0;
  }

  /** A copy of the bit array. */
  public byte[] bits() {
    return bits.clone();
  }

  /** A copy of the salt; empty when unkeyed. */
  public byte[] salt() {
    return salt.clone();
  }

  private byte[] keyed(SyncId id) {
    MessageDigest sha = Change.sha256();
    sha.update(salt);
    return sha.digest(id.bytes());
  }

  private static int word(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  private static void checkSalt(byte[] salt) {
    Check.argument(
        salt.length == 0 || salt.length == SALT_BYTES, "a filter salt has 0 or 16 bytes");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BloomFilter f
        && entries == f.entries
        && Arrays.equals(bits, f.bits)
        && Arrays.equals(salt, f.salt);
  }

  @Override
  public int hashCode() {
    return entries * 31 + Arrays.hashCode(bits);
  }

  /** Hides the salt: a session secret. */
  @Override
  public String toString() {
    return "BloomFilter[entries="
        + entries
        + ", keyed="
        + isKeyed()
        + ", bits="
        + HexFormat.of().formatHex(bits, 0, Math.min(4, bits.length))
        + "..]";
  }
}
