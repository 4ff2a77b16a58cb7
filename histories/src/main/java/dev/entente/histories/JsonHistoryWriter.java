package dev.entente.histories;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one JSON history writer: the whole history as one JSON array, one op object per line in the
 * shape {@link JsonOps} describes, {@code []} when empty. Bytes are canonical: equal histories give
 * equal files. {@link JsonHistoryReader} reads the output back to an equal {@link History}.
 * Stateless and thread-safe.
 */
public final class JsonHistoryWriter {
  /** Writes {@code history} to {@code file} (UTF-8), replacing it. */
  public void write(History history, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out);
    }
  }

  /** Writes {@code history} to {@code out}; does not close it. */
  public void write(History history, Writer out) throws IOException {
    List<HistoryOp> ops = history.ops();
    out.write('[');
    for (int i = 0; i < ops.size(); i++) {
      out.write(i == 0 ? "\n" : ",\n");
      out.write(JsonOps.object(ops.get(i)));
    }
    out.write(ops.isEmpty() ? "]\n" : "\n]\n");
    out.flush();
  }

  /** The whole file as text. */
  public String text(History history) {
    StringWriter out = new StringWriter();
    try {
      write(history, out);
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    return out.toString();
  }
}
