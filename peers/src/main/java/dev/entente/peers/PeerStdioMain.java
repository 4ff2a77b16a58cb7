package dev.entente.peers;

import dev.entente.peers.adapters.EntenteReplica;
import dev.entente.peers.protocol.StdioServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Entente's replica on standard input and output ({@code entente peer-stdio}): serves one replica
 * until input ends. Also runnable on its own ({@code java -cp ... dev.entente.peers.PeerStdioMain})
 * so tests start the same server without the command line.
 */
public final class PeerStdioMain {
  private PeerStdioMain() {}

  /** Serves one Entente replica on stdin and stdout. */
  public static void main(String[] args) throws IOException {
    serve(System.in, System.out);
  }

  /** Serves one Entente replica on {@code in} and {@code out} until {@code in} ends; returns 0. */
  public static int serve(InputStream in, OutputStream out) throws IOException {
    StdioServer.serve(new EntenteReplica(), in, out);
    return 0;
  }
}
