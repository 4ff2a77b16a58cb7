package dev.entente.histories.linearizability;

import org.jspecify.annotations.Nullable;

/**
 * The text of one kv key as a chain of appended segments: appending links a new node to the old
 * text instead of copying it, so a model step costs the appended segment, not the whole value. Each
 * node carries its length and a 64-bit polynomial hash of its whole text (updated from the parent's
 * in the segment's time), so hashing is O(1); equality is exact all the same: equal lengths and
 * hashes are confirmed by comparing characters from the end, and two chains that reach one shared
 * node at the same point have equal prefixes from there, so texts grown from one state compare in
 * the time of their differing tails. Immutable.
 */
final class KvText {
  private static final long BASE = 0x100000001B3L;

  /** The empty text. */
  static final KvText EMPTY = new KvText(null, "", 0, 0);

  private final @Nullable KvText parent;
  private final String segment;
  private final int length;
  private final long hash;

  private KvText(@Nullable KvText parent, String segment, int length, long hash) {
    this.parent = parent;
    this.segment = segment;
    this.length = length;
    this.hash = hash;
  }

  /** The number of characters. */
  int length() {
    return length;
  }

  /** This text followed by {@code tail}. */
  KvText append(String tail) {
    return append(new Tail(tail));
  }

  /** This text followed by {@code tail}, whose hash was computed once for every append of it. */
  KvText append(Tail tail) {
    String text = tail.text;
    return new KvText(
        length == 0 ? null : this, text, length + text.length(), hash * tail.power + tail.hash);
  }

  /**
   * A text to append, with its own polynomial hash and {@code BASE^length}, so that appending it
   * costs no pass over its characters: the hash of a text followed by it is the text's hash times
   * the power plus its hash (the same value, modulo 2^64, as hashing character by character).
   */
  static final class Tail {
    private final String text;
    private final long hash;
    private final long power;

    Tail(String text) {
      long h = 0;
      long p = 1;
      for (int i = 0; i < text.length(); i++) {
        h = h * BASE + text.charAt(i);
        p *= BASE;
      }
      this.text = text;
      this.hash = h;
      this.power = p;
    }
  }

  /** The text {@code s}. */
  static KvText of(String s) {
    return EMPTY.append(s);
  }

  /** True if this text is {@code s}, character for character. */
  boolean contentEquals(String s) {
    if (s.length() != length) {
      return false;
    }
    int at = length;
    for (KvText node = this; node != null; node = node.parent) {
      String seg = node.segment;
      for (int i = seg.length() - 1; i >= 0; i--) {
        if (seg.charAt(i) != s.charAt(--at)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KvText other
        && other.length == length
        && other.hash == hash
        && sameChars(this, other);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash * 0x9E3779B97F4A7C15L) ^ length;
  }

  @Override
  public String toString() {
    char[] out = new char[length];
    int at = length;
    for (KvText node = this; node != null; node = node.parent) {
      at -= node.segment.length();
      node.segment.getChars(0, node.segment.length(), out, at);
    }
    return new String(out);
  }

  /** Compares two texts of equal length from their ends, stopping early at a shared node. */
  private static boolean sameChars(KvText a, KvText b) {
    KvText x = a;
    KvText y = b;
    int i = x.segment.length();
    int j = y.segment.length();
    while (true) {
      while (i == 0 && x.parent != null) {
        x = x.parent;
        i = x.segment.length();
      }
      while (j == 0 && y.parent != null) {
        y = y.parent;
        j = y.segment.length();
      }
      if (x == y && i == j) {
        return true; // The same node at the same offset: the rest is the same text.
      }
      if (i == 0 || j == 0) {
        return i == j;
      }
      if (x.segment.charAt(--i) != y.segment.charAt(--j)) {
        return false;
      }
    }
  }
}
