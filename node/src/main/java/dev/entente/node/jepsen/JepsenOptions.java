package dev.entente.node.jepsen;

import dev.entente.model.Check;
import dev.entente.node.replica.NodeMutant;
import dev.entente.node.replica.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Jepsen run's settings. Immutable.
 *
 * @param nodes how many node processes (1..9)
 * @param seconds how long the clients and the nemesis run before the heal (1..3600)
 * @param faults the fault families the nemesis draws from
 * @param protocol the nodes' sync protocol
 * @param out the run directory, or null for {@code runs/jepsen-<time>}
 * @param seed seeds the clients' and the nemesis' choices (the processes' timing is real)
 * @param convergeSeconds how long to wait for convergence after the heal
 * @param javaCommand how to start a child JVM up to its main class's arguments; empty means this
 *     JVM's java and class path with {@code dev.entente.node.NodeMain}
 * @param mutant the nodes' deliberately broken behaviour, {@link NodeMutant#NONE} for real ones
 */
public record JepsenOptions(
    int nodes,
    int seconds,
    Set<Fault> faults,
    Protocol protocol,
    @Nullable Path out,
    long seed,
    int convergeSeconds,
    List<String> javaCommand,
    NodeMutant mutant) {
  /** Validates and copies. */
  public JepsenOptions {
    Check.argument(nodes >= 1 && nodes <= 9, "--nodes must be in 1..9, got %d", nodes);
    Check.argument(seconds >= 1 && seconds <= 3600, "--time must be in 1..3600, got %d", seconds);
    Check.argument(convergeSeconds >= 1, "convergeSeconds must be >= 1, got %d", convergeSeconds);
    faults = Set.copyOf(faults);
    javaCommand = List.copyOf(javaCommand);
  }

  /** Options as the command line gives them (30 s to converge, this JVM's java for children). */
  public static JepsenOptions of(
      int nodes, int seconds, String faults, String protocol, @Nullable String out, long seed) {
    return new JepsenOptions(
        nodes,
        seconds,
        Fault.parseList(faults),
        Protocol.parse(protocol),
        out == null ? null : Path.of(out),
        seed,
        30,
        List.of(),
        NodeMutant.NONE);
  }

  /** Options from {@code NodeMain jepsen --nodes N --time S --faults F [--protocol P] ...}. */
  public static JepsenOptions parse(Map<String, String> o) {
    String out = o.get("out");
    return new JepsenOptions(
        Integer.parseInt(o.getOrDefault("nodes", "3")),
        Integer.parseInt(o.getOrDefault("time", "20")),
        Fault.parseList(o.getOrDefault("faults", "kill,partition")),
        Protocol.parse(o.getOrDefault("protocol", "delta")),
        out == null ? null : Path.of(out),
        Long.parseLong(o.getOrDefault("seed", "1")),
        Integer.parseInt(o.getOrDefault("converge", "30")),
        List.of(),
        NodeMutant.parse(o.getOrDefault("mutant", "none")));
  }
}
