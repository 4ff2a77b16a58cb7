package dev.entente.campaign;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which part of a campaign one process runs: the run specs whose index is {@code index} modulo
 * {@code count}. {@link #resolve} takes it from {@code --shard I/N}, or, when that is absent, from
 * a batch scheduler's environment: a Kubernetes Indexed Job's {@value #K8S_INDEX} (the count from
 * {@code --shards N}) or a Slurm job array's {@value #SLURM_ID} and {@value #SLURM_COUNT} (offset
 * by {@value #SLURM_MIN}, since arrays may start at 1). Immutable.
 *
 * @param index this shard, {@code 0 <= index < count}
 * @param count how many shards, at least 1
 */
public record Shard(int index, int count) {
  /** The whole campaign in one process. */
  public static final Shard WHOLE = new Shard(0, 1);

  /** A Kubernetes Indexed Job's completion index. */
  public static final String K8S_INDEX = "JOB_COMPLETION_INDEX";

  /** A Slurm job array's task id. */
  public static final String SLURM_ID = "SLURM_ARRAY_TASK_ID";

  /** A Slurm job array's task count. */
  public static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";

  /** A Slurm job array's lowest task id. */
  public static final String SLURM_MIN = "SLURM_ARRAY_TASK_MIN";

  /** Validates. */
  public Shard {
    Check.argument(
        count >= 1 && index >= 0 && index < count,
        "shard must be I/N with 0 <= I < N, was %d/%d",
        index,
        count);
  }

  /**
   * The shard from the options and the environment (passed in, never read here).
   *
   * @param shard {@code --shard I/N}, or null
   * @param shards {@code --shards N}, or null
   * @throws IllegalArgumentException naming the option or variable that is missing or bad
   */
  public static Shard resolve(
      @Nullable String shard, @Nullable Integer shards, Map<String, String> env) {
    if (shard != null) {
      Shard s = parse(shard);
      Check.argument(
          shards == null || shards == s.count,
          "--shard %s and --shards %d disagree on the count",
          shard,
          shards);
      return s;
    }
    if (env.containsKey(K8S_INDEX)) {
      Check.argument(
          shards != null, "%s is set (a Kubernetes Indexed Job): give --shards N too", K8S_INDEX);
      // Not null: Check.argument has just refused a missing --shards.
      return fromEnv(K8S_INDEX, number(env, K8S_INDEX), Objects.requireNonNull(shards));
    }
    if (env.containsKey(SLURM_ID)) {
      int min = env.containsKey(SLURM_MIN) ? number(env, SLURM_MIN) : 0;
      int count = shards != null ? shards : slurmCount(env);
      return fromEnv(SLURM_ID, number(env, SLURM_ID) - min, count);
    }
    Check.argument(
        shards == null,
        "--shards %d needs --shard I/N, %s or %s to say which shard this is",
        shards,
        K8S_INDEX,
        SLURM_ID);
    return WHOLE;
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException if it is not two integers with {@code 0 <= I < N}
   */
  public static Shard parse(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        int i = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        if (n >= 1 && i >= 0 && i < n) {
          return new Shard(i, n);
        }
      }
    } catch (NumberFormatException e) {
      // Reported below, with the text.
    }
    throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N, was " + text);
  }

  /** True if the campaign is split over more than one process. */
  public boolean sharded() {
    return count > 1;
  }

  /** The specs of this shard, in their order. */
  public List<RunSpec> select(List<RunSpec> specs) {
    List<RunSpec> out = new ArrayList<>();
    for (RunSpec s : specs) {
      if (s.index() % count == index) {
        out.add(s);
      }
    }
    return out;
  }

  private static Shard fromEnv(String variable, int index, int count) {
    Check.argument(count >= 1, "the shard count must be >= 1, was %d", count);
    Check.argument(
        index >= 0 && index < count,
        "%s gives shard %d, outside 0..%d of %d shards",
        variable,
        index,
        count - 1,
        count);
    return new Shard(index, count);
  }

  private static int slurmCount(Map<String, String> env) {
    Check.argument(
        env.containsKey(SLURM_COUNT),
        "%s is set but %s is not: give --shards N",
        SLURM_ID,
        SLURM_COUNT);
    return number(env, SLURM_COUNT);
  }

  private static int number(Map<String, String> env, String variable) {
    String raw = env.get(variable);
    if (raw == null) {
      throw new IllegalArgumentException(variable + " is not set");
    }
    String v = raw.strip();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "environment variable " + variable + " must be an integer, was '" + v + "'", e);
    }
  }
}
