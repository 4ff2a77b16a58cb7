package dev.entente.tla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace's events made ready for {@code TraceData.tla}: its keys and values renamed {@code k1,
 * k2, ...} and {@code v1, v2, ...} in order of appearance (a causal-group trace's keys {@code g1k1,
 * g1k2, g2k3, ...}, which keep the header's key groups as {@code g1, g2, ...}), and its changes
 * gathered into a table, each written once and named by its index from every line that carries it
 * (a change travels in its write, every receive and every merged state: writing it once keeps the
 * module small, and parsing it is most of TLC's start-up). KvCrdt compares keys, values and groups
 * only for equality, so a per-trace bijection changes no verdict, and a batch needs as many names
 * as its largest trace, not their sum. Mutable while built; not thread-safe.
 */
final class TraceRenaming {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The group of every key of a trace without key groups in its header. */
  static final String NO_GROUP = "all";

  private final JsonNode groups;
  private final Map<String, String> keyNames = new HashMap<>();
  private final Map<String, String> groupNames = new HashMap<>();
  private final Map<String, String> valueNames = new HashMap<>();
  private final Map<String, Integer> changeIndex = new HashMap<>();
  private final List<JsonNode> changes = new ArrayList<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final Map<String, String> groupOfKey = new LinkedHashMap<>();

  /** Renames the events of {@code lines} (a header, then events). */
  TraceRenaming(List<String> lines) {
    this.groups = TraceDataModule.parse(lines.get(0)).path("groups");
    for (String line : lines.subList(1, lines.size())) {
      ObjectNode e = (ObjectNode) TraceDataModule.parse(line);
      if (e.has("change")) {
        e.put("change", index(e.get("change")));
      }
      if (e.has("changes")) {
        ArrayNode ids = JSON.createArrayNode();
        e.get("changes").forEach(c -> ids.add(index(c)));
        e.set("changes", ids);
      }
      JsonNode shown = e.path("post").get("values");
      if (shown != null && shown.isObject()) {
        ((ObjectNode) e.get("post")).set("values", renameValues(shown));
      }
      events.add(e);
    }
  }

  /** The events, each change replaced by its 1-based index in {@link #changes()}. */
  List<JsonNode> events() {
    return events;
  }

  /** The trace's distinct changes, renamed, in order of first appearance. */
  List<JsonNode> changes() {
    return changes;
  }

  /** Every renamed key with its renamed group. */
  Map<String, String> groupOfKey() {
    return groupOfKey;
  }

  /** The renamed values. */
  List<String> values() {
    return List.copyOf(valueNames.values());
  }

  private int index(JsonNode change) {
    String dot = change.get("author").asText() + "/" + change.get("seq").asLong();
    Integer known = changeIndex.get(dot);
    if (known != null) {
      return known;
    }
    ObjectNode c = change.deepCopy();
    for (JsonNode o : c.get("ops")) {
      ObjectNode op = (ObjectNode) o;
      op.put("key", key(op.get("key").asText()));
      if (op.has("value")) {
        op.put("value", value(op.get("value").asText()));
      }
    }
    changes.add(c);
    changeIndex.put(dot, changes.size());
    return changes.size();
  }

  /** {@code key: value | null | [values]} as {@code key: [values]}, renamed. */
  private ObjectNode renameValues(JsonNode shown) {
    ObjectNode renamed = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> kv = it.next();
      ArrayNode vs = renamed.putArray(key(kv.getKey()));
      JsonNode v = kv.getValue();
      if (v.isArray()) {
        v.forEach(x -> vs.add(value(x.asText())));
      } else if (!v.isNull()) {
        vs.add(value(v.asText()));
      }
    }
    return renamed;
  }

  private String key(String k) {
    String known = keyNames.get(k);
    if (known != null) {
      return known;
    }
    String group = NO_GROUP;
    String name = "k" + (keyNames.size() + 1);
    if (groups.isObject()) {
      JsonNode g = groups.get(k);
      if (g == null) {
        throw new IllegalArgumentException("the trace header gives no group for key " + k);
      }
      group = groupNames.computeIfAbsent(g.asText(), x -> "g" + (groupNames.size() + 1));
      name = group + name;
    }
    keyNames.put(k, name);
    groupOfKey.put(name, group);
    return name;
  }

  private String value(String v) {
    return valueNames.computeIfAbsent(v, x -> "v" + (valueNames.size() + 1));
  }
}
