package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.iblt.IbltCodec;
import dev.entente.impl.sync.iblt.IbltSession;
import dev.entente.impl.sync.merkle.MerkleCodec;
import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the Merkle and IBLT codecs, on frames real sessions send: decoding inverts encoding, and
 * every truncation or single-byte change is either rejected with a located {@link DecodeException}
 * or decodes to a frame that re-encodes to the same bytes and that a session takes without any
 * other exception.
 */
class MerkleIbltCodecProperties {
  private static final MerkleConfig CONFIG = new MerkleConfig(8, MerkleConfig.MIN_FRAME_LIMIT);

  @Property(tries = 100)
  void merkle_sessionFrames_roundTripAndEveryDamageHandledSafely(
      @ForAll long seed, @ForAll @IntRange(max = 60) int shared, @ForAll byte xor)
      throws DecodeException {
    for (byte[] frame : merkleFrames(seed, shared)) {
      assertThat(MerkleCodec.encode(MerkleCodec.decode(frame))).isEqualTo(frame);
      for (byte[] damaged : damages(frame, xor)) {
        merkleHandlesSafely(damaged, seed);
      }
    }
  }

  @Property(tries = 100)
  void iblt_sessionFrames_roundTripAndEveryDamageHandledSafely(
      @ForAll long seed, @ForAll @IntRange(max = 60) int shared, @ForAll byte xor)
      throws DecodeException {
    SyncSets sets = SyncSets.of(seed, shared, 3, 3, 1000);
    IbltSession a = IbltSession.initiator(ids(sets.a()), RbsrProperties.salt(seed));
    List<byte[]> frames = List.of(a.nextFrame(3), a.nextFrame(2));
    for (byte[] frame : frames) {
      assertThat(IbltCodec.encode(IbltCodec.decode(frame))).isEqualTo(frame);
      for (byte[] damaged : damages(frame, xor)) {
        IbltSession b = IbltSession.responder(ids(sets.b()));
        try {
          assertThat(IbltCodec.encode(IbltCodec.decode(damaged))).isEqualTo(damaged);
          b.receive(frames.get(0));
          b.receive(damaged);
        } catch (DecodeException e) {
          assertThat(e.offset()).isBetween(0, damaged.length);
          assertThat(e.field()).startsWith("frame");
        }
      }
    }
  }

  private static List<byte[]> merkleFrames(long seed, int shared) throws DecodeException {
    SyncSets sets = SyncSets.of(seed, shared, 4, 4, 100_000);
    MerkleSession a =
        MerkleSession.initiator(SyncItems.of(sets.a()), RbsrProperties.salt(seed), CONFIG);
    MerkleSession b = MerkleSession.responder(SyncItems.of(sets.b()), CONFIG);
    List<byte[]> out = new ArrayList<>(a.start());
    List<byte[]> replies = new ArrayList<>();
    for (byte[] f : out) {
      replies.addAll(b.receive(f));
    }
    out.addAll(replies);
    return out;
  }

  private static void merkleHandlesSafely(byte[] input, long seed) {
    try {
      assertThat(MerkleCodec.encode(MerkleCodec.decode(input))).isEqualTo(input);
      SyncSets sets = SyncSets.of(seed, 50, 0, 5, 100_000);
      MerkleSession b = MerkleSession.responder(SyncItems.of(sets.b()), CONFIG);
      b.receive(input);
    } catch (DecodeException e) {
      // A typed rejection, located: damaged bytes, or a frame before the session salt.
      assertThat(e.offset()).isBetween(0, input.length);
      assertThat(e.field()).startsWith("frame");
    }
  }

  /** Every truncation and every single-byte change by {@code xor} of {@code frame}. */
  private static List<byte[]> damages(byte[] frame, byte xor) {
    List<byte[]> out = new ArrayList<>();
    byte mask = xor == 0 ? 1 : xor;
    for (int i = 0; i < frame.length; i++) {
      out.add(Arrays.copyOf(frame, i));
      byte[] changed = frame.clone();
      changed[i] ^= mask;
      out.add(changed);
    }
    return out;
  }

  private static List<SyncId> ids(List<SyncItems.Item> items) {
    List<SyncId> out = new ArrayList<>();
    items.forEach(i -> out.add(i.id()));
    return out;
  }
}
