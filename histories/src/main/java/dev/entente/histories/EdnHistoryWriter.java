package dev.entente.histories;

import dev.entente.model.history.EdnText;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one EDN history writer: one op map per line in Jepsen's {@code history.edn} layout, {@code
 * {:index 0, :time 12, :type :invoke, :process 3, :f :read, :value nil}} ({@code :time} only when
 * known, {@code :error} only when present, {@code :process :nemesis} for nemesis events). Values
 * are written in canonical order (map entries and set elements sorted by their EDN text), so equal
 * histories give equal bytes. {@link EdnHistoryReader} reads the output back to an equal {@link
 * History}. Stateless and thread-safe.
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
    for (HistoryOp op : history.ops()) {
      out.write(line(op));
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

  /** One op as its line of EDN, without the newline. */
  public static String line(HistoryOp op) {
    StringBuilder line = new StringBuilder("{:index ").append(op.index());
    if (op.timeNanos() >= 0) {
      line.append(", :time ").append(op.timeNanos());
    }
    line.append(", :type :").append(op.type().name().toLowerCase(Locale.ROOT));
    line.append(", :process ").append(op.isNemesis() ? ":nemesis" : Long.toString(op.process()));
    line.append(", :f ").append(op.f());
    line.append(", :value ");
    EdnText.append(line, CanonicalOrder.of(op.value()));
    if (op.error() != null) {
      line.append(", :error ");
      EdnText.append(line, CanonicalOrder.of(op.error()));
    }
    return line.append('}').toString();
  }
}
