package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;

/**
 * The protocol parameters both peers share.
 *
 * @param branching how many sub-ranges a mismatching range splits into (Negentropy: 16)
 * @param idListThreshold a range with fewer items than this is sent as its id list instead
 * @param frameLimit the largest frame in bytes a peer sends; larger replies become several frames
 *     of the same batch
 */
public record RbsrConfig(int branching, int idListThreshold, int frameLimit) {
  /** The smallest frame limit: room for a salt, a skip and one full id list. */
  public static final int MIN_FRAME_LIMIT = 4096;

  /** Negentropy's choices: 16-way split, id lists below 32 items, 64 KiB frames. */
  public static final RbsrConfig DEFAULT = new RbsrConfig(16, 32, 65536);

  /** Checks the ranges. */
  public RbsrConfig {
    Check.argument(branching >= 2 && branching <= 256, "branching must be in 2..256");
    Check.argument(
        idListThreshold >= branching && idListThreshold <= 64,
        "idListThreshold must be in branching..64");
    Check.argument(frameLimit >= MIN_FRAME_LIMIT, "frameLimit must be at least 4096");
  }
}
