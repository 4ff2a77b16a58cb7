package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Bound;
import dev.entente.impl.sync.rbsr.Frame;
import dev.entente.impl.sync.rbsr.Mode;
import dev.entente.impl.sync.rbsr.Range;
import dev.entente.impl.sync.rbsr.RbsrCodec;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.impl.sync.rbsr.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of {@link RbsrCodec}: decoding inverts encoding for every canonical frame, and every
 * truncation or single-byte change of a frame is either rejected with a {@link DecodeException} or
 * decodes to a frame that re-encodes to the same bytes and that a session answers without any other
 * exception.
 */
class RbsrCodecProperties {
  private static final int MAX_TAGS = RbsrConfig.DEFAULT.idListThreshold();

  @Property(tries = 500)
  void decode_encodedFrame_roundTrips(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n)
      throws DecodeException {
    Frame frame = frame(new SplittableRandom(seed), n);
    byte[] bytes = RbsrCodec.encode(frame);

    assertThat(RbsrCodec.decode(bytes, MAX_TAGS)).isEqualTo(frame);
    assertThat(RbsrCodec.encode(RbsrCodec.decode(bytes, MAX_TAGS))).isEqualTo(bytes);
  }

  @Property(tries = 100)
  void decode_everyTruncation_rejectsOrIsHandledSafely(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
    byte[] bytes = RbsrCodec.encode(frame(new SplittableRandom(seed), n));
    for (int length = 0; length < bytes.length; length++) {
      handledSafely(Arrays.copyOf(bytes, length), seed);
    }
  }

  @Property(tries = 60)
  void decode_everySingleByteChange_rejectsOrIsHandledSafely(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n, @ForAll byte xor) {
    byte[] bytes = RbsrCodec.encode(frame(new SplittableRandom(seed), n));
    byte mask = xor == 0 ? 1 : xor;
    for (int at = 0; at < bytes.length; at++) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= mask;
      handledSafely(damaged, seed);
    }
  }

  /** Rejected with a located error, or canonical and answered by a session that has the salt. */
  private static void handledSafely(byte[] input, long seed) {
    Frame decoded;
    try {
      decoded = RbsrCodec.decode(input, MAX_TAGS);
    } catch (DecodeException e) {
      assertThat(e.offset()).isBetween(0, input.length);
      assertThat(e.field()).startsWith("frame");
      return;
    }
    assertThat(RbsrCodec.encode(decoded)).isEqualTo(input);
    SyncSets sets = SyncSets.of(seed, 100, 0, 5, 1000);
    RbsrSession responder = RbsrSession.responder(SyncItems.of(sets.b()), RbsrConfig.DEFAULT);
    try {
      responder.receive(RbsrCodec.encode(new Frame(RbsrProperties.salt(seed), decoded.ranges())));
      for (byte[] reply : responder.receive(input)) {
        RbsrCodec.decode(reply, MAX_TAGS);
      }
    } catch (DecodeException e) {
      // A salt other than the session's, or none before it: a typed rejection is safe.
      assertThat(e.field()).startsWith("frame.");
    }
  }

  /** A canonical frame of {@code n} ranges with increasing bounds and a mix of every mode. */
  static Frame frame(SplittableRandom random, int n) {
    List<Range> ranges = new ArrayList<>();
    long ts = random.nextLong(1000);
    for (int i = 0; i < n; i++) {
      ts += 1 + random.nextLong(random.nextBoolean() ? 100 : 1L << 40);
      boolean last = i == n - 1;
      Bound upper = last && random.nextBoolean() ? Bound.INFINITY : Bound.of(ts, prefix(random));
      Mode mode = Mode.values()[random.nextInt(4)];
      boolean skipAllowed = !last && (ranges.isEmpty() || ranges.get(i - 1).mode() != Mode.SKIP);
      if (mode == Mode.SKIP && !skipAllowed) {
        mode = Mode.FINGERPRINT;
      }
      ranges.add(range(random, upper, mode));
    }
    byte[] salt = new byte[random.nextBoolean() ? 16 : 0];
    random.nextBytes(salt);
    return new Frame(salt, ranges);
  }

  private static byte[] prefix(SplittableRandom random) {
    byte[] prefix = new byte[random.nextInt(5)];
    random.nextBytes(prefix);
    if (prefix.length > 0 && prefix[prefix.length - 1] == 0) {
      prefix[prefix.length - 1] = 1;
    }
    return prefix;
  }

  private static Range range(SplittableRandom random, Bound upper, Mode mode) {
    byte[] fingerprint = new byte[mode == Mode.FINGERPRINT ? 16 : 0];
    random.nextBytes(fingerprint);
    TreeSet<Tag> tags = new TreeSet<>();
    if (mode == Mode.ID_LIST || mode == Mode.NEED) {
      int count = random.nextInt(MAX_TAGS);
      for (int i = 0; i < count; i++) {
        byte[] t = new byte[Tag.BYTES];
        random.nextBytes(t);
        tags.add(Tag.of(t));
      }
    }
    return new Range(upper, mode, fingerprint, new ArrayList<>(tags));
  }
}
