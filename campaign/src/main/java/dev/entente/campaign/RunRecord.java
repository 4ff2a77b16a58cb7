package dev.entente.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.entente.model.Check;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The raw result of one unit of campaign work: its {@link RunKey}, its position among its
 * producer's records ({@code index}: the spec's index in the campaign for simulated runs, the row
 * for TLC and benchmark records; it orders rows, it identifies nothing) and its typed {@link
 * Metrics}. One line of {@code runs.jsonl}; equal records are equal lines. Immutable.
 */
public record RunRecord(RunKey key, int index, Metrics metrics) {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Validates. */
  public RunRecord {
    Check.argument(key != null && metrics != null, "a run record needs a key and metrics: %s", key);
  }

  /** A record of {@code experiment}'s {@code variant} with {@code seed}. */
  public static RunRecord of(
      String experiment, String variant, long seed, int index, Metrics metrics) {
    return new RunRecord(new RunKey(experiment, variant, seed), index, metrics);
  }

  /** The record of a run that threw {@code e}, keeping the whole stack trace. */
  public static RunRecord crashed(RunKey key, int index, String replay, Throwable e) {
    return new RunRecord(key, index, new CrashedRun(replay, stackTrace(e)));
  }

  /** The experiment. */
  public String experiment() {
    return key.experiment();
  }

  /** The variant. */
  public String variant() {
    return key.variant();
  }

  /** The seed. */
  public long seed() {
    return key.seed();
  }

  /** The record as one line of JSON (no newline), fields in a fixed order. */
  public String toJsonLine() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run record " + key, e);
    }
  }

  /**
   * Parses a line written by {@link #toJsonLine()}.
   *
   * @throws IllegalArgumentException naming what is wrong (a missing or unknown field, a bad type)
   */
  public static RunRecord parse(String line) {
    try {
      RunRecord r = JSON.readValue(line, RunRecord.class);
      Check.argument(r != null, "a run record must be a JSON object, was %s", line);
      return r;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run record: " + e.getOriginalMessage(), e);
    }
  }

  /** The full stack trace of {@code e}, causes and suppressed exceptions included. */
  public static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
