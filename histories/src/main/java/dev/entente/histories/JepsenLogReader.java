package dev.entente.histories;

import dev.entente.model.history.History;
import dev.entente.model.history.Keyword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text logs of Jepsen 0.0.x (the etcd logs porcupine and ahorn's checker use): one op per
 * line, {@code INFO jepsen.util - <process> :<type> :<f> <value>}, fields separated by tabs or
 * spaces, the value in EDN ({@code nil}, {@code 3}, {@code [1 4]}, {@code :timed-out}). Lines
 * without the {@code jepsen.util -} marker (other log output, blank lines) are skipped; a marked
 * line that does not parse is a {@link HistoryParseException} naming it. Ops get indices in file
 * order and no time. Stateless and thread-safe.
 */
public final class JepsenLogReader {
  private static final Pattern MARKER = Pattern.compile("\\bjepsen\\.util\\s+-\\s+");
  private static final Pattern OP = Pattern.compile("(\\S+)\\s+:([a-z]+)\\s+(:\\S+)\\s*(.*?)\\s*");

  /** Reads the log in {@code file} (UTF-8). */
  public History read(Path file) throws HistoryParseException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new HistoryParseException(file.toString(), 0, 0, "cannot read: " + e, e);
    }
  }

  /** Reads a log from {@code in}; {@code source} names it in errors. Does not close {@code in}. */
  public History read(Reader in, String source) throws HistoryParseException {
    BufferedReader lines = new BufferedReader(in);
    List<OpMaps.Located> ops = new ArrayList<>();
    long lineNumber = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        Matcher marker = MARKER.matcher(line);
        if (marker.find()) {
          String rest = line.substring(marker.end());
          ops.add(new OpMaps.Located(op(source, lineNumber, rest), lineNumber, marker.end() + 1));
        }
      }
    } catch (IOException e) {
      throw new HistoryParseException(source, lineNumber, 0, "cannot read: " + e, e);
    }
    return OpMaps.history(source, ops);
  }

  private static Map<Keyword, Object> op(String source, long lineNumber, String text)
      throws HistoryParseException {
    Matcher m = OP.matcher(text);
    if (!m.matches()) {
      throw new HistoryParseException(
          source, lineNumber, 0, "expected '<process> :<type> :<f> <value>', found: " + text);
    }
    Map<Keyword, Object> op = new LinkedHashMap<>();
    try {
      String process = m.group(1);
      op.put(Keyword.of("process"), EdnHistoryReader.readValue(process));
      op.put(Keyword.of("type"), Keyword.of(m.group(2)));
      op.put(Keyword.of("f"), EdnHistoryReader.readValue(m.group(3)));
      op.put(
          Keyword.of("value"),
          m.group(4).isEmpty() ? null : EdnHistoryReader.readValue(m.group(4)));
    } catch (IllegalArgumentException e) {
      throw new HistoryParseException(
          source, lineNumber, 0, Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
    return op;
  }
}
