package dev.entente.cli;

import dev.entente.node.NodeMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente node --id ID --relay HOST:PORT --db FILE --control PORT [--protocol P]}. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Runs one replica.")
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--id", required = true, description = "Replica id.")
  private String id;

  @Option(names = "--relay", required = true, description = "HOST:PORT.")
  private String relay;

  @Option(names = "--db", required = true, description = "SQLite file.")
  private Path db;

  @Option(names = "--control", required = true, description = "Control API port.")
  private int control;

  @Option(names = "--protocol", defaultValue = "delta", description = "delta or rbsr.")
  private String protocol;

  @Override
  public Integer call() throws Exception {
    NodeMain.serveNode(id, relay, db, control, protocol);
    return 0;
  }
}
