package dev.entente.peers.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.peers.Stopwatch;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The harness's side of the replica protocol for one replica: typed requests, each numbered, sent
 * over a {@link PeerChannel}, and replies checked against the request. Every request and reply goes
 * to the trace (the reply without its {@code nanos} field, which is a measurement). An error reply
 * is a {@link PeerError}; a reply that does not answer the request is a {@link PeerFault} ({@link
 * PeerFinding.Kind#PROTOCOL}). Round-trip and in-peer times are added up for the apply-time metric.
 * Mutable; one caller at a time.
 */
public final class PeerClient implements AutoCloseable {
  private final String replica;
  private final PeerChannel channel;
  private final Consumer<String> trace;
  private long nextId = 1;
  private long applyCalls;
  private long applyRoundTripNanos;
  private long applyPeerNanos;
  private long syncBytes;

  /** A client of {@code replica} over {@code channel}, tracing to {@code trace}. */
  public PeerClient(String replica, PeerChannel channel, Consumer<String> trace) {
    this.replica = replica;
    this.channel = channel;
    this.trace = trace;
  }

  /** The replica this client speaks to. */
  public String replica() {
    return replica;
  }

  /** The handshake: protocol version, replica id and peers; returns what the replica is. */
  public PeerInfo init(List<String> peers, long timeMillis) throws PeerFault, PeerError {
    ObjectNode r = request(ReplicaProtocol.INIT, timeMillis);
    r.put("protocol", ReplicaProtocol.VERSION);
    r.put("replica", replica);
    ArrayNode p = r.putArray("peers");
    peers.forEach(p::add);
    ObjectNode reply = call(r, false);
    if (reply.path("protocol").asInt(-1) != ReplicaProtocol.VERSION) {
      throw protocol(r, reply, "init_ok must echo protocol " + ReplicaProtocol.VERSION);
    }
    JsonNode supports = reply.path("supports");
    return new PeerInfo(
        reply.path("name").asText("unnamed"),
        reply.path("version").asText("unversioned"),
        texts(supports.path("policies")),
        texts(supports.path("sync")));
  }

  /** One local change of {@code ops}. */
  public void transact(List<MapOp> ops, long timeMillis) throws PeerFault, PeerError {
    ObjectNode r = request(ReplicaProtocol.TRANSACT, timeMillis);
    ArrayNode list = r.putArray("ops");
    for (MapOp op : ops) {
      ObjectNode o = list.addObject();
      o.put("op", op.isDelete() ? "delete" : "put");
      o.put("key", op.key());
      if (!op.isDelete()) {
        o.put("value", op.value());
      }
    }
    call(r, true);
  }

  /** The replica's materialised map. */
  public SortedMap<String, List<String>> state(long timeMillis) throws PeerFault, PeerError {
    ObjectNode r = request(ReplicaProtocol.STATE, timeMillis);
    ObjectNode reply = call(r, false);
    JsonNode map = reply.get("map");
    if (map == null || !map.isObject()) {
      throw protocol(r, reply, "state_ok needs an object field map");
    }
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = texts(e.getValue());
      values.sort(null);
      if (!values.isEmpty()) {
        out.put(e.getKey(), values);
      }
    }
    return out;
  }

  /** The message the replica would send to {@code to}, or null if it has none. */
  public byte @Nullable [] syncOut(String to, long timeMillis) throws PeerFault, PeerError {
    ObjectNode r = request(ReplicaProtocol.SYNC_OUT, timeMillis);
    r.put("to", to);
    ObjectNode reply = call(r, false);
    JsonNode bytes = reply.get("bytes");
    if (bytes == null || bytes.isNull()) {
      return null;
    }
    try {
      byte[] out = Base64.getDecoder().decode(bytes.asText());
      syncBytes += out.length;
      return out;
    } catch (IllegalArgumentException e) {
      throw protocol(r, reply, "bytes is not base64: " + e.getMessage());
    }
  }

  /** Hands the replica a message {@code from} sent. */
  public void syncIn(String from, byte[] message, long timeMillis) throws PeerFault, PeerError {
    ObjectNode r = request(ReplicaProtocol.SYNC_IN, timeMillis);
    r.put("from", from);
    r.put("bytes", Base64.getEncoder().encodeToString(message));
    call(r, true);
  }

  /** Transacts and sync-ins so far. */
  public long applyCalls() {
    return applyCalls;
  }

  /** Their total round-trip time in nanoseconds, as the harness measured it. */
  public long applyRoundTripNanos() {
    return applyRoundTripNanos;
  }

  /** Their total time inside the peer, as the peer reported it (0 where it reports none). */
  public long applyPeerNanos() {
    return applyPeerNanos;
  }

  /** Bytes of every sync message this replica produced. */
  public long syncBytes() {
    return syncBytes;
  }

  @Override
  public void close() {
    channel.close();
  }

  private ObjectNode request(String type, long timeMillis) {
    ObjectNode r = Json.object();
    r.put("type", type);
    r.put("id", nextId++);
    r.put("time", timeMillis);
    return r;
  }

  private ObjectNode call(ObjectNode request, boolean apply) throws PeerFault, PeerError {
    String line = Json.line(request);
    trace.accept("> " + replica + " " + line);
    long start = Stopwatch.nanos();
    String replyLine = channel.call(line);
    long roundTrip = Stopwatch.nanos() - start;
    ObjectNode reply = Json.parseObject(replyLine);
    if (reply == null) {
      throw new PeerFault(new PeerFinding(PeerFinding.Kind.MALFORMED, replica, line, replyLine));
    }
    JsonNode nanos = reply.remove(ReplicaProtocol.NANOS);
    trace.accept("< " + replica + " " + Json.line(reply));
    if (reply.path("in_reply_to").asLong(-2) != request.get("id").asLong()) {
      throw protocol(request, reply, "in_reply_to does not match the request's id");
    }
    String type = reply.path("type").asText();
    if (type.equals(ReplicaProtocol.ERROR)) {
      throw new PeerError(
          reply.path("code").asInt(ReplicaProtocol.CRASH),
          reply.path("definite").asBoolean(false),
          reply.path("text").asText(""));
    }
    if (!type.equals(ReplicaProtocol.ok(request.get("type").asText()))) {
      throw protocol(request, reply, "reply type " + type + " does not answer the request");
    }
    if (apply) {
      applyCalls++;
      applyRoundTripNanos += roundTrip;
      applyPeerNanos += nanos == null ? 0 : nanos.asLong();
    }
    return reply;
  }

  private PeerFault protocol(ObjectNode request, ObjectNode reply, String why) {
    return new PeerFault(
        new PeerFinding(
            PeerFinding.Kind.PROTOCOL,
            replica,
            Json.line(request),
            Json.line(reply) + " (" + why + ")"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
