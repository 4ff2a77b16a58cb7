package dev.entente.impl.codec;

import static dev.entente.impl.codec.EncodingEdits.flipped;
import static dev.entente.impl.codec.EncodingEdits.inserted;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Examples for {@link ChangeCodec}. Offsets in the malformed-input tests refer to the layout of
 * {@link GoldenFiles#changeOnePut()}: magic 0-3, version 4, author.length 5, author 6, seq 7-14,
 * wallMillis 15-22, logical 23-24, seen.count 25-28, ops.count 29-32, ops[0].tag 33,
 * ops[0].key.length 34-35, key 36, ops[0].value.length 37-40, value 41, checksum 42-45.
 */
class ChangeCodecTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");
  private static final ReplicaId C = ReplicaId.of("C");

  private final byte[] onePut = ChangeCodec.encode(GoldenFiles.changeOnePut());

  @Test
  void encode_onePut_isTheDocumentedLayout() {
    assertThat(HexFormat.of().formatHex(onePut))
        .startsWith(
            "454e5443" // magic
                + "01" // version
                + "0141" // author "A"
                + "0000000000000001" // seq
                + "0000018bcfe56800" // wallMillis 1_700_000_000_000
                + "0000" // logical
                + "00000000" // seen.count
                + "00000001" // ops.count
                + "01" // put
                + "00016b" // key "k"
                + "0000000176"); // value "v"
    assertThat(onePut).hasSize(46);
  }

  @Test
  void decode_encodedChanges_roundTrip() throws DecodeException {
    for (Change change : List.of(GoldenFiles.changeOnePut(), GoldenFiles.changeMultiOp())) {
      assertThat(ChangeCodec.decode(ChangeCodec.encode(change))).isEqualTo(change);
    }
  }

  @Test
  void encode_authorEntrySpelledOrNot_givesEqualBytes() {
    Change implicit = change(B, 3, VersionVector.of(Map.of(A, 2L)));
    Change explicit = change(B, 3, VersionVector.of(Map.of(A, 2L, B, 2L)));
    Change understated = change(B, 3, VersionVector.of(Map.of(A, 2L, B, 1L)));

    assertThat(ChangeCodec.encode(explicit)).isEqualTo(ChangeCodec.encode(implicit));
    assertThat(ChangeCodec.encode(understated)).isEqualTo(ChangeCodec.encode(implicit));
    assertThat(ChangeCodec.contentHashHex(explicit))
        .isEqualTo(ChangeCodec.contentHashHex(implicit));
  }

  @Test
  void contentHash_differentChanges_differ() {
    Change other = change(A, 2, VersionVector.EMPTY);

    assertThat(ChangeCodec.contentHash(other))
        .hasSize(32)
        .isNotEqualTo(ChangeCodec.contentHash(GoldenFiles.changeOnePut()));
  }

  @Test
  void contentHashHex_anyChange_isHexOfContentHash() {
    Change change = GoldenFiles.changeMultiOp();

    assertThat(ChangeCodec.contentHashHex(change))
        .hasSize(64)
        .isEqualTo(HexFormat.of().formatHex(ChangeCodec.contentHash(change)))
        .isEqualTo(GoldenFiles.sha256Hex(ChangeCodec.encode(change)));
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenFiles.CHANGE_ONE_PUT, GoldenFiles.CHANGE_MULTI_OP})
  void encode_goldenValue_matchesGoldenFiles(String name) throws DecodeException {
    // Golden files pin format version 1. If this fails, the format changed: bump the version
    // byte and add new golden files; never regenerate these.
    Change value =
        name.equals(GoldenFiles.CHANGE_ONE_PUT)
            ? GoldenFiles.changeOnePut()
            : GoldenFiles.changeMultiOp();
    byte[] golden = GoldenFiles.read(name, "bin");
    String hex = new String(GoldenFiles.read(name, "hex"), StandardCharsets.US_ASCII);
    String sha = new String(GoldenFiles.read(name, "sha256"), StandardCharsets.US_ASCII);

    assertThat(ChangeCodec.encode(value)).isEqualTo(golden);
    assertThat(ChangeCodec.decode(golden)).isEqualTo(value);
    assertThat(hex).isEqualTo(GoldenFiles.hexLines(golden));
    assertThat(sha).isEqualTo(ChangeCodec.contentHashHex(value) + "  " + name + ".bin\n");
  }

  @Test
  void decode_badMagic_rejectsAtByte0() {
    DecodeException e = decodeFailure(resealed(with(onePut, 0, 1, 'X')));

    assertThat(e.offset()).isZero();
    assertThat(e.field()).isEqualTo("change.magic");
    assertThat(e)
        .hasMessage("at byte 0 (change.magic): bad magic: expected 45 4e 54 43, was 58 4e 54 43");
  }

  @Test
  void decode_aStateEncoding_rejectsMagic() {
    byte[] state =
        ReplicaStateCodec.encode(
            ReplicaState.of(RegisterPolicy.MV, List.of(GoldenFiles.changeOnePut())));

    assertThat(decodeFailure(state))
        .hasMessage("at byte 0 (change.magic): bad magic: expected 45 4e 54 43, was 45 4e 54 53");
  }

  @Test
  void decode_unknownVersion_rejectsAtByte4() {
    assertThat(decodeFailure(resealed(with(onePut, 4, 1, 3))))
        .hasMessage("at byte 4 (change.version): unsupported format version 3, expected 1 or 2");
  }

  @Test
  void encode_withSchemaVersion_writesVersion2AndRoundTrips() throws DecodeException {
    Change tagged = GoldenFiles.changeOnePut().withSchemaVersion(3);
    byte[] bytes = ChangeCodec.encode(tagged);

    assertThat(bytes[4]).isEqualTo((byte) 2);
    assertThat(ChangeCodec.decode(bytes)).isEqualTo(tagged);
    assertThat(ChangeCodec.encode(GoldenFiles.changeOnePut())).isEqualTo(onePut);
  }

  @Test
  void decode_flippedBitWithoutReseal_rejectsChecksum() {
    DecodeException e = decodeFailure(flipped(onePut, 8 * 36));

    assertThat(e.offset()).isEqualTo(42);
    assertThat(e.field()).isEqualTo("change.checksum");
    assertThat(e.reason()).startsWith("CRC-32C mismatch: stored 0x");
  }

  @Test
  void decode_tooShort_rejectsTruncation() {
    assertThat(decodeFailure(prefix(onePut, 10)))
        .hasMessage("at byte 10 (change): truncated: 10 bytes, the smallest encoding has 41");
  }

  @Test
  void decode_bytesBeforeChecksum_rejectsTrailing() {
    assertThat(decodeFailure(resealed(inserted(onePut, 42, (byte) 0))))
        .hasMessage(
            "at byte 42 (change): trailing bytes: 1 after the last op, before the checksum");
  }

  @Test
  void decode_invalidAuthor_wrapsModelRejection() {
    DecodeException e = decodeFailure(resealed(with(onePut, 6, 1, '!')));

    assertThat(e)
        .hasMessage(
            "at byte 6 (change.author): replica id must match [A-Za-z0-9_-]{1,64}, was \"!\"")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_zeroSeq_rejects() {
    assertThat(decodeFailure(resealed(with(onePut, 7, 8, 0))))
        .hasMessage("at byte 7 (change.seq): must be in [1, 2^63-1], was 0");
  }

  @Test
  void decode_negativeWallMillis_rejects() {
    assertThat(decodeFailure(resealed(with(onePut, 15, 8, -1L))))
        .hasMessage(
            "at byte 15 (change.timestamp.wallMillis): must be in [0, 2^63-1], was "
                + "18446744073709551615");
  }

  @Test
  void decode_noOps_rejects() {
    assertThat(decodeFailure(resealed(with(onePut, 29, 4, 0))))
        .hasMessage("at byte 29 (change.ops.count): op count must be in [1, 65535], was 0");
  }

  @Test
  void decode_hugeSeenCount_rejectsBeforeAllocating() {
    assertThat(decodeFailure(resealed(with(onePut, 25, 4, 0xFFFF_FFFFL))))
        .hasMessage(
            "at byte 25 (change.seen.count): count 4294967295 needs at least 42949672950 bytes,"
                + " 13 remain");
  }

  @Test
  void decode_unknownOpTag_rejectsAtTag() {
    assertThat(decodeFailure(resealed(with(onePut, 33, 1, 3))))
        .hasMessage("at byte 33 (change.ops[0].tag): unknown op tag 3 (1 put, 2 delete)");
  }

  @Test
  void decode_emptyKey_rejectsKeyLength() {
    assertThat(decodeFailure(resealed(with(onePut, 34, 2, 0))))
        .hasMessage(
            "at byte 34 (change.ops[0].key.length): key length must be in [1, 1024], was 0");
  }

  @Test
  void decode_keyLongerThanInput_rejectsTruncation() {
    assertThat(decodeFailure(resealed(with(onePut, 34, 2, 1000))))
        .hasMessage("at byte 36 (change.ops[0].key): truncated: needs 1000 bytes, 6 remain");
  }

  @Test
  void decode_invalidUtf8Key_rejectsAtBadByte() {
    assertThat(decodeFailure(resealed(with(onePut, 36, 1, 0xFF))))
        .hasMessage("at byte 36 (change.ops[0].key): invalid UTF-8 sequence of length 1");
  }

  @Test
  void decode_encodedSurrogate_rejectsAsInvalidUtf8() {
    // ED A0 80 is U+D800 spelled in UTF-8: not well-formed, and would not re-encode to itself.
    Change change =
        new Change(A, 1, HlcTimestamp.ZERO, VersionVector.EMPTY, List.of(put("k", "abc")));
    byte[] bytes = ChangeCodec.encode(change);
    byte[] surrogate = with(bytes, 41, 3, 0xEDA080);

    assertThat(decodeFailure(resealed(surrogate)))
        .hasMessage("at byte 41 (change.ops[0].value): invalid UTF-8 sequence of length 3");
  }

  @Test
  void decode_hugeValueLength_rejectsBeforeAllocating() {
    assertThat(decodeFailure(resealed(with(onePut, 37, 4, 0xFFFF_FFFFL))))
        .hasMessage(
            "at byte 37 (change.ops[0].value.length): value length must be in [0, 1048576],"
                + " was 4294967295");
  }

  @Test
  void decode_seenEntriesOutOfOrder_rejectsAtSecondEntry() {
    // seen[0] = B at 29..38, seen[1] = C at 39..48.
    byte[] bytes = ChangeCodec.encode(change(A, 1, VersionVector.of(Map.of(B, 2L, C, 1L))));

    assertThat(decodeFailure(resealed(with(bytes, 40, 1, 'A'))))
        .hasMessage(
            "at byte 39 (change.seen[1].replica): replica id \"A\" is not after \"B\": entries"
                + " must be strictly increasing");
    assertThat(decodeFailure(resealed(with(bytes, 40, 1, 'B'))).reason())
        .isEqualTo("replica id \"B\" is not after \"B\": entries must be strictly increasing");
  }

  @Test
  void decode_invalidSeenReplica_wrapsModelRejection() {
    byte[] bytes = ChangeCodec.encode(change(A, 1, VersionVector.of(Map.of(B, 2L, C, 1L))));

    assertThat(decodeFailure(resealed(with(bytes, 40, 1, '.'))))
        .hasMessage(
            "at byte 40 (change.seen[1].replica): replica id must match [A-Za-z0-9_-]{1,64},"
                + " was \".\"");
  }

  @Test
  void decode_zeroSeenCounter_rejects() {
    byte[] bytes = ChangeCodec.encode(change(A, 1, VersionVector.of(Map.of(B, 2L, C, 1L))));

    assertThat(decodeFailure(resealed(with(bytes, 31, 8, 0))))
        .hasMessage("at byte 31 (change.seen[0].counter): must be in [1, 2^63-1], was 0");
  }

  @Test
  void decode_authorEntryNotSeqMinusOne_rejectsNonCanonical() {
    // Author B, seq 3: seen[0] = A:2 at 29..38, seen[1] = B:2 with its counter at 41..48.
    byte[] bytes = ChangeCodec.encode(change(B, 3, VersionVector.of(Map.of(A, 2L))));

    assertThat(decodeFailure(resealed(with(bytes, 41, 8, 1))))
        .hasMessage("at byte 41 (change.seen): entry for the author B must be seq - 1 = 2, was 1");
    assertThat(decodeFailure(resealed(with(bytes, 41, 8, 3))).reason())
        .isEqualTo("entry for the author B must be seq - 1 = 2, was 3");
  }

  @Test
  void decode_missingAuthorEntry_rejectsNonCanonical() {
    // Author A, seq 2, but the only seen entry names B: A's implied entry 1 is missing.
    byte[] bytes = ChangeCodec.encode(change(A, 2, VersionVector.EMPTY));
    byte[] renamed = with(bytes, 30, 1, 'B');

    assertThat(decodeFailure(resealed(renamed)))
        .hasMessage("at byte 25 (change.seen): entry for the author A must be seq - 1 = 1, was 0");
  }

  @Test
  void decode_null_throwsIllegalArgument() {
    assertThatThrownBy(() -> ChangeCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static DecodeException decodeFailure(byte[] bytes) {
    DecodeException e =
        catchThrowableOfType(DecodeException.class, () -> ChangeCodec.decode(bytes));
    assertThat(e).as("decode should have failed").isNotNull();
    return e;
  }

  private static Change change(ReplicaId author, long seq, VersionVector seen) {
    return new Change(author, seq, HlcTimestamp.ZERO, seen, List.of(put("k", "v")));
  }

  private static Op put(String key, String value) {
    return Op.put(key, value);
  }
}
