package dev.entente.cli;

import dev.entente.node.NodeMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente relay --port P --db FILE}: the store-and-forward relay on 127.0.0.1. */
@Command(name = "relay", mixinStandardHelpOptions = true, description = "Runs the relay.")
final class RelayCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, description = "Loopback port (0: any).")
  private int port;

  @Option(names = "--db", required = true, description = "SQLite file.")
  private Path db;

  @Override
  public Integer call() throws Exception {
    NodeMain.serveRelay(port, db);
    return 0;
  }
}
