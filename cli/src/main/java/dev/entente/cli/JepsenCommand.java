package dev.entente.cli;

import dev.entente.node.jepsen.JepsenOptions;
import dev.entente.node.jepsen.JepsenRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code entente jepsen}: real processes and faults (docs/jepsen.md); exit 0, 1 or 4. */
@Command(name = "jepsen", mixinStandardHelpOptions = true, description = "Runs a Jepsen test.")
final class JepsenCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Option(names = "--nodes", defaultValue = "3", description = "Nodes (1..9).")
  private int nodes;

  @Option(names = "--time", defaultValue = "20", description = "Seconds of faults.")
  private int time;

  @Option(names = "--faults", defaultValue = "kill,partition", description = "Fault list.")
  private String faults;

  @Option(names = "--protocol", defaultValue = "delta", description = "delta or rbsr.")
  private String protocol;

  @Option(names = "--out", description = "Run directory.")
  private String out;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the clients and nemesis.")
  private long seed;

  @Override
  public Integer call() {
    JepsenOptions o = JepsenOptions.of(nodes, time, faults, protocol, out, seed);
    return JepsenRun.main(o, parent.out()).exitStatus();
  }
}
