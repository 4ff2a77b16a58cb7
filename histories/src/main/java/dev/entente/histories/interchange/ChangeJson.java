package dev.entente.histories.interchange;

import static dev.entente.histories.interchange.JsonFields.child;
import static dev.entente.histories.interchange.JsonFields.element;
import static dev.entente.histories.interchange.JsonFields.integer;
import static dev.entente.histories.interchange.JsonFields.quote;
import static dev.entente.histories.interchange.JsonFields.rejectUnknown;
import static dev.entente.histories.interchange.JsonFields.requireObject;
import static dev.entente.histories.interchange.JsonFields.required;
import static dev.entente.histories.interchange.JsonFields.show;
import static dev.entente.histories.interchange.JsonFields.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Lines form of a {@link Change}, one object per line:
 *
 * <pre>{@code
 * {"replica":"A","seq":2,"time":{"wall":1700000000000,"logical":0},"seen":{"A":1,"B":3},
 *  "ops":[{"op":"put","key":"k","value":"v"},{"op":"delete","key":"x"}]}
 * (plus an optional "schemaVersion":N, issue 12)
 * }</pre>
 *
 * <p>Parsing is strict, because replay is a verification tool and a silently "repaired" line would
 * hide a bug in whatever wrote it: every field is required, unknown and duplicate fields are
 * refused, as are trailing tokens, floats or out-of-range numbers where integers belong, and
 * anything the model's own constructors refuse. {@code seen} is the author's version vector; its
 * entry for the author may be omitted (the change normalises it to {@code seq - 1}). Stateless and
 * thread-safe.
 */
