package dev.entente.impl.sync.merkle;

import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One statement about a bucket in a Merkle frame. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#SPLIT}: the sender's view of the bucket's sixteen children: each is empty, has
 *       a fingerprint, or is expanded by a later entry of the same frame;
 *   <li>{@link Kind#IDS}: every item the sender holds in the bucket, as tags;
 *   <li>{@link Kind#NEED}: the tags in the bucket the sender lacks and asks for.
 * </ul>
 *
 * @param node the bucket
 * @param kind what the entry says
 * @param children for SPLIT, sixteen children (a missing child of the top bucket is empty); else
 *     empty
 * @param tags for IDS and NEED, strictly increasing; else empty
 */
public record Entry(Node node, Kind kind, List<Child> children, List<Tag> tags) {
  /** What an entry says. The wire code is the ordinal. */
  public enum Kind {
    SPLIT,
    IDS,
    NEED
  }

  /** A child's state in a SPLIT; the wire code is the ordinal. */
  public enum State {
    EMPTY,
    FINGERPRINT,
    EXPANDED
  }

  /**
   * One child of a SPLIT.
   *
   * @param state what the sender says of it
   * @param fingerprint 16 bytes for FINGERPRINT, empty otherwise
   */
  public record Child(State state, byte[] fingerprint) {
    /** Checks and copies. */
    public Child {
      fingerprint = fingerprint.clone();
      Check.argument(
          fingerprint.length == (state == State.FINGERPRINT ? Fingerprints.BYTES : 0),
          "a fingerprint child carries 16 bytes, the others none");
    }

    @Override
    public byte[] fingerprint() {
      return fingerprint.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Child c && state == c.state && Arrays.equals(fingerprint, c.fingerprint);
    }

    @Override
    public int hashCode() {
      return state.hashCode() * 31 + Arrays.hashCode(fingerprint);
    }
  }

  /** Checks the shape rules and copies. */
  public Entry {
    children = List.copyOf(children);
    tags = List.copyOf(tags);
    if (kind == Kind.SPLIT) {
      Check.argument(!node.isLeaf(), "a leaf does not split");
      Check.argument(
          children.size() == Node.BRANCHING && tags.isEmpty(), "a split has 16 children");
      for (int i = 0; i < Node.BRANCHING; i++) {
        Check.argument(
            node.hasChild(i) || children.get(i).state() == State.EMPTY,
            "a child beyond the timestamp range must be empty");
      }
    } else {
      Check.argument(children.isEmpty(), "only a split has children");
      for (int i = 1; i < tags.size(); i++) {
        Check.argument(tags.get(i - 1).compareTo(tags.get(i)) < 0, "tags must strictly increase");
      }
    }
  }

  /** A SPLIT entry. */
  public static Entry split(Node node, List<Child> children) {
    return new Entry(node, Kind.SPLIT, children, List.of());
  }

  /** An IDS or NEED entry; the tags are sorted here. */
  public static Entry tags(Node node, Kind kind, List<Tag> tags) {
    List<Tag> sorted = new ArrayList<>(tags);
    sorted.sort(null);
    return new Entry(node, kind, List.of(), sorted);
  }
}
