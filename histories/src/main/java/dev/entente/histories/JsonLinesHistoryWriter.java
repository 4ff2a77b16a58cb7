package dev.entente.histories;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one JSON Lines history writer: one op object per line, in the shape {@link JsonOps} describes
 * (elle-cli's). Bytes are canonical: equal histories give equal files. {@link JsonHistoryReader}
 * reads the output back to an equal {@link History}. Stateless and thread-safe.
 */
public final class JsonLinesHistoryWriter {
  /** Writes {@code history} to {@code file} (UTF-8), replacing it. */
  public void write(History history, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out);
    }
  }

  /** Writes {@code history} to {@code out}; does not close it. */
  public void write(History history, Writer out) throws IOException {
    for (HistoryOp op : history.ops()) {
      out.write(JsonOps.object(op));
      out.write('\n');
    }
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
