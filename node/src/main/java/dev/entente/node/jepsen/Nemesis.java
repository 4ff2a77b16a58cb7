package dev.entente.node.jepsen;

import dev.entente.model.history.Keyword;
import dev.entente.node.RealTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Injects one fault at a time, drawn from the run's families, each held for 1.5 to 3 s and healed
 * before the next after a 1 to 2 s calm; at the deadline it heals whatever is active. Every start
 * and heal is a nemesis op in the history, named as Jepsen names them ({@code :kill :start :pause
 * :resume :start-partition :stop-partition :bump-clock}), and a {@link Window} for the timeline.
 */
final class Nemesis implements Runnable {
  /** A fault's time span, for the timeline. */
  record Window(String kind, String label, long startNanos, long endNanos) {}

  private final Cluster cluster;
  private final List<Fault> faults;
  private final HistoryLog history;
  private final SplittableRandom random;
  private final BooleanSupplier running;
  private final Consumer<String> log;
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<Window> windows = new ArrayList<>();

  Nemesis(
      Cluster cluster,
      Set<Fault> faults,
      HistoryLog history,
      long seed,
      BooleanSupplier running,
      Consumer<String> log) {
    this.cluster = cluster;
    this.faults = new ArrayList<>(new java.util.TreeSet<>(faults));
    this.history = history;
    this.random = new SplittableRandom(seed);
    this.running = running;
    this.log = log;
  }

  @Override
  public void run() {
    hold(1000 + random.nextInt(1000));
    while (running.getAsBoolean() && !faults.isEmpty()) {
      Fault f = faults.get(random.nextInt(faults.size()));
      Cluster.Node n = cluster.nodes().get(random.nextInt(cluster.nodes().size()));
      try {
        inject(f, n);
      } catch (Exception e) {
        log.accept("nemesis: " + f.label() + " on " + n.id() + " failed: " + e);
      }
      hold(1000 + random.nextInt(1000));
    }
  }

  private void inject(Fault f, Cluster.Node n) throws Exception {
    long start = history.now();
    String label;
    switch (f) {
      case KILL -> {
        history.nemesis("kill", Map.of(k("node"), n.id()));
        n.child().kill();
        hold(window());
        n.child().start();
        history.nemesis("start", Map.of(k("node"), n.id()));
        label = "kill " + n.id();
      }
      case PAUSE -> {
        history.nemesis("pause", Map.of(k("node"), n.id()));
        n.child().pause();
        hold(window());
        n.child().resume();
        history.nemesis("resume", Map.of(k("node"), n.id()));
        label = "pause " + n.id();
      }
      case PARTITION -> label = partition();
      case CLOCK -> {
        long offset = (random.nextBoolean() ? 1 : -1) * (200L + random.nextInt(4800));
        bump(n, offset);
        hold(window());
        bump(n, 0);
        label = "clock " + n.id() + " " + offset + " ms";
      }
      default -> throw new IllegalStateException("unknown fault " + f);
    }
    counts.merge(f.label(), 1, Integer::sum);
    windows.add(new Window(f.label(), label, start, history.now()));
  }

  private String partition() {
    List<Cluster.Node> all = new ArrayList<>(cluster.nodes());
    int size = 1 + random.nextInt(Math.max(1, all.size() / 2));
    List<Cluster.Node> cut = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (cut.size() < size) {
      Cluster.Node n = all.remove(random.nextInt(all.size()));
      cut.add(n);
      names.add(n.id());
    }
    FaultProxy.Mode mode =
        List.of(FaultProxy.Mode.CUT, FaultProxy.Mode.DELAY, FaultProxy.Mode.DROP)
            .get(random.nextInt(3));
    String modeName = mode.name().toLowerCase(java.util.Locale.ROOT);
    history.nemesis("start-partition", Map.of(k("nodes"), names, k("mode"), k(modeName)));
    for (Cluster.Node n : cut) {
      n.proxy().mode(mode, 200 + random.nextInt(400), 30 + random.nextInt(60));
    }
    hold(window());
    for (Cluster.Node n : cut) {
      n.proxy().mode(FaultProxy.Mode.PASS, 0, 0);
    }
    history.nemesis("stop-partition", Map.of(k("nodes"), names));
    return modeName + " " + String.join(",", names);
  }

  private void bump(Cluster.Node n, long offset) {
    Object error = null;
    try {
      n.control().post("/clock?offset=" + offset, "");
    } catch (ControlClient.ControlException e) {
      error = e.getMessage();
    }
    Map<Keyword, Object> v = new java.util.LinkedHashMap<>();
    v.put(k("node"), n.id());
    v.put(k("offset"), offset);
    if (error != null) {
      v.put(k("error"), error);
    }
    history.nemesis("bump-clock", v);
  }

  private long window() {
    return 1500 + random.nextInt(1500);
  }

  /** Sleeps up to {@code millis}, in steps, so a deadline is not overrun by a whole window. */
  private void hold(long millis) {
    long end = RealTime.nanos() + millis * 1_000_000L;
    while (RealTime.nanos() < end) {
      if (!RealTime.sleep(Math.min(100, (end - RealTime.nanos()) / 1_000_000L + 1))) {
        return;
      }
    }
  }

  /** Fault counts by family. */
  Map<String, Integer> counts() {
    return counts;
  }

  List<Window> windows() {
    return windows;
  }

  private static Keyword k(String name) {
    return Keyword.of(name);
  }
}
