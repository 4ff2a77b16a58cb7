package dev.entente.simulations.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.model.Check;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The raw result of one {@link RunSpec}: flat metrics by name, each a {@link Long}, a {@link
 * Double} or a {@link String}. One line of {@code runs.jsonl}, with sorted keys, so equal records
 * are equal lines (which is how {@code entente report merge} deduplicates). Immutable.
 */
public record RunRecord(
    int index, String experiment, String variant, long seed, SortedMap<String, Object> metrics) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** Validates and copies. */
  public RunRecord {
    Check.argument(experiment != null && variant != null, "experiment and variant are required");
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      Object v = e.getValue();
      Check.argument(
          v instanceof Long || v instanceof Double || v instanceof String,
          "metric %s must be a Long, Double or String, was %s",
          e.getKey(),
          v);
    }
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
  }

  /** The integer metric {@code name}, or {@code absent}. */
  public long longMetric(String name, long absent) {
    Object v = metrics.get(name);
    return v instanceof Long l ? l : absent;
  }

  /** The integer metric {@code name}; 0 if absent. */
  public long count(String name) {
    return longMetric(name, 0);
  }

  /** The numeric metric {@code name}, or NaN. */
  public double number(String name) {
    Object v = metrics.get(name);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The text metric {@code name}, or {@code ""}. */
  public String text(String name) {
    Object v = metrics.get(name);
    return v == null ? "" : v.toString();
  }

  /** The record as one line of JSON (no newline), keys sorted. */
  public String toJsonLine() {
    Map<String, Object> m = new TreeMap<>();
    m.put("index", index);
    m.put("experiment", experiment);
    m.put("variant", variant);
    m.put("seed", seed);
    m.put("metrics", metrics);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run record " + index, e);
    }
  }

  /**
   * Parses a line written by {@link #toJsonLine()}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static RunRecord parse(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    Check.argument(n != null && n.isObject(), "a run record must be a JSON object");
    for (String field : new String[] {"index", "experiment", "variant", "seed", "metrics"}) {
      Check.argument(n.has(field), "run record has no '%s'", field);
    }
    SortedMap<String, Object> metrics = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.get("metrics").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      Object value =
          v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? v.asDouble() : v.asText();
      metrics.put(e.getKey(), value);
    }
    return new RunRecord(
        n.get("index").asInt(),
        n.get("experiment").asText(),
        n.get("variant").asText(),
        n.get("seed").asLong(),
        metrics);
  }
}
