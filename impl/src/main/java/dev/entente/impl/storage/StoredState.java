package dev.entente.impl.storage;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import java.util.List;

/**
 * Everything a {@link Storage} gave back on {@link Storage#load()}. Immutable.
 *
 * @param delivered the stored delivered changes, in delivery order
 * @param pending the stored buffered changes, sorted by dot
 * @param clockHighWater the greatest timestamp ever committed ({@link HlcTimestamp#ZERO} if none)
 * @param quarantined records that failed their checksum or decoding and were left out
 * @param snapshot the stored snapshot, if the log was compacted: {@code delivered} and {@code
 *     pending} are then the suffix committed after it
 */
public record StoredState(
    List<Change> delivered,
    List<Change> pending,
    HlcTimestamp clockHighWater,
    List<Quarantined> quarantined,
    StoredSnapshot snapshot) {
  /** A state with no snapshot (the log holds the whole history). */
  public StoredState(
      List<Change> delivered,
      List<Change> pending,
      HlcTimestamp clockHighWater,
      List<Quarantined> quarantined) {
    this(delivered, pending, clockHighWater, quarantined, StoredSnapshot.NONE);
  }

  /** Copies every list. */
  public StoredState {
    Check.argument(snapshot != null, "snapshot slot must not be null");
    Check.argument(delivered != null, "delivered must not be null");
    Check.argument(pending != null, "pending must not be null");
    Check.argument(clockHighWater != null, "clock high-water must not be null");
    Check.argument(quarantined != null, "quarantined must not be null");
    delivered = List.copyOf(delivered);
    pending = List.copyOf(pending);
    quarantined = List.copyOf(quarantined);
  }
}
