package dev.entente.impl.sync.merkle;

import dev.entente.model.Check;

/**
 * The parameters both Merkle peers share.
 *
 * @param idListThreshold a mismatching bucket with fewer of the sender's items than this is sent as
 *     its id list instead of split
 * @param frameLimit the largest frame in bytes a peer sends; larger replies become several frames
 */
public record MerkleConfig(int idListThreshold, int frameLimit) {
  /** The smallest frame limit: room for a salt and a full split or id list. */
  public static final int MIN_FRAME_LIMIT = 4096;

  /** Id lists below 32 items, 64 KiB frames, as RBSR's defaults. */
  public static final MerkleConfig DEFAULT = new MerkleConfig(32, 65536);

  /** Checks the ranges. */
  public MerkleConfig {
    Check.argument(idListThreshold >= 1 && idListThreshold <= 64, "idListThreshold in 1..64");
    Check.argument(frameLimit >= MIN_FRAME_LIMIT, "frameLimit must be at least 4096");
  }
}
