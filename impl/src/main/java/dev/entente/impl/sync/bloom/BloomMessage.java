package dev.entente.impl.sync.bloom;

import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One Automerge-style sync message. Immutable; id lists are kept sorted so the encoding is
 * canonical.
 *
 * @param heads the sender's heads when it sent the message
 * @param need ids the sender lacks and asks for by hash
 * @param have the sender's filter, if it sends one
 * @param changes changes for the receiver, each at most once, in the sender's (causal) order
 */
public record BloomMessage(
    List<SyncId> heads, List<SyncId> need, Optional<Have> have, List<Change> changes) {
  /** Sorts the id lists, copies, and rejects a change listed twice. */
  public BloomMessage {
    heads = List.copyOf(new TreeSet<>(heads));
    need = List.copyOf(new TreeSet<>(need));
    changes = List.copyOf(changes);
    HashSet<SyncId> seen = new HashSet<>();
    for (Change c : changes) {
      Check.argument(seen.add(c.id()), "a message carries each change once");
    }
  }

  /** Whether the message asks or tells anything beyond heads. */
  public boolean isEmpty() {
    return need.isEmpty() && have.isEmpty() && changes.isEmpty();
  }
}
