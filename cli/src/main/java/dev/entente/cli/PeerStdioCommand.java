package dev.entente.cli;

import dev.entente.peers.PeerStdioMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code entente peer-stdio}: Entente's replica behind the replica protocol on stdin/stdout. */
@Command(name = "peer-stdio", description = "Serves an Entente replica over the replica protocol.")
final class PeerStdioCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Override
  public Integer call() throws Exception {
    return PeerStdioMain.serve(parent.in(), parent.out());
  }
}
