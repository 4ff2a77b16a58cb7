package dev.entente.peers.adapters;

import dev.entente.peers.protocol.MapOp;
import dev.entente.peers.protocol.MapReplica;
import dev.entente.peers.protocol.PeerError;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.peers.protocol.ReplicaProtocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.automerge.AmValue;
import org.automerge.Document;
import org.automerge.MapEntry;
import org.automerge.ObjectId;
import org.automerge.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Automerge (the Rust core through {@code org.automerge:automerge}) in process: the root map of one
 * document, its actor id the UTF-8 bytes of the replica id, every write one transaction, a sync
 * message the whole saved document, merged on arrival. Automerge orders concurrent writes by
 * Lamport counter and actor, so the request's time is not used. The map shows each key's winning
 * value (Automerge keeps the losers as conflicts; an LWW-style map shows one). Mutable.
 */
public final class AutomergeReplica implements MapReplica {
  /** The implementation name {@code init_ok} reports. */
  public static final String NAME = "automerge-java";

  /** The binding's version. */
  public static final String VERSION = "0.0.7";

  private @Nullable Document doc;

  @Override
  public PeerInfo init(String replica, List<String> peers, long timeMillis) {
    doc = new Document(replica.getBytes(StandardCharsets.UTF_8));
    return new PeerInfo(NAME, VERSION, List.of("lww"), List.of(ReplicaProtocol.SYNC_STATE));
  }

  @Override
  public void transact(List<MapOp> ops, long timeMillis) throws PeerError {
    try (Transaction tx = doc().startTransaction()) {
      for (MapOp op : ops) {
        String value = op.value();
        if (value == null) {
          tx.delete(ObjectId.ROOT, op.key());
        } else {
          tx.set(ObjectId.ROOT, op.key(), value);
        }
      }
      tx.commit();
    } catch (RuntimeException e) {
      throw new PeerError(ReplicaProtocol.ABORT, true, e.toString());
    }
  }

  @Override
  public SortedMap<String, List<String>> state(long timeMillis) throws PeerError {
    SortedMap<String, List<String>> out = new TreeMap<>();
    Optional<MapEntry[]> entries = doc().mapEntries(ObjectId.ROOT);
    for (MapEntry e : entries.orElse(new MapEntry[0])) {
      AmValue v = e.getValue();
      out.put(e.getKey(), List.of(v instanceof AmValue.Str s ? s.getValue() : v.toString()));
    }
    return out;
  }

  @Override
  public byte[] syncOut(String to, long timeMillis) throws PeerError {
    return doc().save();
  }

  @Override
  public void syncIn(String from, byte[] message, long timeMillis) throws PeerError {
    Document other;
    try {
      other = Document.load(message);
    } catch (RuntimeException e) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, e.toString());
    }
    try {
      doc().merge(other);
    } finally {
      other.free();
    }
  }

  private Document doc() throws PeerError {
    if (doc == null) {
      throw new PeerError(ReplicaProtocol.TEMPORARILY_UNAVAILABLE, true, "init first");
    }
    return doc;
  }
}
