package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.Arrays;
import java.util.List;

/**
 * One range of a frame: the items from the previous range's upper bound (or the bottom of the
 * order) up to, not including, {@code upper}, and what the sender says about them. Immutable.
 *
 * @param upper the exclusive upper bound
 * @param mode what the sender says
 * @param fingerprint the 16-byte fingerprint for {@link Mode#FINGERPRINT}, else empty
 * @param tags the items' tags, strictly increasing, for {@link Mode#ID_LIST} and {@link Mode#NEED},
 *     else empty
 */
public record Range(Bound upper, Mode mode, byte[] fingerprint, List<Tag> tags) {
  /** Checks the payload matches the mode and copies it. */
  public Range {
    fingerprint = fingerprint.clone();
    tags = List.copyOf(tags);
    Check.argument(
        (mode == Mode.FINGERPRINT) == (fingerprint.length == Fingerprints.BYTES)
            && (mode == Mode.FINGERPRINT || fingerprint.length == 0),
        "a fingerprint range carries exactly the fingerprint");
    Check.argument(
        tags.isEmpty() || mode == Mode.ID_LIST || mode == Mode.NEED,
        "only id lists and needs carry tags");
  }

  static Range skip(Bound upper) {
    return new Range(upper, Mode.SKIP, new byte[0], List.of());
  }

  static Range fingerprint(Bound upper, byte[] fingerprint) {
    return new Range(upper, Mode.FINGERPRINT, fingerprint, List.of());
  }

  static Range tags(Bound upper, Mode mode, List<Tag> tags) {
    return new Range(upper, mode, new byte[0], tags);
  }

  @Override
  public byte[] fingerprint() {
    return fingerprint.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Range r
        && upper.equals(r.upper)
        && mode == r.mode
        && Arrays.equals(fingerprint, r.fingerprint)
        && tags.equals(r.tags);
  }

  @Override
  public int hashCode() {
    return (upper.hashCode() * 31 + mode.hashCode()) * 31 + Arrays.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return mode + "<" + upper + (tags.isEmpty() ? "" : " " + tags.size() + " tags") + ">";
  }
}
