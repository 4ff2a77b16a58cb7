package dev.entente.cli;

import dev.entente.peers.conform.ConformSuite;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code entente conform --peer P}: the conformance table; exit 0 all pass, 1 not, 2 usage. */
@Command(name = "conform", description = "Runs the conformance scenarios against a peer.")
final class ConformCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Option(names = "--peer", required = true, description = "entente, yjs, ..., cmd:\"<command>\".")
  private String peer;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Only this scenario.")
  private @Nullable String scenario;

  @Override
  public Integer call() {
    return ConformSuite.run(peer, scenario, parent.out(), parent.err());
  }
}
