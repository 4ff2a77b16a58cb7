package dev.entente.simulations.history;

import dev.entente.model.history.EdnText;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a history as EDN, one op map per line in Jepsen's {@code history.edn} layout: {@code
 * {:index 0, :time 12, :type :invoke, :process 3, :f :read, :value nil}} ({@code :time} only when
 * known, {@code :error} only when present, {@code :process :nemesis} for nemesis events). {@link
 * EdnHistoryReader} reads the output back to an equal {@link History}. Stateless and thread-safe.
 */
public final class EdnHistoryWriter {
  /** Writes {@code history} to {@code file} (UTF-8), replacing it. */
  public void write(History history, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out);
    }
  }

  /** Writes {@code history} to {@code out}; does not close it. */
  public void write(History history, Writer out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (HistoryOp op : history.ops()) {
      line.setLength(0);
      line.append("{:index ").append(op.index());
      if (op.timeNanos() >= 0) {
        line.append(", :time ").append(op.timeNanos());
      }
      line.append(", :type :").append(op.type().name().toLowerCase(java.util.Locale.ROOT));
      line.append(", :process ").append(op.isNemesis() ? ":nemesis" : Long.toString(op.process()));
      line.append(", :f ").append(op.f());
      line.append(", :value ");
      EdnText.append(line, op.value());
      if (op.error() != null) {
        line.append(", :error ");
        EdnText.append(line, op.error());
      }
      out.write(line.append("}\n").toString());
    }
    out.flush();
  }
}
