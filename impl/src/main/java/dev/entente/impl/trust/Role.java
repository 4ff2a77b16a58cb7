package dev.entente.impl.trust;

/**
 * A member's role in a document. Ordered by privilege: {@code WRITER < ADMIN < OWNER}.
 *
 * <ul>
 *   <li>{@link #OWNER}: exactly one, the device named in the {@link DocumentGenesis}; it can never
 *       be added, re-roled or removed. It may add and remove admins and writers.
 *   <li>{@link #ADMIN}: may add writers and remove writers (and non-members, a no-op).
 *   <li>{@link #WRITER}: may write data, not membership.
 * </ul>
 */
public enum Role {
  /** Writes data only. */
  WRITER,
  /** Writes data and manages writers. */
  ADMIN,
  /** Created the document; manages admins and writers. */
  OWNER;

  /** The lowercase name used in membership changes. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
