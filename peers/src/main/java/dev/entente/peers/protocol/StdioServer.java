package dev.entente.peers.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Serves a {@link MapReplica} over standard input and output: one request line in, one reply line
 * out, flushed at once, until input ends. Blank lines are ignored. This is what {@code entente
 * peer-stdio} runs.
 */
public final class StdioServer {
  private StdioServer() {}

  /** Serves {@code replica} on {@code in} and {@code out} until {@code in} ends. */
  public static void serve(MapReplica replica, InputStream in, OutputStream out)
      throws IOException {
    ReplicaServer server = new ReplicaServer(replica);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      writer.write(server.respond(line));
      writer.write('\n');
      writer.flush();
    }
  }
}
