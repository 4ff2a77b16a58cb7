package dev.entente.model;

/**
 * Declares which keys form one causal group: keys mapped to the same group name are resolved
 * together by {@link RegisterPolicy#CAUSAL_GROUP}. Implementations must be pure functions.
 */
@FunctionalInterface
public interface KeyGroups {
  /** The name of the group {@code key} belongs to. */
  String groupOf(Key key);

  /**
   * Groups keys by their parent path: everything up to and including the last {@code '/'}. So
   * {@code event/42/start} and {@code event/42/end} form the group {@code event/42/}. A key with no
   * {@code '/'} is a group of its own.
   */
  static KeyGroups byParentPath() {
    return key -> {
      String k = key.value();
      int slash = k.lastIndexOf('/');
      return slash < 0 ? k : k.substring(0, slash + 1);
    };
  }

  /** Every key its own group: the causal-group policy then behaves as per-key LWW. */
  static KeyGroups singletons() {
    return Key::value;
  }
}
