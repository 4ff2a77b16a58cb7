package dev.entente.campaign.report;

import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds a table of the shared schema from typed rows: each column is a header and a function of
 * the row, so a column is added or moved in one place and no code reads a cell back by position.
 * Not thread-safe; the built table is immutable.
 *
 * @param <R> the row type, usually a per-variant summary record
 */
public final class TableBuilder<R> {
  private final String title;
  private final List<String> headers = new ArrayList<>();
  private final List<Function<R, Object>> cells = new ArrayList<>();
  private @Nullable String notes;

  private TableBuilder(String title) {
    this.title = title;
  }

  /** A table titled {@code title} with no columns yet. */
  public static <R> TableBuilder<R> titled(String title) {
    return new TableBuilder<>(title);
  }

  /** Adds a column; {@code cell} returns text, an integer, a double or null ({@link Cells#of}). */
  public TableBuilder<R> column(String header, Function<R, Object> cell) {
    headers.add(header);
    cells.add(cell);
    return this;
  }

  /** The sentence under the table. */
  public TableBuilder<R> notes(String text) {
    this.notes = text;
    return this;
  }

  /** The table with one row per element of {@code rows}, in order. */
  public Table build(List<R> rows) {
    List<List<Cell>> out = new ArrayList<>();
    for (R r : rows) {
      List<Cell> row = new ArrayList<>();
      for (Function<R, Object> f : cells) {
        row.add(Cells.of(f.apply(r)));
      }
      out.add(row);
    }
    return new Table(title, headers, out, notes);
  }
}
