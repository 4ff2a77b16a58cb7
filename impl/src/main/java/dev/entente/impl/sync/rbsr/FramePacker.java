package dev.entente.impl.sync.rbsr;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a reply's ranges into frames of at most the frame limit. Each reply range carries its lower
 * bound; a frame reaches it through one skip, so every frame stands alone (it starts at the bottom
 * of the order) and settled ranges cost nothing but that skip.
 */
final class FramePacker {
  private final byte[] salt;
  private final int limit;
  private final List<Frame> frames = new ArrayList<>();
  private List<Range> current = new ArrayList<>();
  private int size;
  private Bound last = Bound.ZERO;
  private long lastTs;

  FramePacker(byte[] salt, int limit) {
    this.salt = salt;
    this.limit = limit;
    startFrame();
  }

  /** Adds the range {@code [lower, range.upper())}; lower is at or above the last added bound. */
  void add(Bound lower, Range range) {
    List<Range> adding = new ArrayList<>(2);
    if (lower.compareTo(last) > 0) {
      adding.add(Range.skip(lower));
    }
    adding.add(range);
    int bytes = sizeOf(adding, lastTs);
    if (size + bytes > limit && !current.isEmpty()) {
      finishFrame();
      add(lower, range);
      return;
    }
    current.addAll(adding);
    size += bytes;
    last = range.upper();
    lastTs = last.isInfinite() ? lastTs : last.timestamp();
  }

  /** The frames, the last one included. */
  List<Frame> finish() {
    if (!current.isEmpty()) {
      finishFrame();
    }
    return List.copyOf(frames);
  }

  private void finishFrame() {
    frames.add(new Frame(salt, current));
    startFrame();
  }

  private void startFrame() {
    current = new ArrayList<>();
    size = 2 + salt.length;
    last = Bound.ZERO;
    lastTs = 0;
  }

  private static int sizeOf(List<Range> ranges, long prevTs) {
    int bytes = 0;
    long ts = prevTs;
    for (Range r : ranges) {
      bytes += RbsrCodec.encodeRange(ts, r).length;
      ts = r.upper().isInfinite() ? ts : r.upper().timestamp();
    }
    return bytes;
  }
}
