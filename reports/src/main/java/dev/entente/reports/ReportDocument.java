package dev.entente.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's result document ({@code results.json}, schema version 1), as described in {@code
 * reports/SCHEMA.md}. The renderer knows nothing about CRDTs: it renders any document of this
 * shape.
 *
 * <p>Immutable and thread-safe: every list is an unmodifiable copy. Fields that the schema marks
 * optional are {@code null} when absent; everything else is non-null. The constructors check the
 * structural invariants (one cell per column, one value per category) and throw {@link
 * IllegalArgumentException} when a caller breaks them; {@link ReportReader} checks the same rules
 * on untrusted JSON first and names the offending field and its path.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param title the report's title
 * @param command the exact command that produced the results
 * @param machine where the results were measured
 * @param mode optional: the campaign mode, e.g. {@code quick}
 * @param seeds optional: the seed range the campaign ran
 * @param summary optional: a paragraph shown under the header (headline findings)
 * @param sections the experiments, in the order they are rendered
 */
public record ReportDocument(
    int schemaVersion,
    String title,
    String command,
    Machine machine,
    @Nullable String mode,
    @Nullable Seeds seeds,
    @Nullable String summary,
    List<Section> sections) {

  /** The one schema version this renderer reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the invariants and copies the list. */
  public ReportDocument {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion " + schemaVersion + " is not supported; this renderer reads 1");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(machine, "machine");
    sections = List.copyOf(sections);
    Set<String> ids = new HashSet<>();
    for (Section section : sections) {
      if (!ids.add(section.id())) {
        throw new IllegalArgumentException("duplicate section id: " + section.id());
      }
    }
  }

  /**
   * One anchor per section, in section order: the id with every character outside {@code
   * [A-Za-z0-9_-]} replaced by {@code -}, and the section's 1-based position appended when that
   * would collide with an earlier anchor. Used for HTML ids and chart file names, so it is stable.
   */
  public List<String> sectionAnchors() {
    List<String> anchors = new ArrayList<>(sections.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < sections.size(); i++) {
      String anchor = sections.get(i).id().replaceAll("[^A-Za-z0-9_-]", "-");
      if (anchor.isEmpty() || !taken.add(anchor)) {
        anchor = anchor + "-" + (i + 1);
        taken.add(anchor);
      }
      anchors.add(anchor);
    }
    return Collections.unmodifiableList(anchors);
  }

  /** How many charts the whole document has. */
  public int chartCount() {
    return sections.stream().mapToInt(section -> section.charts().size()).sum();
  }

  /** How many tables the whole document has. */
  public int tableCount() {
    return sections.stream().mapToInt(section -> section.tables().size()).sum();
  }

  /**
   * The machine the results were measured on.
   *
   * @param jdk the Java runtime version, e.g. {@code 17.0.15}
   * @param cores available processors, at least 1
   * @param os optional: operating system and architecture
   * @param commit the source commit
   * @param dirty optional: whether the work tree had uncommitted changes
   */
  public record Machine(
      String jdk, int cores, @Nullable String os, String commit, @Nullable Boolean dirty) {
    /** Checks the invariants. */
    public Machine {
      Objects.requireNonNull(jdk, "jdk");
      Objects.requireNonNull(commit, "commit");
      if (cores < 1) {
        throw new IllegalArgumentException("cores must be at least 1: " + cores);
      }
    }
  }

  /**
   * The seed range a campaign ran: {@code first} to {@code first + count - 1}.
   *
   * @param first the first seed
   * @param count how many consecutive seeds, at least 1
   */
  public record Seeds(long first, long count) {
    /** Checks the invariants. */
    public Seeds {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1: " + count);
      }
    }
  }

  /**
   * One experiment: the question it answers, its setup, its tables and charts, and findings
   * generated from the numbers.
   *
   * @param id stable identifier, unique in the document
   * @param title heading
   * @param question what the experiment answers
   * @param setup seeds, faults and sizes
   * @param tables possibly empty
   * @param charts possibly empty
   * @param findings one paragraph generated from the data (blank lines separate paragraphs)
   */
  public record Section(
      String id,
      String title,
      String question,
      String setup,
      List<Table> tables,
      List<Chart> charts,
      String findings) {
    /** Checks the invariants and copies the lists. */
    public Section {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(setup, "setup");
      Objects.requireNonNull(findings, "findings");
      tables = List.copyOf(tables);
      charts = List.copyOf(charts);
    }
  }

  /**
   * A table: a header row and rows with exactly one cell per column.
   *
   * @param title heading
   * @param columns column headers, at least one
   * @param rows the rows, possibly none
   * @param notes optional sentence shown under the table
   */
  public record Table(
      String title, List<String> columns, List<List<Cell>> rows, @Nullable String notes) {
    /** Checks the invariants and copies the lists. */
    public Table {
      Objects.requireNonNull(title, "title");
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one column: " + title);
      }
      List<List<Cell>> copies = new ArrayList<>(rows.size());
      for (List<Cell> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "row has " + row.size() + " cells, table has " + columns.size() + " columns");
        }
        copies.add(List.copyOf(row));
      }
      rows = Collections.unmodifiableList(copies);
    }
  }

  /** A table cell: a string, a number, or missing (JSON {@code null}). */
  public sealed interface Cell permits TextCell, NumberCell, EmptyCell {
    /** The cell as it renders: text as is, numbers by {@link NumberFormats}, empty as a dash. */
    String text();
  }

  /**
   * A cell holding text.
   *
   * @param value the text, rendered as is (escaped by each renderer)
   */
  public record TextCell(String value) implements Cell {
    /** Checks the invariant. */
    public TextCell {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /**
   * A cell holding a number; renderers right-align it. Two cells are equal when their numbers are
   * ({@code 20}, {@code 20.0} and {@code 2e1} are one number and render alike), so a document
   * written and read back equals the original however its numbers were spelled.
   *
   * @param value the exact value read from JSON
   */
  public record NumberCell(BigDecimal value) implements Cell {
    /** Checks the invariant. */
    public NumberCell {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NumberCell other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String text() {
      return NumberFormats.format(value);
    }
  }

  /** A missing value (JSON {@code null}), rendered as an em dash. */
  public record EmptyCell() implements Cell {
    @Override
    public String text() {
      return NumberFormats.MISSING;
    }
  }

  /** How a chart draws its series. */
  public enum ChartKind {
    /** Grouped bars: one group per category, one bar per series. */
    BAR,
    /** Lines over the categories in order. */
    LINE,
    /**
     * Box plots of per-run values: one box per category and series ({@link Series#boxes}), the
     * whiskers at the minimum and maximum run, each labelled with that run's seed.
     */
    BOX;

    /** The name in JSON: {@code bar} or {@code line}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A chart over named categories.
   *
   * @param title heading drawn above the plot
   * @param kind bar or line
   * @param xLabel optional: the category axis label
   * @param yLabel optional: the value axis label
   * @param categories distinct category names, at least one, in order
   * @param series distinctly named series, at least one, each with one value per category
   */
  public record Chart(
      String title,
      ChartKind kind,
      @Nullable String xLabel,
      @Nullable String yLabel,
      List<String> categories,
      List<Series> series) {
    /** Checks the invariants and copies the lists. */
    public Chart {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(kind, "kind");
      categories = List.copyOf(categories);
      series = List.copyOf(series);
      if (categories.isEmpty() || series.isEmpty()) {
        throw new IllegalArgumentException("a chart needs categories and series: " + title);
      }
      if (new HashSet<>(categories).size() != categories.size()) {
        throw new IllegalArgumentException("duplicate category in chart: " + title);
      }
      Set<String> names = new HashSet<>();
      for (Series one : series) {
        if (one.values().size() != categories.size()) {
          throw new IllegalArgumentException(
              "series "
                  + one.name()
                  + " has "
                  + one.values().size()
                  + " values for "
                  + categories.size()
                  + " categories");
        }
        if (!names.add(one.name())) {
          throw new IllegalArgumentException("duplicate series name in chart: " + one.name());
        }
        if (kind == ChartKind.BOX && one.boxes().size() != categories.size()) {
          throw new IllegalArgumentException(
              "box series " + one.name() + " needs one box (or null) per category: " + title);
        }
      }
    }

    /** Whether every present value is a whole number (the value axis then ticks in integers). */
    public boolean allValuesIntegral() {
      return series.stream()
          .flatMap(one -> one.values().stream())
          .filter(Objects::nonNull)
          .allMatch(value -> value == Math.rint(value));
    }
  }

  /**
   * One named series of a chart.
   *
   * @param name shown in the legend
   * @param values one per category, {@code null} where missing; finite (for a box chart, each box's
   *     median)
   * @param boxes for a box chart, one per category ({@code null} where there were no runs); empty
   *     for other kinds
   */
  public record Series(String name, List<Double> values, List<Box> boxes) {
    /** Checks the invariants and copies the lists (which may hold nulls). */
    public Series {
      Objects.requireNonNull(name, "name");
      for (Double value : values) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
          throw new IllegalArgumentException("series " + name + " has a non-finite value");
        }
      }
      values = Collections.unmodifiableList(new ArrayList<>(values));
      boxes = Collections.unmodifiableList(new ArrayList<>(boxes));
    }

    /** A series of a bar or line chart: values only, no boxes. */
    public Series(String name, List<Double> values) {
      this(name, values, List.of());
    }
  }

  /**
   * The distribution of one category's per-run values: the five numbers of a box plot and the seeds
   * of the runs at the extremes, so a reader can replay them.
   *
   * @param min the smallest value
   * @param q1 the 25th percentile
   * @param median the 50th percentile
   * @param q3 the 75th percentile
   * @param max the largest value
   * @param minSeed the seed of a run with the smallest value (the lowest such seed)
   * @param maxSeed the seed of a run with the largest value (the lowest such seed)
   * @param runs how many runs, at least 1
   */
  public record Box(
      double min,
      double q1,
      double median,
      double q3,
      double max,
      long minSeed,
      long maxSeed,
      long runs) {
    /** Checks the invariants: finite, ordered, at least one run. */
    public Box {
      double[] ordered = {min, q1, median, q3, max};
      for (int i = 0; i < ordered.length; i++) {
        if (!Double.isFinite(ordered[i]) || (i > 0 && ordered[i] < ordered[i - 1])) {
          throw new IllegalArgumentException(
              "a box needs finite min <= q1 <= median <= q3 <= max: "
                  + List.of(min, q1, median, q3, max));
        }
      }
      if (runs < 1) {
        throw new IllegalArgumentException("a box needs at least one run: " + runs);
      }
    }
  }
}
