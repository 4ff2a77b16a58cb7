package dev.entente.simulations.net;

/** Counters of what the network did. Mutable, not thread-safe. */
public final class NetworkStats {
  long sent;
  long bytesSent;
  long delivered;
  long lost;
  long cut;
  long duplicated;
  long clogged;

  /** Messages handed to the network (each duplicate counts once more as delivered, not sent). */
  public long sent() {
    return sent;
  }

  /** Bytes of the messages handed to the network. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Messages handed to their receiver, duplicates included. */
  public long delivered() {
    return delivered;
  }

  /** Messages dropped by random loss. */
  public long lost() {
    return lost;
  }

  /** Messages dropped by a partition (at send or at arrival). */
  public long cut() {
    return cut;
  }

  /** Extra copies made. */
  public long duplicated() {
    return duplicated;
  }

  /** Arrivals held back by a clogged endpoint. */
  public long clogged() {
    return clogged;
  }

  @Override
  public String toString() {
    return "sent="
        + sent
        + " bytes="
        + bytesSent
        + " delivered="
        + delivered
        + " lost="
        + lost
        + " cut="
        + cut
        + " duplicated="
        + duplicated
        + " clogged="
        + clogged;
  }
}
