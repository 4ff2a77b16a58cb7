package dev.entente.campaign.report;

import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.EmptyCell;
import dev.entente.reports.ReportDocument.NumberCell;
import dev.entente.reports.ReportDocument.TextCell;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Turns the campaign's values into the shared schema's table cells: text as text, integers and
 * doubles as exact decimals (a double keeps the digits of its shortest representation, so {@code
 * 2.5} is {@code 2.5}), null as the empty cell. Stateless.
 */
public final class Cells {
  private Cells() {}

  /**
   * The cell of {@code value}: a {@link String}, {@link Long}, {@link Integer}, {@link Double} or
   * null.
   *
   * @throws IllegalArgumentException for any other type, naming it
   */
  public static Cell of(@Nullable Object value) {
    if (value == null) {
      return new EmptyCell();
    }
    if (value instanceof String s) {
      return new TextCell(s);
    }
    if (value instanceof Long || value instanceof Integer) {
      return new NumberCell(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof Double d) {
      return new NumberCell(BigDecimal.valueOf(d));
    }
    throw new IllegalArgumentException(
        "a table cell must be text, an integer, a double or null, was " + value.getClass());
  }
}
