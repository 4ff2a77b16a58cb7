package dev.entente.impl.sync;

import dev.entente.model.Check;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delta (version vector) baseline: ids dense per author, so a store is summed up by its version
 * vector, one counter per author. The initiator sends its vector; the responder answers with the
 * changes above it and its own vector; the initiator then sends the changes above that, if any. Two
 * vectors are the only protocol bytes, whatever the difference: the floor when ids are dense and
 * peers are honest (a peer that lies about its vector, or a gap in an author's sequence, is beyond
 * it, which is why ids-only protocols exist).
 *
 * <p>A vector encodes as a varint count, then per author (in name order) a length byte, the ASCII
 * name and a varint counter, the same varints as the RBSR frames.
 */
public final class VersionVectorReconciler {
  /** How many authors the stores' changes come from. */
  static final int AUTHORS = 32;

  private VersionVectorReconciler() {}

  /**
   * Reconciles stores sharing {@code items} changes spread over {@link #AUTHORS} authors and
   * differing by {@code missing}: the responder's extra changes extend every author, or with {@code
   * bothSides} the initiator extends the even authors and the responder the odd ones.
   */
  public static ReconcileResult run(int items, int missing, boolean bothSides) {
    Check.argument(items >= 0 && missing >= 0, "items and missing must be >= 0");
    Map<String, Long> a = new TreeMap<>();
    Map<String, Long> b = new TreeMap<>();
    for (int i = 0; i < AUTHORS; i++) {
      long shared = items / AUTHORS + (i < items % AUTHORS ? 1 : 0);
      a.put(author(i), shared);
      b.put(author(i), shared);
    }
    int onA = bothSides ? missing / 2 : 0;
    for (int j = 0; j < missing; j++) {
      boolean toA = j < onA;
      int authorIndex = bothSides ? (2 * j + (toA ? 0 : 1)) % AUTHORS : j % AUTHORS;
      (toA ? a : b).merge(author(authorIndex), 1L, Long::sum);
    }
    long bytes = encode(a).length + (long) encode(b).length;
    int batches = above(a, b) > 0 ? 3 : 2;
    long found = above(a, b) + above(b, a);
    return new ReconcileResult(
        "delta", items, found, ReconcileResult.roundTrips(batches), bytes, 2);
  }

  /** How many changes {@code x} holds that {@code y} lacks. */
  private static long above(Map<String, Long> x, Map<String, Long> y) {
    long n = 0;
    for (Map.Entry<String, Long> e : x.entrySet()) {
      n += Math.max(0, e.getValue() - y.getOrDefault(e.getKey(), 0L));
    }
    return n;
  }

  static byte[] encode(Map<String, Long> vector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, vector.size());
    vector.forEach(
        (author, counter) -> {
          byte[] name = author.getBytes(StandardCharsets.US_ASCII);
          out.write(name.length);
          out.writeBytes(name);
          varint(out, counter);
        });
    return out.toByteArray();
  }

  private static String author(int i) {
    return String.format(java.util.Locale.ROOT, "r%02d", i);
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
