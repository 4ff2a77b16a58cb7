package dev.entente.impl.seal;

import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The readers of an epoch, sorted by device id, each id once. A reader's index in this order is its
 * author slot in the epoch's frames. Immutable.
 */
public record Roster(List<Recipient> recipients) {
  /** Most readers per epoch: a slot is an unsigned 16-bit number. */
  public static final int MAX_SIZE = 65_535;

  /** Validates order and uniqueness and copies the list. */
  public Roster {
    Check.argument(recipients != null, "recipients must not be null");
    Check.argument(
        recipients.size() <= MAX_SIZE, "at most 65535 readers, was %d", recipients.size());
    for (int i = 1; i < recipients.size(); i++) {
      Check.argument(
          recipients.get(i - 1).id().compareTo(recipients.get(i).id()) < 0,
          "roster ids must be strictly increasing, %s then %s",
          recipients.get(i - 1).id(),
          recipients.get(i).id());
    }
    recipients = List.copyOf(recipients);
  }

  /** The roster of {@code recipients} in any order (sorted here; ids must be unique). */
  public static Roster of(Collection<Recipient> recipients) {
    List<Recipient> sorted = new ArrayList<>(recipients);
    sorted.sort(Comparator.comparing(Recipient::id));
    return new Roster(sorted);
  }

  /** The slot of {@code id}, if it is a reader. */
  public Optional<Integer> slotOf(ReplicaId id) {
    for (int i = 0; i < recipients.size(); i++) {
      if (recipients.get(i).id().equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Number of readers. */
  public int size() {
    return recipients.size();
  }

  /** The reader in {@code slot}. */
  public Recipient get(int slot) {
    return recipients.get(slot);
  }
}
