package dev.entente.impl.seal;

/**
 * Seam: may a writer seal under an epoch read by {@code readers}, given the members it knows now?
 * The standard policy demands equality: the epoch's readers are exactly today's members, so a
 * removal (once delivered to the writer) and an addition both make the writer rotate before its
 * next frame. A mutant that ignores removals keeps sealing to a removed member.
 */
@FunctionalInterface
public interface RotationPolicy {
  /** True if a frame may be sealed to {@code readers} when the members are {@code membersNow}. */
  boolean usable(Roster readers, Roster membersNow);

  /** Readers must equal the members now (ids and agreement keys). */
  static RotationPolicy standard() {
    return (readers, membersNow) -> readers.equals(membersNow);
  }
}
