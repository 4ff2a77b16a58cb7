package dev.entente.impl.codec;

import static dev.entente.impl.codec.EncodingEdits.flipped;
import static dev.entente.impl.codec.EncodingEdits.prefix;
import static dev.entente.impl.codec.EncodingEdits.resealed;
import static dev.entente.impl.codec.EncodingEdits.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Examples for {@link ReplicaStateCodec}. Offsets in the malformed-input tests refer to a state of
 * one-put changes (46 bytes each): magic 0-3, version 4, policy 5, changes.count 6-9, then
 * changes[i].length at 10 + 50i and the change at 14 + 50i, and the checksum last.
 */
class ReplicaStateCodecTest {
  private static final int FIRST_CHANGE = 14;
  private static final int ENTRY = 4 + 46;

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void decode_encodedState_roundTrips(RegisterPolicy policy) throws DecodeException {
    ReplicaState state = new ReplicaState(policy, GoldenFiles.stateLww3Changes().changes());

    assertThat(ReplicaStateCodec.decode(ReplicaStateCodec.encode(state))).isEqualTo(state);
  }

  @Test
  void encode_emptyState_isHeaderCountAndChecksum() throws DecodeException {
    ReplicaState empty = new ReplicaState(RegisterPolicy.MV, List.of());
    byte[] bytes = ReplicaStateCodec.encode(empty);

    assertThat(bytes).hasSize(14).startsWith(0x45, 0x4e, 0x54, 0x53, 1, 2, 0, 0, 0, 0);
    assertThat(ReplicaStateCodec.decode(bytes)).isEqualTo(empty);
  }

  @Test
  void encode_sameChangesInAnyOrder_givesEqualBytes() {
    List<Change> changes = GoldenFiles.stateLww3Changes().changes();
    List<Change> reversed = new ArrayList<>(changes);
    Collections.reverse(reversed);
    List<Change> duplicated = new ArrayList<>(changes);
    duplicated.addAll(changes);

    byte[] expected = ReplicaStateCodec.encode(GoldenFiles.stateLww3Changes());
    assertThat(ReplicaStateCodec.encode(ReplicaState.of(RegisterPolicy.LWW, reversed)))
        .isEqualTo(expected);
    assertThat(ReplicaStateCodec.encode(ReplicaState.of(RegisterPolicy.LWW, duplicated)))
        .isEqualTo(expected);
  }

  @Test
  void encode_goldenValue_matchesGoldenFiles() throws DecodeException {
    // Golden files pin format version 1. If this fails, the format changed: bump the version
    // byte and add new golden files; never regenerate these.
    String name = GoldenFiles.STATE_LWW_3_CHANGES;
    ReplicaState value = GoldenFiles.stateLww3Changes();
    byte[] golden = GoldenFiles.read(name, "bin");
    String hex = new String(GoldenFiles.read(name, "hex"), StandardCharsets.US_ASCII);
    String sha = new String(GoldenFiles.read(name, "sha256"), StandardCharsets.US_ASCII);

    assertThat(ReplicaStateCodec.encode(value)).isEqualTo(golden);
    assertThat(ReplicaStateCodec.decode(golden)).isEqualTo(value);
    assertThat(hex).isEqualTo(GoldenFiles.hexLines(golden));
    assertThat(sha).isEqualTo(GoldenFiles.sha256Hex(golden) + "  " + name + ".bin\n");
  }

  @Test
  void decode_aChangeEncoding_rejectsMagic() {
    assertThat(decodeFailure(ChangeCodec.encode(GoldenFiles.changeOnePut())))
        .hasMessage("at byte 0 (state.magic): bad magic: expected 45 4e 54 53, was 45 4e 54 43");
  }

  @Test
  void decode_unknownVersion_rejects() {
    assertThat(decodeFailure(resealed(with(twoPuts(), 4, 1, 0))))
        .hasMessage("at byte 4 (state.version): unsupported format version 0, expected 1");
  }

  @Test
  void decode_unknownPolicy_rejects() {
    assertThat(decodeFailure(resealed(with(twoPuts(), 5, 1, 9))))
        .hasMessage("at byte 5 (state.policy): unknown policy tag 9 (1 LWW, 2 MV, 3 CAUSAL_GROUP)");
  }

