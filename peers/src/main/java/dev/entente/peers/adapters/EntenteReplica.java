package dev.entente.peers.adapters;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.peers.protocol.MapOp;
import dev.entente.peers.protocol.MapReplica;
import dev.entente.peers.protocol.PeerError;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.peers.protocol.ReplicaProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Entente's own replica behind the replica protocol, the reference peer: impl's {@link Replica}
 * with per-key LWW and a hybrid logical clock whose physical time is the {@code time} of the
 * request being served (no drift guard: a plain LWW map accepts every remote time). A sync message
 * is the whole replica state in its canonical codec. Mutable; one caller at a time.
 */
public final class EntenteReplica implements MapReplica {
  /** The implementation name {@code init_ok} reports. */
  public static final String NAME = "entente";

  /** The version {@code init_ok} reports: the codec version with the module's. */
  public static final String VERSION = "0.1.0/state-codec-" + ReplicaStateCodec.VERSION;

  private long physicalMillis;
  private @Nullable Replica replica;

  @Override
  public PeerInfo init(String id, List<String> peers, long timeMillis) throws PeerError {
    physicalMillis = timeMillis;
    try {
      replica =
          Replica.create(
              ReplicaId.of(id),
              RegisterPolicy.LWW,
              KeyGroups.byParentPath(),
              ClockKind.HLC.create(() -> physicalMillis, Long.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, e.toString());
    }
    return new PeerInfo(NAME, VERSION, List.of("lww"), List.of(ReplicaProtocol.SYNC_STATE));
  }

  @Override
  public void transact(List<MapOp> ops, long timeMillis) throws PeerError {
    Replica r = replica(timeMillis);
    List<Op> out = new ArrayList<>();
    try {
      for (MapOp op : ops) {
        Key key = Key.of(op.key());
        String value = op.value();
        out.add(value == null ? new Op.Delete(key) : new Op.Put(key, Value.of(value)));
      }
      r.transact(out);
    } catch (IllegalArgumentException e) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, e.toString());
    }
  }

  @Override
  public SortedMap<String, List<String>> state(long timeMillis) throws PeerError {
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<Key, List<Value>> e : replica(timeMillis).materialise().entries().entrySet()) {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(v.value()));
      out.put(e.getKey().value(), values);
    }
    return out;
  }

  @Override
  public byte[] syncOut(String to, long timeMillis) throws PeerError {
    return ReplicaStateCodec.encode(replica(timeMillis).state());
  }

  @Override
  public void syncIn(String from, byte[] message, long timeMillis) throws PeerError {
    Replica r = replica(timeMillis);
    ReplicaState state;
    try {
      state = ReplicaStateCodec.decode(message);
    } catch (DecodeException e) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, "state: " + e.getMessage());
    }
    List<ApplyResult.Rejected> rejected = r.merge(state);
    if (!rejected.isEmpty()) {
      // Partly applied: the caller cannot know which changes took effect.
      throw new PeerError(ReplicaProtocol.ABORT, false, "rejected " + rejected);
    }
  }

  private Replica replica(long timeMillis) throws PeerError {
    physicalMillis = timeMillis;
    if (replica == null) {
      throw new PeerError(ReplicaProtocol.TEMPORARILY_UNAVAILABLE, true, "init first");
    }
    return replica;
  }
}
