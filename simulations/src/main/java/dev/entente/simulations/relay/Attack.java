package dev.entente.simulations.relay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the adversary does in a relay run: nine things the untrusted relay can do to the frames it
 * stores and forwards, and one thing a Byzantine member does ({@link #EQUIVOCATE}). Named on the
 * command line by {@link #optionName()} ({@code entente simulate --topology relay --attacks LIST}).
 */
public enum Attack {
  /** The relay loses pushes (never acknowledged) and whole pull responses. */
  DROP,
  /** The relay shows a stored frame only one or two rounds after it stored it. */
  DELAY,
  /** The relay serves frames in a shuffled order, so envelopes arrive before their links. */
  REORDER,
  /** The relay serves old frames again: envelopes and signed heads a client already has. */
  REPLAY,
  /** The relay flips a byte of some frames it serves. */
  TAMPER,
  /** The relay injects envelopes and heads it made up, signed with a key that is no member's. */
  FORGE,
  /** The relay never serves one author's frames to anyone else. */
  WITHHOLD,
  /** The relay serves one client an older store: nothing stored after the attack began. */
  ROLLBACK,
  /** The relay splits the clients in two and shows each side only its own new frames. */
  FORK,
  /**
   * A Byzantine member signs two different changes with one dot, and changes whose hash links lie
   * about what they had seen.
   */
  EQUIVOCATE;

  /** True for the attacks that hide honest frames for a while (what freshness must catch). */
  public boolean hidesFrames() {
    return this == WITHHOLD || this == ROLLBACK || this == FORK;
  }

  /** The option name: the constant in lowercase. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses one option name. */
  public static Attack parse(String name) {
    for (Attack a : values()) {
      if (a.optionName().equals(name)) {
        return a;
      }
    }
    List<String> names = new ArrayList<>();
    for (Attack a : values()) {
      names.add(a.optionName());
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not an attack; expected one of " + String.join(", ", names));
  }

  /** Parses a comma-separated list ({@code none} or empty for no attack). */
  public static Set<Attack> parseList(String list) {
    EnumSet<Attack> out = EnumSet.noneOf(Attack.class);
    if (list.isBlank() || list.strip().equals("none")) {
      return Collections.unmodifiableSet(out);
    }
    for (String part : list.split(",", -1)) {
      out.add(parse(part.strip()));
    }
    return Collections.unmodifiableSet(out);
  }

  /** The option names of {@code attacks}, comma-separated in declaration order, or {@code none}. */
  public static String describe(Set<Attack> attacks) {
    if (attacks.isEmpty()) {
      return "none";
    }
    List<String> names = new ArrayList<>();
    for (Attack a : values()) {
      if (attacks.contains(a)) {
        names.add(a.optionName());
      }
    }
    return String.join(",", names);
  }
}
