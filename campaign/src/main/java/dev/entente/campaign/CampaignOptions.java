package dev.entente.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one {@code entente run} that decide its numbers, plus the shard it ran. Two runs
 * with equal {@link #withoutShard()} are shards of one campaign. Immutable.
 *
 * @param seedsGiven whether {@code --seeds} was given (only to print the command as typed)
 * @param only the {@code --only} list, or empty for every section
 * @param shard the shard this process runs, {@link Shard#WHOLE} when not sharded
 */
public record CampaignOptions(
    CampaignMode mode,
    int seeds,
    boolean seedsGiven,
    List<String> only,
    boolean bench,
    boolean tlc,
    Shard shard) {
  /**
   * Validates and copies the list.
   *
   * @throws IllegalArgumentException naming a bad option (seeds below 1, an unknown experiment)
   */
  public CampaignOptions {
    only = List.copyOf(only);
    Check.argument(seeds >= 1, "--seeds must be >= 1, was %d", seeds);
    plan(mode, seeds, only);
  }

  /** The plan: seeds from 1. */
  public CampaignPlan plan() {
    return plan(mode, seeds, only);
  }

  private static CampaignPlan plan(CampaignMode mode, int seeds, List<String> only) {
    return new CampaignPlan(mode, 1, seeds, only.isEmpty() ? Campaign.SECTIONS : only);
  }

  /** The same options as one unsharded run. */
  CampaignOptions withoutShard() {
    return new CampaignOptions(mode, seeds, seedsGiven, only, bench, tlc, Shard.WHOLE);
  }

  /**
   * The command that reproduces every number of this campaign (without {@code --out} and {@code
   * --shard}, which change neither).
   */
  public String command() {
    StringBuilder b = new StringBuilder("./entente run");
    if (mode != CampaignMode.DEFAULT) {
      b.append(" --").append(mode.optionName());
    }
    if (seedsGiven) {
      b.append(" --seeds ").append(seeds);
    }
    if (!only.isEmpty()) {
      b.append(" --only ").append(String.join(",", only));
    }
    if (!bench) {
      b.append(" --no-bench");
    }
    if (!tlc) {
      b.append(" --no-tlc");
    }
    return b.toString();
  }

  /** The options as {@code options.json} fields. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.optionName());
    m.put("seeds", seeds);
    m.put("seedsGiven", seedsGiven);
    m.put("only", only);
    m.put("bench", bench);
    m.put("tlc", tlc);
    m.put("shard", Map.of("index", shard.index(), "count", shard.count()));
    return m;
  }

  /**
   * Reads the fields {@link #toJson()} wrote.
   *
   * @throws IllegalArgumentException naming a missing or bad field
   */
  static CampaignOptions fromJson(JsonNode n) {
    for (String f : List.of("mode", "seeds", "seedsGiven", "only", "bench", "tlc", "shard")) {
      if (n == null || !n.has(f)) {
        throw new IllegalArgumentException("options.json has no '" + f + "'");
      }
    }
    List<String> only = new ArrayList<>();
    n.get("only").forEach(x -> only.add(x.asText()));
    return new CampaignOptions(
        CampaignMode.parse(n.get("mode").asText()),
        n.get("seeds").asInt(),
        n.get("seedsGiven").asBoolean(),
        only,
        n.get("bench").asBoolean(),
        n.get("tlc").asBoolean(),
        new Shard(n.get("shard").get("index").asInt(), n.get("shard").get("count").asInt()));
  }
}
