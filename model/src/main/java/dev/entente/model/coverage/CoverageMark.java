package dev.entente.model.coverage;

import java.util.Locale;

/**
 * One coverage mark: a named interesting path in the code (FoundationDB's {@code CODE_PROBE},
 * TigerBeetle's marks). Marks are declared as enum constants in one catalogue per module, so the
 * compiler rejects a misspelt mark and a test can enumerate every mark; {@link MarkCatalogue}
 * gathers the catalogues and rejects names that clash. Implementations are immutable.
 */
public interface CoverageMark {
  /** The stable name: lowercase words joined by hyphens, unique across catalogues. */
  String markName();

  /** One line: the path the mark sits on. */
  String description();

  /**
   * The mark name of an enum constant: {@code HLC_REMOTE_AHEAD} becomes {@code hlc-remote-ahead}.
   */
  static String nameOf(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
