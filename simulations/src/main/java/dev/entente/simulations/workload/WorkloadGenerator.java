package dev.entente.simulations.workload;

import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Draws client intents for a workload. Mutable (owns its generator), not thread-safe. */
public final class WorkloadGenerator {
  private final WorkloadOptions options;
  private final Prng prng;

  /** A generator drawing from {@code prng}. */
  public WorkloadGenerator(WorkloadOptions options, Prng prng) {
    this.options = options;
    this.prng = prng;
  }

  /** The key-value key with index {@code i}: {@code kv/<i/3>/<i>}, three keys per group. */
  public static String kvKey(int i) {
    return "kv/" + (i / 3) + "/" + i;
  }

  /** The next intent. */
  public ClientOp next() {
    boolean read = prng.chance(options.readRatio());
    boolean delete = prng.chance(options.deleteRatio());
    long a = prng.nextLong(1L << 40);
    long b = prng.nextLong(1L << 40);
    if (read) {
      return new ClientOp.Read();
    }
    if (options.kind() == WorkloadKind.ROLLOUT) {
      return new ClientOp.SchemaEdit(
          prng.nextInt(options.events()), delete ? 4 : prng.nextInt(4), a, b);
    }
    return options.kind() == WorkloadKind.KV ? kvWrite(delete) : calendar(delete, a, b);
  }

  private ClientOp kvWrite(boolean deleteOne) {
    int n = 1 + prng.nextInt(options.maxKeysPerWrite());
    TreeSet<Integer> keys = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      boolean hot = prng.chance(options.hotRatio());
      keys.add(hot ? prng.nextInt(options.hotKeys()) : prng.nextInt(options.keys()));
    }
    List<ClientOp.KeyWrite> writes = new ArrayList<>();
    int deleted = deleteOne ? prng.nextInt(keys.size()) : -1;
    for (int k : keys) {
      writes.add(new ClientOp.KeyWrite(kvKey(k), writes.size() == deleted));
    }
    return new ClientOp.Write(writes);
  }

  private ClientOp calendar(boolean cancel, long a, long b) {
    int event = prng.nextInt(options.events());
    int kind = prng.nextInt(3);
    if (cancel) {
      return new ClientOp.CalendarCancel(event);
    }
    return switch (kind) {
      case 0 -> new ClientOp.CalendarMove(event, a % (Calendar.DAY_MINUTES - 120), 1 + b % 119);
      case 1 -> new ClientOp.CalendarAdjust(event, true, a);
      default -> new ClientOp.CalendarAdjust(event, false, a);
    };
  }
}
