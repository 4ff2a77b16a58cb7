package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DevicePublicKey;
import dev.entente.impl.trust.Ed25519;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member's signed statement "at my {@code counter}-th statement, my heads were {@code heads}":
 * the freshness token members exchange, directly when they meet or through the relay. A client that
 * holds a head it cannot complete from the relay within its patience knows the relay hid something
 * (fork consistency, as in SUNDR). Counters increase per author, so a replayed older head is
 * recognised as stale. Immutable.
 *
 * @param author the member that signed
 * @param counter the author's statement number, from 1
 * @param heads the author's heads, sorted
 * @param signature Ed25519 over {@link #signingInput}
 */
public record SignedHead(ReplicaId author, long counter, List<Hash32> heads, byte[] signature) {
  private static final byte[] TAG = "entente/signed-head/v1".getBytes(StandardCharsets.US_ASCII);

  /** Validates and copies. */
  public SignedHead {
    Check.argument(author != null && heads != null && signature != null, "null head part");
    Check.argument(counter >= 1, "a head counter starts at 1, was %d", counter);
    heads = List.copyOf(heads);
    signature = signature.clone();
  }

  /**
   * Signs {@code heads} as {@code author}'s {@code counter}-th statement about {@code document}.
   */
  public static SignedHead sign(
      Hash32 document, ReplicaId author, long counter, List<Hash32> heads, DeviceKeyPair keys) {
    byte[] input = signingInput(document, author, counter, heads);
    return new SignedHead(author, counter, heads, keys.sign(input));
  }

  /** True if the signature verifies under {@code key} for {@code document}. */
  public boolean verifies(Hash32 document, DevicePublicKey key) {
    return Ed25519.verify(key, signingInput(document, author, counter, heads), signature);
  }

  /** The signed bytes: a domain tag, the document, the author, the counter and the heads. */
  static byte[] signingInput(Hash32 document, ReplicaId author, long counter, List<Hash32> heads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(TAG);
    out.writeBytes(document.bytes());
    out.writeBytes(body(author, counter, heads));
    return out.toByteArray();
  }

  /** The wire form: author, counter, heads, signature. */
  public byte[] encode() {
    byte[] body = body(author, counter, heads);
    return ByteBuffer.allocate(body.length + signature.length).put(body).put(signature).array();
  }

  /** Decodes a head, or empty if the bytes are not one. */
  public static Optional<SignedHead> decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte[] id = new byte[in.get() & 0xff];
      in.get(id);
      long counter = in.getLong();
      int n = in.getShort() & 0xffff;
      List<Hash32> heads = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] h = new byte[Hash32.LENGTH];
        in.get(h);
        heads.add(Hash32.of(h));
      }
      byte[] signature = new byte[64];
      in.get(signature);
      if (in.hasRemaining()) {
        return Optional.empty();
      }
      return Optional.of(
          new SignedHead(
              ReplicaId.of(new String(id, StandardCharsets.US_ASCII)), counter, heads, signature));
    } catch (RuntimeException bad) {
      // Any malformed head (short, bad id, bad counter) is simply not a head.
      return Optional.empty();
    }
  }

  private static byte[] body(ReplicaId author, long counter, List<Hash32> heads) {
    byte[] id = author.value().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(1 + id.length + 8 + 2 + heads.size() * Hash32.LENGTH);
    b.put((byte) id.length).put(id).putLong(counter).putShort((short) heads.size());
    heads.forEach(h -> b.put(h.bytes()));
    return b.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedHead h
        && author.equals(h.author)
        && counter == h.counter
        && heads.equals(h.heads)
        && java.util.Arrays.equals(signature, h.signature);
  }

  @Override
  public int hashCode() {
    return author.hashCode() * 31 + Long.hashCode(counter) * 17 + heads.hashCode();
  }

  @Override
  public String toString() {
    return "SignedHead[" + author + " #" + counter + " heads=" + heads.size() + "]";
  }
}
