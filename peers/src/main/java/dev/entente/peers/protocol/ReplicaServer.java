package dev.entente.peers.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.peers.Stopwatch;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The peer side of the replica protocol for a {@link MapReplica}: turns one request line into one
 * reply line. A request it cannot read gets a definite {@code malformed-request} error; a replica
 * that throws a {@link PeerError} gets that error; any other exception from the replica is an
 * indefinite {@code crash} error, so a bug in an adapter shows as a reply, not as silence. Mutable
 * (holds the replica); one caller at a time.
 */
public final class ReplicaServer {
  private final MapReplica replica;

  /** A server in front of {@code replica}. */
  public ReplicaServer(MapReplica replica) {
    this.replica = replica;
  }

  /** The reply line to {@code requestLine}. */
  public String respond(String requestLine) {
    ObjectNode request = Json.parseObject(requestLine);
    if (request == null) {
      return Json.line(error(-1, ReplicaProtocol.MALFORMED_REQUEST, true, "not a JSON object"));
    }
    long id = request.path("id").asLong(-1);
    try {
      long start = Stopwatch.nanos();
      ObjectNode reply = dispatch(request);
      long nanos = Stopwatch.nanos() - start;
      ObjectNode out = Json.object();
      out.put("type", ReplicaProtocol.ok(request.path("type").asText()));
      out.put("in_reply_to", id);
      out.setAll(reply);
      out.put(ReplicaProtocol.NANOS, nanos);
      return Json.line(out);
    } catch (PeerError e) {
      return Json.line(error(id, e.code(), e.definite(), String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      return Json.line(error(id, ReplicaProtocol.CRASH, false, e.toString()));
    }
  }

  private ObjectNode dispatch(ObjectNode r) throws PeerError {
    long time = required(r, "time").asLong();
    ObjectNode out = Json.object();
    switch (required(r, "type").asText()) {
      case ReplicaProtocol.INIT -> init(r, time, out);
      case ReplicaProtocol.PUT ->
          replica.transact(List.of(MapOp.put(text(r, "key"), text(r, "value"))), time);
      case ReplicaProtocol.DELETE -> replica.transact(List.of(MapOp.delete(text(r, "key"))), time);
      case ReplicaProtocol.TRANSACT -> replica.transact(ops(required(r, "ops")), time);
      case ReplicaProtocol.READ -> read(text(r, "key"), time, out);
      case ReplicaProtocol.STATE -> out.set("map", mapNode(replica.state(time)));
      case ReplicaProtocol.SYNC_OUT -> {
        byte[] message = replica.syncOut(text(r, "to"), time);
        if (message == null) {
          out.putNull("bytes");
        } else {
          out.put("bytes", Base64.getEncoder().encodeToString(message));
        }
      }
      case ReplicaProtocol.SYNC_IN -> replica.syncIn(text(r, "from"), bytes(r), time);
      default ->
          throw new PeerError(
              ReplicaProtocol.NOT_SUPPORTED, true, "unknown type " + r.path("type").asText());
    }
    return out;
  }

  private void init(ObjectNode r, long time, ObjectNode out) throws PeerError {
    int version = required(r, "protocol").asInt();
    if (version != ReplicaProtocol.VERSION) {
      throw new PeerError(
          ReplicaProtocol.NOT_SUPPORTED, true, "protocol " + version + " is not supported");
    }
    List<String> peers = new ArrayList<>();
    required(r, "peers").forEach(p -> peers.add(p.asText()));
    PeerInfo info = replica.init(text(r, "replica"), peers, time);
    out.put("protocol", ReplicaProtocol.VERSION);
    out.put("name", info.name());
    out.put("version", info.version());
    ObjectNode supports = out.putObject("supports");
    info.policies().forEach(supports.putArray("policies")::add);
    info.sync().forEach(supports.putArray("sync")::add);
  }

  private void read(String key, long time, ObjectNode out) throws PeerError {
    ArrayNode values = out.putArray("values");
    replica.state(time).getOrDefault(key, List.of()).forEach(values::add);
  }

  /** {@code map} as a JSON object of key to array of values. */
  public static ObjectNode mapNode(SortedMap<String, List<String>> map) {
    ObjectNode node = Json.object();
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      ArrayNode values = node.putArray(e.getKey());
      e.getValue().forEach(values::add);
    }
    return node;
  }

  private static List<MapOp> ops(JsonNode ops) throws PeerError {
    List<MapOp> out = new ArrayList<>();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      if (kind.equals("put")) {
        out.add(MapOp.put(text(op, "key"), text(op, "value")));
      } else if (kind.equals("delete")) {
        out.add(MapOp.delete(text(op, "key")));
      } else {
        throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, "unknown op " + op);
      }
    }
    return out;
  }

  private static byte[] bytes(ObjectNode r) throws PeerError {
    try {
      return Base64.getDecoder().decode(text(r, "bytes"));
    } catch (IllegalArgumentException e) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, "bytes: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) throws PeerError {
    return required(node, field).asText();
  }

  private static JsonNode required(JsonNode node, String field) throws PeerError {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new PeerError(ReplicaProtocol.MALFORMED_REQUEST, true, "missing field " + field);
    }
    return v;
  }

  private static ObjectNode error(long id, int code, boolean definite, String text) {
    ObjectNode e = Json.object();
    e.put("type", ReplicaProtocol.ERROR);
    e.put("in_reply_to", id);
    e.put("code", code);
    e.put("definite", definite);
    e.put("text", text);
    return e;
  }
}
