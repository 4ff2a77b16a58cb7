package dev.entente.model.coverage;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every mark of a set of catalogues (one enum per module), by name. Building one checks that each
 * name is lowercase words joined by hyphens, that no two marks share a name and that each has a
 * description, so a mark cannot be declared twice or silently misspelt. Immutable.
 */
public final class MarkCatalogue {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final SortedMap<String, CoverageMark> byName;

  private MarkCatalogue(SortedMap<String, CoverageMark> byName) {
    this.byName = byName;
  }

  /**
   * The catalogue of {@code groups}' marks (typically each module's {@code values()}).
   *
   * @throws IllegalArgumentException if a name is malformed or taken twice, or a description is
   *     blank
   */
  @SafeVarargs
  public static MarkCatalogue of(Collection<? extends CoverageMark>... groups) {
    SortedMap<String, CoverageMark> byName = new TreeMap<>();
    for (Collection<? extends CoverageMark> group : groups) {
      for (CoverageMark m : group) {
        String name = m.markName();
        Check.argument(
            name != null && NAME.matcher(name).matches(),
            "coverage mark %s: name '%s' is not lowercase words joined by hyphens",
            m,
            name);
        Check.argument(
            m.description() != null && !m.description().isBlank(),
            "coverage mark '%s' has no description",
            name);
        CoverageMark previous = byName.putIfAbsent(name, m);
        Check.argument(
            previous == null, "coverage mark '%s' is declared twice: %s and %s", name, previous, m);
      }
    }
    return new MarkCatalogue(byName);
  }

  /** Every mark, sorted by name. */
  public List<CoverageMark> all() {
    return List.copyOf(byName.values());
  }

  /** Every mark name, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /**
   * The mark called {@code name}.
   *
   * @throws IllegalArgumentException if no mark has that name
   */
  public CoverageMark byName(String name) {
    CoverageMark m = name == null ? null : byName.get(name);
    if (m == null) {
      throw new IllegalArgumentException(
          "unknown coverage mark '" + name + "'; known marks: " + byName.keySet());
    }
    return m;
  }

  /**
   * Checks that every key of {@code counts} names a mark of this catalogue, for counts read back
   * from a file or another process.
   *
   * @throws IllegalArgumentException naming the first unknown mark
   */
  public void requireKnown(Map<String, Long> counts) {
    for (String name : counts.keySet()) {
      byName(name);
    }
  }

  /** The marks {@code counts} has no positive count for, sorted by name. */
  public List<String> unreached(Map<String, Long> counts) {
    List<String> out = new ArrayList<>();
    for (String name : byName.keySet()) {
      Long n = counts.get(name);
      if (n == null || n <= 0) {
        out.add(name);
      }
    }
    return out;
  }
}
