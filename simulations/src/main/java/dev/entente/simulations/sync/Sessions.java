package dev.entente.simulations.sync;

import dev.entente.model.ReplicaId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The open reconciliation sessions of one replica, keyed by peer, session number and side; at most
 * {@link #MAX} are kept and the least recently used is forgotten (its peer's next tick starts a new
 * one). Mutable, owned by one protocol instance.
 *
 * @param <S> the session state
 */
final class Sessions<S> {
  /** Most sessions kept at once. */
  static final int MAX = 16;

  /** A session's name: the peer, the initiator's session number, and whether we initiated it. */
  record Key(ReplicaId peer, long session, boolean initiator) {}

  private final Map<Key, S> open =
      new LinkedHashMap<>(MAX * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, S> eldest) {
          return size() > MAX;
        }
      };

  @Nullable S get(Key key) {
    return open.get(key);
  }

  void put(Key key, S session) {
    open.put(key, session);
  }

  void remove(Key key) {
    open.remove(key);
  }
}
