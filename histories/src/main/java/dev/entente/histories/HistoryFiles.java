package dev.entente.histories;

import dev.entente.model.history.History;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a history file in whichever format it is in. The extension decides first ({@code .edn};
 * {@code .json}, {@code .jsonl}, {@code .ndjson}; {@code .log}); otherwise the content does: a
 * {@code jepsen.util -} line means a Jepsen text log, an op map opening with {@code {:} means EDN,
 * with <code>{"</code> JSON. Stateless and thread-safe.
 */
public final class HistoryFiles {
  /** The formats this class reads. */
  public enum Format {
    EDN,
    JSON,
    JEPSEN_LOG
  }

  private HistoryFiles() {}

  /** Reads {@code file}, detecting its format. */
  public static History read(Path file) throws HistoryParseException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HistoryParseException(file.toString(), 0, 0, "cannot read: " + e, e);
    }
    return read(text, file.toString(), detect(file.getFileName().toString(), text));
  }

  /** Reads {@code text} in {@code format}; {@code source} names it in errors. */
  public static History read(String text, String source, Format format)
      throws HistoryParseException {
    if (format == Format.EDN && text.isBlank()) {
      // No forms: an empty history, without starting the Clojure runtime (about 0.5 s cold).
      return new History(List.of());
    }
    Reader in = new StringReader(text);
    return switch (format) {
      case EDN -> new EdnHistoryReader().read(in, source);
      case JSON -> new JsonHistoryReader().read(in, source);
      case JEPSEN_LOG -> new JepsenLogReader().read(in, source);
    };
  }

  /** The format of a file called {@code name} holding {@code text}. */
  public static Format detect(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".edn")) {
      return Format.EDN;
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Format.JSON;
    }
    if (lower.endsWith(".log")) {
      return Format.JEPSEN_LOG;
    }
    return sniff(text);
  }

  private static Format sniff(String text) {
    for (String line : text.lines().limit(1000).toList()) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith(";")) {
        continue;
      }
      if (t.contains("jepsen.util -") || t.contains("jepsen.util\t-")) {
        return Format.JEPSEN_LOG;
      }
      String opening = t.replaceFirst("^[\\[(\\s]*", "");
      if (opening.startsWith("{\"")) {
        return Format.JSON;
      }
      if (opening.startsWith("{")) {
        return Format.EDN;
      }
    }
    return Format.EDN;
  }
}
