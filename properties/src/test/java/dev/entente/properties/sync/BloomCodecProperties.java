package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.bloom.BloomCodec;
import dev.entente.impl.sync.bloom.BloomFilter;
import dev.entente.impl.sync.bloom.BloomMessage;
import dev.entente.impl.sync.bloom.BloomSession;
import dev.entente.impl.sync.bloom.Change;
import dev.entente.impl.sync.bloom.ChangeStore;
import dev.entente.impl.sync.bloom.Have;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of {@link BloomCodec}: decoding inverts encoding for every message, and every truncation or
 * single-byte change of a message is either rejected with a located {@link DecodeException} or
 * decodes to a message that re-encodes to the same bytes and that a session answers without any
 * other exception.
 */
class BloomCodecProperties {
  @Property(tries = 300)
  void decode_encodedMessage_roundTrips(@ForAll long seed, @ForAll @IntRange(max = 20) int size)
      throws DecodeException {
    BloomMessage m = message(new SplittableRandom(seed), size);
    byte[] bytes = BloomCodec.encode(m);

    assertThat(BloomCodec.decode(bytes)).isEqualTo(m);
    assertThat(BloomCodec.encode(BloomCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 80)
  void decode_everyTruncation_rejectsOrIsHandledSafely(
      @ForAll long seed, @ForAll @IntRange(max = 6) int size) {
    byte[] bytes = BloomCodec.encode(message(new SplittableRandom(seed), size));
    for (int length = 0; length < bytes.length; length++) {
      handledSafely(Arrays.copyOf(bytes, length), seed);
    }
  }

  @Property(tries = 40)
  void decode_everySingleByteChange_rejectsOrIsHandledSafely(
      @ForAll long seed, @ForAll @IntRange(max = 4) int size, @ForAll byte xor) {
    byte[] bytes = BloomCodec.encode(message(new SplittableRandom(seed), size));
    byte mask = xor == 0 ? 1 : xor;
    for (int at = 0; at < bytes.length; at++) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= mask;
      handledSafely(damaged, seed);
    }
  }

  private static void handledSafely(byte[] input, long seed) {
    BloomMessage decoded;
    try {
      decoded = BloomCodec.decode(input);
    } catch (DecodeException e) {
      assertThat(e.offset()).isBetween(0, input.length);
      assertThat(e.field()).startsWith("message");
      return;
    }
    assertThat(BloomCodec.encode(decoded)).isEqualTo(input);
    ChangeDags dags = ChangeDags.of(seed, 30, 0, 3);
    BloomSession side = new BloomSession(ChangeStore.of(dags.b()), List.of(), new byte[0]);
    try {
      side.receive(input).ifPresent(reply -> decodeOrFail(reply));
    } catch (DecodeException e) {
      throw new AssertionError("decoded once, rejected by the session: " + e, e);
    }
  }

  private static void decodeOrFail(byte[] reply) {
    try {
      BloomCodec.decode(reply);
    } catch (DecodeException e) {
      throw new AssertionError("a session sent a malformed reply: " + e, e);
    }
  }

  /** A message of a random history of {@code size} changes, with every part filled at random. */
  static BloomMessage message(SplittableRandom random, int size) {
    List<Change> history = ChangeDags.of(random.nextLong(), size, 0, 0).a();
    List<SyncId> ids = new ArrayList<>();
    history.forEach(c -> ids.add(c.id()));
    Optional<Have> have = Optional.empty();
    if (random.nextBoolean()) {
      byte[] salt = new byte[random.nextBoolean() ? 16 : 0];
      random.nextBytes(salt);
      List<SyncId> lastSync =
          ids.isEmpty() ? List.of() : List.of(ids.get(random.nextInt(ids.size())));
      have = Optional.of(new Have(lastSync, BloomFilter.of(ids, salt)));
    }
    List<SyncId> heads = ids.subList(0, random.nextInt(ids.size() + 1));
    List<SyncId> need = ids.subList(random.nextInt(ids.size() + 1), ids.size());
    return new BloomMessage(heads, need, have, random.nextBoolean() ? history : List.of());
  }
}