public final class ChangeJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  // Jackson's wording for STRICT_DUPLICATE_DETECTION; anything else is reported as it stands.
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

  private static final Set<String> CHANGE_FIELDS =
      Set.of("replica", "seq", "time", "seen", "ops", "schemaVersion");
  private static final Set<String> TIME_FIELDS = Set.of("wall", "logical");
  private static final Set<String> PUT_FIELDS = Set.of("op", "key", "value");
  private static final Set<String> DELETE_FIELDS = Set.of("op", "key");

  private ChangeJson() {}

  /**
   * Parses one line into a change.
   *
   * @throws ChangeJsonException with the precise reason if the line is not exactly one valid change
   *     object
   */
  public static Change parse(String line) throws ChangeJsonException {
    JsonNode root = readSingleValue(line);
    if (!root.isObject()) {
      throw new ChangeJsonException("line must be a JSON object, was " + show(root));
    }
    rejectUnknown(root, CHANGE_FIELDS, "");
    ReplicaId author = replicaId(string(required(root, "replica", ""), "replica"), "replica");
    long seq = integer(required(root, "seq", ""), "seq", 1, Long.MAX_VALUE, "a positive integer");
    HlcTimestamp time = timestamp(required(root, "time", ""));
    VersionVector seen = seen(required(root, "seen", ""), author, seq);
    List<Op> ops = ops(required(root, "ops", ""));
    // Optional (issue 12): the schema version the change was written under.
    JsonNode schema = root.get("schemaVersion");
    int schemaVersion =
        schema == null
            ? Change.NO_SCHEMA
            : (int) integer(schema, "schemaVersion", 1, Integer.MAX_VALUE, "a positive integer");
    try {
      return new Change(author, seq, time, seen, ops, schemaVersion);
    } catch (IllegalArgumentException e) {
      throw new ChangeJsonException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  /** The change as one line of compact JSON (no newline) that {@link #parse} reads back. */
  public static String write(Change change) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("replica", change.author().value());
    root.put("seq", change.seq());
    ObjectNode time = root.putObject("time");
    time.put("wall", change.timestamp().wallMillis());
    time.put("logical", change.timestamp().logical());
    ObjectNode seen = root.putObject("seen");
    change.seen().entries().forEach((replica, counter) -> seen.put(replica.value(), counter));
    ArrayNode ops = root.putArray("ops");
    for (Op op : change.ops()) {
      ObjectNode o = ops.addObject();
      if (op instanceof Op.Put put) {
        o.put("op", "put").put("key", put.key().value()).put("value", put.value().value());
      } else {
        o.put("op", "delete").put("key", op.key().value());
      }
    }
    if (change.schemaVersion() != Change.NO_SCHEMA) {
      root.put("schemaVersion", change.schemaVersion());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot happen: writing a tree to a string", e);
    }
  }

  private static JsonNode readSingleValue(String line) throws ChangeJsonException {
    try (JsonParser parser = MAPPER.createParser(line)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null) {
        throw new ChangeJsonException("line has no JSON value");
      }
      if (parser.nextToken() != null) {
        throw new ChangeJsonException(
            "trailing content after the JSON value at column "
                + parser.currentTokenLocation().getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ChangeJsonException(malformed(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: reading from a string", e);
    }
  }

  private static String malformed(JsonProcessingException e) {
    String reason = e.getOriginalMessage().replaceAll("\\s+", " ").trim();
    Matcher duplicate = DUPLICATE_FIELD.matcher(reason);
    if (duplicate.matches()) {
      return "duplicate field " + quote(duplicate.group(1));
    }
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return column > 0
        ? "malformed JSON at column " + column + ": " + reason
        : "malformed JSON: " + reason;
  }

  private static HlcTimestamp timestamp(JsonNode time) throws ChangeJsonException {
    requireObject(time, "time");
    rejectUnknown(time, TIME_FIELDS, "time");
    long wall =
        integer(
            required(time, "wall", "time"),
            "time.wall",
            0,
            Long.MAX_VALUE,
            "a non-negative integer");
    long logical =
        integer(
            required(time, "logical", "time"),
            "time.logical",
            0,
            HlcTimestamp.MAX_LOGICAL,
            "an integer in [0, " + HlcTimestamp.MAX_LOGICAL + "]");
    return new HlcTimestamp(wall, (int) logical);
  }

  private static VersionVector seen(JsonNode seen, ReplicaId author, long seq)
      throws ChangeJsonException {
    requireObject(seen, "seen");
    Map<ReplicaId, Long> counters = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : seen.properties()) {
      String path = child("seen", e.getKey());
      ReplicaId replica = replicaId(e.getKey(), path);
      long counter = integer(e.getValue(), path, 0, Long.MAX_VALUE, "a non-negative integer");
      if (replica.equals(author) && counter >= seq) {
        throw new ChangeJsonException(
            quote(path) + " must be less than \"seq\" (" + seq + "), was " + counter);
      }
      counters.put(replica, counter);
    }
    return VersionVector.of(counters);
  }

  private static List<Op> ops(JsonNode ops) throws ChangeJsonException {
    if (!ops.isArray() || ops.isEmpty()) {
      throw new ChangeJsonException("\"ops\" must be a non-empty array, was " + show(ops));
    }
    if (ops.size() > Change.MAX_OPS) {
      throw new ChangeJsonException(
          "\"ops\" has " + ops.size() + " elements, at most " + Change.MAX_OPS + " allowed");
    }
    List<Op> out = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      out.add(op(ops.get(i), element("ops", i)));
    }
    return out;
  }

  private static Op op(JsonNode op, String path) throws ChangeJsonException {
    requireObject(op, path);
    String kind = string(required(op, "op", path), child(path, "op"));
    boolean isPut = kind.equals("put");
    if (!isPut && !kind.equals("delete")) {
      throw new ChangeJsonException(
          quote(child(path, "op")) + " must be \"put\" or \"delete\", was " + show(op.get("op")));
    }
    rejectUnknown(op, isPut ? PUT_FIELDS : DELETE_FIELDS, path);
    String keyPath = child(path, "key");
    Key key = modelValue(keyPath, () -> Key.of(string(required(op, "key", path), keyPath)));
    if (!isPut) {
      return new Op.Delete(key);
    }
    String valuePath = child(path, "value");
    Value value =
        modelValue(valuePath, () -> Value.of(string(required(op, "value", path), valuePath)));
    return new Op.Put(key, value);
  }

  private static ReplicaId replicaId(String text, String path) throws ChangeJsonException {
    return modelValue(path, () -> ReplicaId.of(text));
  }

  /** Runs a model constructor, turning its precondition failure into a reason for the line. */
  private static <T> T modelValue(String path, ModelConstructor<T> constructor)
      throws ChangeJsonException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new ChangeJsonException(quote(path) + ": " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface ModelConstructor<T> {
    T get() throws ChangeJsonException;
  }
}
