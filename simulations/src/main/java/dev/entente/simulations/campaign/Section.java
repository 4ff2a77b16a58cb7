package dev.entente.simulations.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of the results document ({@code reports/SCHEMA.md}): the question, the setup, tables,
 * charts and the generated findings paragraph. Immutable.
 */
public record Section(
    String id,
    String title,
    String question,
    String setup,
    List<Table> tables,
    List<Chart> charts,
    String findings) {
  /** Copies the lists. */
  public Section {
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
  }

  /**
   * A table. Cells are {@link String}, {@link Long}, {@link Double} or null (rendered as a dash).
   */
  public record Table(String title, List<String> columns, List<List<Object>> rows, String notes) {
    /** Copies, keeping null cells. */
    public Table {
      columns = List.copyOf(columns);
      List<List<Object>> copy = new ArrayList<>();
      for (List<Object> r : rows) {
        copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
      }
      rows = Collections.unmodifiableList(copy);
    }
  }

  /** A chart: {@code bar} (grouped bars per category) or {@code line}. */
  public record Chart(
      String title,
      String kind,
      String xLabel,
      String yLabel,
      List<String> categories,
      List<Series> series) {
    /** Copies the lists. */
    public Chart {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
    }
  }

  /** One series: exactly one value per category, null where missing. */
  public record Series(String name, List<Double> values) {
    /** Copies, keeping nulls. */
    public Series {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** The section as JSON-ready maps and lists, fields in the schema's order. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    m.put("question", question);
    m.put("setup", setup);
    List<Object> ts = new ArrayList<>();
    for (Table t : tables) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("title", t.title());
      tm.put("columns", t.columns());
      tm.put("rows", t.rows());
      if (t.notes() != null) {
        tm.put("notes", t.notes());
      }
      ts.add(tm);
    }
    m.put("tables", ts);
    List<Object> cs = new ArrayList<>();
    for (Chart c : charts) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("title", c.title());
      cm.put("kind", c.kind());
      cm.put("xLabel", c.xLabel());
      cm.put("yLabel", c.yLabel());
      cm.put("categories", c.categories());
      List<Object> ss = new ArrayList<>();
      for (Series s : c.series()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("name", s.name());
        sm.put("values", s.values());
        ss.add(sm);
      }
      cm.put("series", ss);
      cs.add(cm);
    }
    m.put("charts", cs);
    m.put("findings", findings);
    return m;
  }
}
