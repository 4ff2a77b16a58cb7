package dev.entente.peers.conform;

import java.util.List;
import java.util.function.Consumer;

/**
 * One conformance scenario: a name, what it exercises, how many replicas, and the script it runs on
 * a {@link ScenarioDriver}. After the script every replica syncs with every other until the cluster
 * is quiescent (or a round limit), reads, and the run is judged. Immutable.
 */
public record Scenario(
    String name, String description, int replicas, Consumer<ScenarioDriver> script) {
  /** The version of the list of scenarios; a scenario's meaning never changes within a version. */
  public static final String SUITE_VERSION = "conform-1";

  /** The fixed list, in the order the table prints it. */
  public static List<Scenario> all() {
    return List.of(
        new Scenario(
            "concurrent-puts", "two replicas write one key concurrently", 2, Scenario::concurrent),
        new Scenario(
            "delete-vs-concurrent-put",
            "a delete of a seen value races a concurrent put",
            2,
            Scenario::deleteVsPut),
        new Scenario(
            "partition-and-heal",
            "one replica cut off from two, both sides write, then heal",
            3,
            Scenario::partition),
        new Scenario(
            "duplicated-and-reordered",
            "a newer message arrives first, the older twice",
            2,
            Scenario::duplicated),
        new Scenario(
            "long-offline",
            "a replica misses 30 changes, writes offline, then returns",
            3,
            Scenario::longOffline),
        new Scenario(
            "clock-skew",
            "a causally later write from a clock an hour behind must win",
            2,
            Scenario::clockSkew));
  }

  private static void concurrent(ScenarioDriver d) {
    d.write(0, "k");
    d.write(1, "k");
    d.readAll();
  }

  private static void deleteVsPut(ScenarioDriver d) {
    d.write(0, "k", "j");
    d.sync(0, 1);
    d.delete(0, "k");
    d.write(1, "k");
    d.delete(1, "j");
    d.readAll();
  }

  private static void partition(ScenarioDriver d) {
    d.write(0, "a", "b");
    d.syncAll();
    d.write(0, "a");
    d.write(1, "a", "c");
    d.sync(1, 2);
    d.write(2, "b");
    d.sync(2, 1);
    d.read(0);
    d.read(1);
    d.delete(0, "c");
    d.readAll();
  }

  private static void duplicated(ScenarioDriver d) {
    d.write(0, "k");
    var older = d.capture(0, 1);
    d.write(0, "k");
    var newer = d.capture(0, 1);
    if (older == null || newer == null) {
      return;
    }
    d.deliver(newer, 0, 1);
    d.read(1);
    d.deliver(older, 0, 1);
    d.read(1);
    d.deliver(older, 0, 1);
    d.read(1);
  }

  private static void longOffline(ScenarioDriver d) {
    for (int i = 0; i < 30; i++) {
      d.write(i % 2, "k" + (i % 5));
      d.sync(i % 2, 1 - i % 2);
    }
    d.write(2, "k0", "k1");
    d.read(2);
    d.sync(2, 0);
    d.sync(0, 2);
    d.readAll();
  }

  private static void clockSkew(ScenarioDriver d) {
    d.skew(0, 3_600_000);
    d.write(0, "k");
    d.sync(0, 1);
    d.write(1, "k");
    d.sync(1, 0);
    d.readAll();
  }
}
