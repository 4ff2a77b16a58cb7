package dev.entente.impl.sync.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Merkle sync codec's layout and its typed rejections. */
class MerkleCodecTest {
  private static final byte[] SALT = new byte[16];

  private static MerkleFrame frame() {
    List<Entry.Child> children = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      children.add(
          i == 3
              ? new Entry.Child(Entry.State.FINGERPRINT, new byte[16])
              : new Entry.Child(Entry.State.EMPTY, new byte[0]));
    }
    Node node = new Node(7, 0x18B);
    Entry ids = Entry.tags(node.child(2), Entry.Kind.IDS, List.of(Tag.of(new byte[8])));
    return new MerkleFrame(SALT, List.of(Entry.split(node, children), ids));
  }

  private static DecodeException rejection(byte[] bytes) {
    try {
      MerkleCodec.decode(bytes);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("accepted " + Arrays.toString(bytes));
  }

  @Test
  void decode_encoded_roundTrips() throws DecodeException {
    byte[] bytes = MerkleCodec.encode(frame());
    assertThat(MerkleCodec.decode(bytes)).isEqualTo(frame());
  }

  @Test
  void encode_splitWithOneFingerprint_isTwentyThreeBytesOfEntry() {
    // header, prefix 0x18B (2 varint bytes), 4 state bytes, one fingerprint
    assertThat(MerkleCodec.encodeEntry(frame().entries().get(0))).hasSize(1 + 2 + 4 + 16);
  }

  @Test
  void decode_unknownKind_rejectedAtTheHeader() {
    byte[] bytes = {1, 0, 3, 0};
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("frame.entries[0].header");
    assertThat(e.offset()).isEqualTo(2);
  }

  @Test
  void decode_prefixBeyondTheDepth_rejected() {
    byte[] bytes = {1, 0, 1 << 2 | 1, 4, 0};
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("frame.entries[0].prefix");
    assertThat(e.offset()).isEqualTo(3);
  }

  @Test
  void decode_leafSplit_rejected() {
    byte[] bytes = {1, 0, (byte) (16 << 2), 0, 0, 0, 0, 0};
    assertThat(rejection(bytes).reason()).contains("leaf");
  }

  @Test
  void decode_stateThree_rejectedAtTheStates() {
    byte[] bytes = {1, 0, 1 << 2, 0, 3, 0, 0, 0};
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("frame.entries[0].states");
    assertThat(e.offset()).isEqualTo(4);
  }

  @Test
  void decode_rootChildBeyondTheRange_rejected() {
    byte[] bytes = {1, 0, 0, 0, 0, 1, 0, 0}; // child 4 of the root has state 1
    assertThat(rejection(bytes).reason()).contains("child 4");
  }

  @Test
  void decode_noEntries_rejected() {
    assertThat(rejection(new byte[] {1, 0}).field()).isEqualTo("frame.entries");
  }

  @Test
  void decode_tagsOutOfOrder_rejectedAtTheSecond() {
    byte[] bytes = new byte[2 + 2 + 1 + 16];
    bytes[0] = 1;
    bytes[2] = 1 << 2 | 1;
    bytes[4] = 2;
    bytes[5] = 9;
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("frame.entries[0].tags[1]");
    assertThat(e.offset()).isEqualTo(13);
  }

  @Test
  void decode_truncatedSalt_rejected() {
    assertThat(rejection(new byte[] {1, 1, 0}).field()).isEqualTo("frame.salt");
  }
}
