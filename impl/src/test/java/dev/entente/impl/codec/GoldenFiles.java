package dev.entente.impl.codec;

import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The fixed values behind the golden files in {@code src/test/resources/golden/}, and the generator
 * that wrote them.
 *
 * <p>Each golden value has three files: {@code NAME.bin} (the encoding), {@code NAME.hex} (the same
 * bytes as hex, 16 to a line, for reviewing diffs) and {@code NAME.sha256} (the SHA-256 of the
 * bytes in {@code sha256sum} format, so {@code sha256sum -c} checks it).
 *
 * <p>The golden files pin format version 1 forever: data written by one build must be read by every
 * later one. Changing the format requires a version bump (a new version byte in {@link
 * ChangeCodec#VERSION} / {@link ReplicaStateCodec#VERSION}) and new golden files next to these,
 * never regenerating these. The generator ran once:
 *
 * <pre>
 * java -cp model/target/classes:impl/target/classes:impl/target/test-classes \
 *     dev.entente.impl.codec.GoldenFiles impl/src/test/resources/golden
 * </pre>
 */
final class GoldenFiles {
  static final String CHANGE_ONE_PUT = "change-one-put";
  static final String CHANGE_MULTI_OP = "change-multi-op";
  static final String STATE_LWW_3_CHANGES = "state-lww-3-changes";

  private GoldenFiles() {}

  /** Author A's first change: one put of "k" to "v", nothing seen. */
  static Change changeOnePut() {
    return new Change(
        ReplicaId.of("A"),
        1,
        new HlcTimestamp(1_700_000_000_000L, 0),
        VersionVector.EMPTY,
        List.of(Op.put("k", "v")));
  }

  /**
   * A change exercising every field: a longer author, seen entries on both sides of the author, a
   * delete, non-ASCII keys and values (2-, 3- and 4-byte UTF-8) and an empty value.
   */
  static Change changeMultiOp() {
    return new Change(
        ReplicaId.of("replica-B"),
        7,
        new HlcTimestamp(1_700_000_123_456L, 42),
        VersionVector.of(
            Map.of(ReplicaId.of("A"), 3L, ReplicaId.of("replica-B"), 6L, ReplicaId.of("z_9"), 12L)),
        List.of(
            Op.put("user/1/name", "Zo\u00eb"),
            Op.delete("user/1/email"),
            Op.put("emoji-\ud83d\ude42", "\u65e5\u672c\u8a9e"),
            Op.put("empty", "")));
  }

  /** An LWW state of three changes by two authors, given out of order to test sorting. */
  static ReplicaState stateLww3Changes() {
    ReplicaId a = ReplicaId.of("A");
    Change a1 = changeOnePut();
    Change a2 =
        new Change(
            a,
            2,
            new HlcTimestamp(1_700_000_000_005L, 0),
            VersionVector.EMPTY,
            List.of(Op.delete("k")));
    Change b1 =
        new Change(
            ReplicaId.of("B"),
            1,
            new HlcTimestamp(1_700_000_000_003L, 1),
            VersionVector.of(Map.of(a, 1L)),
            List.of(Op.put("k2", "\u00e9t\u00e9")));
    return ReplicaState.of(RegisterPolicy.LWW, List.of(b1, a2, a1));
  }

  /** The golden bytes of {@code name}, read from the test class path. */
  static byte[] read(String name, String extension) {
    String resource = "/golden/" + name + "." + extension;
    try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hexLines(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    HexFormat hex = HexFormat.ofDelimiter(" ");
    for (int i = 0; i < bytes.length; i += 16) {
      out.append(hex.formatHex(bytes, i, Math.min(bytes.length, i + 16))).append('\n');
    }
    return out.toString();
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the golden files into the directory {@code args[0]}. Run once per format version. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    write(dir, CHANGE_ONE_PUT, ChangeCodec.encode(changeOnePut()));
    write(dir, CHANGE_MULTI_OP, ChangeCodec.encode(changeMultiOp()));
    write(dir, STATE_LWW_3_CHANGES, ReplicaStateCodec.encode(stateLww3Changes()));
  }

  private static void write(Path dir, String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name + ".bin"), bytes);
    Files.writeString(dir.resolve(name + ".hex"), hexLines(bytes), StandardCharsets.US_ASCII);
    Files.writeString(
        dir.resolve(name + ".sha256"),
        sha256Hex(bytes) + "  " + name + ".bin\n",
        StandardCharsets.US_ASCII);
  }
}