  @Test
  void decode_tooShort_rejectsTruncation() {
    assertThat(decodeFailure(prefix(twoPuts(), 13)))
        .hasMessage("at byte 13 (state): truncated: 13 bytes, the smallest encoding has 14");
  }

  @Test
  void decode_flippedBit_rejectsChecksum() {
    byte[] bytes = twoPuts();
    DecodeException e = decodeFailure(flipped(bytes, 8 * 20 + 3));

    assertThat(e.offset()).isEqualTo(bytes.length - 4);
    assertThat(e.field()).isEqualTo("state.checksum");
  }

  @Test
  void decode_hugeChangeCount_rejectsBeforeAllocating() {
    assertThat(decodeFailure(resealed(with(twoPuts(), 6, 4, 1_000_000))))
        .hasMessage(
            "at byte 6 (state.changes.count): count 1000000 needs at least 45000000 bytes,"
                + " 100 remain");
  }

  @Test
  void decode_changeLengthPastEnd_rejects() {
    assertThat(decodeFailure(resealed(with(twoPuts(), 10, 4, 0x7FFF_FFFFL))))
        .hasMessage(
            "at byte 10 (state.changes[0].length): length 2147483647 exceeds the 96 bytes that"
                + " remain");
  }

  @Test
  void decode_changesOutOfOrder_rejectsAtSecondChange() {
    byte[] bytes = twoPuts();
    byte[] swapped = bytes.clone();
    System.arraycopy(bytes, FIRST_CHANGE + ENTRY, swapped, FIRST_CHANGE, 46);
    System.arraycopy(bytes, FIRST_CHANGE, swapped, FIRST_CHANGE + ENTRY, 46);

    assertThat(decodeFailure(resealed(swapped)))
        .hasMessage(
            "at byte 64 (state.changes[1]): dot A:1 is not after B:1: changes must be strictly"
                + " increasing by dot");
  }

  @Test
  void decode_duplicateChange_rejects() {
    byte[] bytes = twoPuts();
    byte[] duplicated = bytes.clone();
    System.arraycopy(bytes, FIRST_CHANGE, duplicated, FIRST_CHANGE + ENTRY, 46);

    assertThat(decodeFailure(resealed(duplicated)).reason())
        .isEqualTo("dot A:1 is not after A:1: changes must be strictly increasing by dot");
  }

  @Test
  void decode_badEmbeddedChange_reportsAbsoluteOffsetAndNestedField() {
    // Key byte of changes[1] at 64 + 36; reseal the change, then the state.
    int keyAt = FIRST_CHANGE + ENTRY + 36;
    byte[] bytes = with(twoPuts(), keyAt, 1, 0xC0);
    bytes = resealed(bytes, FIRST_CHANGE + ENTRY, FIRST_CHANGE + ENTRY + 46);

    assertThat(decodeFailure(resealed(bytes)))
        .hasMessage(
            "at byte 100 (state.changes[1].ops[0].key): invalid UTF-8 sequence of length 1");
  }

  @Test
  void decode_embeddedChecksumWrong_reportsNestedChecksum() {
    byte[] bytes = flipped(twoPuts(), 8 * (FIRST_CHANGE + 36));

    assertThat(decodeFailure(resealed(bytes)).field()).isEqualTo("state.changes[0].checksum");
    assertThat(decodeFailure(resealed(bytes)).offset()).isEqualTo(FIRST_CHANGE + 42);
  }

  @Test
  void decode_null_throwsIllegalArgument() {
    assertThatThrownBy(() -> ReplicaStateCodec.decode(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** An LWW state of the first changes of A and B, each one put of "k" to "v" (46 bytes). */
  private static byte[] twoPuts() {
    List<Change> changes = new ArrayList<>();
    for (String author : List.of("A", "B")) {
      changes.add(
          new Change(
              ReplicaId.of(author),
              1,
              HlcTimestamp.ZERO,
              VersionVector.EMPTY,
              List.of(Op.put("k", "v"))));
    }
    return ReplicaStateCodec.encode(ReplicaState.of(RegisterPolicy.LWW, changes));
  }

  private static DecodeException decodeFailure(byte[] bytes) {
    DecodeException e =
        catchThrowableOfType(DecodeException.class, () -> ReplicaStateCodec.decode(bytes));
    assertThat(e).as("decode should have failed").isNotNull();
    return e;
  }
}
