package dev.entente.impl.sync.rbsr;

import dev.entente.impl.codec.DecodeException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decodes one range of a frame, checking each field against the canonical rules. */
final class RangeDecoder {
  private RangeDecoder() {}

  static Range decode(VarReader r, String field, @Nullable Bound prev, int maxTags)
      throws DecodeException {
    int at = r.position();
    long code = r.varint(field + ".timestamp");
    int headerAt = r.position();
    long header = r.varint(field + ".header");
    Bound upper = bound(r, field, timestamp(r, field, prev, code, at), header >>> 2, headerAt);
    if (prev != null && prev.compareTo(upper) >= 0) {
      throw r.error(at, field + ".upper", "bound " + upper + " not above previous " + prev);
    }
    Mode mode = Mode.values()[(int) (header & 3)];
    return switch (mode) {
      case SKIP -> Range.skip(upper);
      case FINGERPRINT ->
          Range.fingerprint(upper, r.bytes(Fingerprints.BYTES, field + ".fingerprint"));
      case ID_LIST, NEED -> Range.tags(upper, mode, tags(r, field, maxTags));
    };
  }

  /** The bound's timestamp, or -1 for infinity. */
  private static long timestamp(VarReader r, String field, @Nullable Bound prev, long code, int at)
      throws DecodeException {
    if (code == 0) {
      return -1;
    }
    long base = prev == null || prev.isInfinite() ? 0 : prev.timestamp();
    if (code - 1 > Bound.MAX_TIMESTAMP - base) {
      throw r.error(at, field + ".timestamp", "timestamp beyond " + Bound.MAX_TIMESTAMP);
    }
    return base + code - 1;
  }

  private static Bound bound(VarReader r, String field, long ts, long length, int headerAt)
      throws DecodeException {
    if (ts < 0) {
      if (length != 0) {
        throw r.error(headerAt, field + ".header", "infinity carries no prefix");
      }
      return Bound.INFINITY;
    }
    if (length > SyncId.BYTES) {
      throw r.error(headerAt, field + ".header", "prefix of " + length + " bytes > 32");
    }
    int prefixAt = r.position();
    byte[] prefix = r.bytes((int) length, field + ".prefix");
    if (length > 0 && prefix[prefix.length - 1] == 0) {
      throw r.error(prefixAt, field + ".prefix", "prefix ends in a zero byte");
    }
    return Bound.of(ts, prefix);
  }

  private static List<Tag> tags(VarReader r, String field, int maxTags) throws DecodeException {
    int at = r.position();
    long count = r.varint(field + ".tags.count");
    if (count > maxTags || count * Tag.BYTES > r.remaining()) {
      throw r.error(at, field + ".tags.count", "count " + count + " over the limit or the frame");
    }
    List<Tag> tags = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      int tagAt = r.position();
      Tag tag = Tag.of(r.bytes(Tag.BYTES, field + ".tags[" + i + "]"));
      if (!tags.isEmpty() && tags.get(tags.size() - 1).compareTo(tag) >= 0) {
        throw r.error(tagAt, field + ".tags[" + i + "]", "tags must strictly increase");
      }
      tags.add(tag);
    }
    return tags;
  }
}
