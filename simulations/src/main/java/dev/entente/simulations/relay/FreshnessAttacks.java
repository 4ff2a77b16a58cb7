package dev.entente.simulations.relay;

/**
 * The attacks on freshness, which hide honest frames without altering a byte: withhold (one
 * author's frames never reach anyone else), rollback (one client is served the store as it was when
 * the attack began) and fork (two halves of the clients each see only their own new frames). Only
 * signed heads exchanged among members reveal them.
 */
final class FreshnessAttacks {
  private FreshnessAttacks() {}

  /** Hides {@code victim}'s frames from every other client. */
  static RelayNemesis withhold(int victim) {
    return new RelayNemesis() {
      @Override
      public boolean hides(StoredFrame stored, int client, int round) {
        return stored.uploader() == victim && client != victim;
      }
    };
  }

  /** Hides from {@code victim} every frame others stored from round {@code since} on. */
  static RelayNemesis rollback(int victim, int since) {
    return new RelayNemesis() {
      @Override
      public boolean hides(StoredFrame stored, int client, int round) {
        return client == victim && stored.uploader() != victim && stored.round() >= since;
      }
    };
  }

  /**
   * From round {@code since} on, hides from each client the frames stored by clients of the other
   * half ({@code side[i]} is client i's half).
   */
  static RelayNemesis fork(boolean[] side, int since) {
    boolean[] sides = side.clone();
    return new RelayNemesis() {
      @Override
      public boolean hides(StoredFrame stored, int client, int round) {
        return stored.round() >= since && sides[stored.uploader()] != sides[client];
      }
    };
  }
}
