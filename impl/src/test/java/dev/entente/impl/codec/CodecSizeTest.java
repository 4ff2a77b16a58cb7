package dev.entente.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures encoded sizes and pins them to what the version-1 layout predicts, so that a format
 * change shows up here as well as in the golden files.
 */
class CodecSizeTest {
  private static final int CHANGE_HEADER = 4 + 1; // magic, version
  private static final int TIMESTAMP = 8 + 2; // wallMillis, logical
  private static final int SEQ = 8;
  private static final int COUNT = 4; // seen.count, ops.count, changes.count
  private static final int CHECKSUM = 4;
  private static final int STATE_HEADER = 4 + 1 + 1; // magic, version, policy
  private static final int CHANGE_LENGTH_PREFIX = 4;

  @Test
  void encode_onePutChange_hasPredictedSize() {
    Change change =
        new Change(
            ReplicaId.of("A"),
            1,
            HlcTimestamp.ZERO,
            VersionVector.EMPTY,
            List.of(Op.put("k", "v")));
    int predicted = singlePutSize(1, 0, 1, 1);

    int size = ChangeCodec.encode(change).length;
    System.out.printf(Locale.ROOT, "encoded size: one-put change = %d bytes%n", size);

    assertThat(predicted).isEqualTo(46);
    assertThat(size).isEqualTo(predicted);
  }

  @Test
  void encode_stateOf10000Keys_hasPredictedSize() {
    // 10,000 single-put changes round-robin from replicas A..D (2,500 each); every change but an
    // author's first carries one seen entry, the author's own (seq - 1).
    List<Change> changes = new ArrayList<>();
    String[] authors = {"A", "B", "C", "D"};
    for (int i = 0; i < 10_000; i++) {
      String key = String.format(Locale.ROOT, "key-%05d", i);
      String value = String.format(Locale.ROOT, "val%05d", i);
      changes.add(
          new Change(
              ReplicaId.of(authors[i % 4]),
              i / 4 + 1,
              new HlcTimestamp(1_700_000_000_000L + i, 0),
              VersionVector.EMPTY,
              List.of(Op.put(key, value))));
    }
    ReplicaState state = ReplicaState.of(RegisterPolicy.LWW, changes);
    long firstChanges = 4L * (CHANGE_LENGTH_PREFIX + singlePutSize(1, 0, 9, 8));
    long laterChanges = 9_996L * (CHANGE_LENGTH_PREFIX + singlePutSize(1, 1, 9, 8));
    long predicted = STATE_HEADER + COUNT + firstChanges + laterChanges + CHECKSUM;

    int size = ReplicaStateCodec.encode(state).length;
    System.out.printf(Locale.ROOT, "encoded size: state of 10,000 keys = %d bytes%n", size);

    assertThat(predicted).isEqualTo(749_974);
    assertThat(size).isEqualTo(predicted);
  }

  /**
   * The size of a change with one put, an author of {@code authorBytes} and {@code seenEntries}
   * seen entries whose replica ids are as long as the author's.
   */
  private static int singlePutSize(int authorBytes, int seenEntries, int keyBytes, int valueBytes) {
    int author = 1 + authorBytes;
    int seen = COUNT + seenEntries * (1 + authorBytes + 8);
    int put = 1 + (2 + keyBytes) + (4 + valueBytes);
    return CHANGE_HEADER + author + SEQ + TIMESTAMP + seen + COUNT + put + CHECKSUM;
  }
}
