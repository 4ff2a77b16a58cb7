package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;

/**
 * Why a frame did not open. Variants up to {@link Tampered} are what a relay can cause (it controls
 * the bytes); {@link HeaderDisagrees}, {@link BadPadding} and {@link BadEnvelope} pass the AEAD
 * tag, so the epoch's key holder made them: they blame the sealer, and with the standard {@link
 * AdBinder} a relay can never produce them.
 */
public sealed interface FrameRejection {
  /** One line: what was refused and why. */
  String describe();

  /** True if only a holder of the epoch key could have made this frame (the sealer is to blame). */
  default boolean blamesSealer() {
    return false;
  }

  /** Not a version-1 frame. */
  record Malformed(int offset, String field, String reason) implements FrameRejection {
    @Override
    public String describe() {
      return "malformed frame at byte " + offset + " (" + field + "): " + reason;
    }
  }

  /** A frame of another document. */
  record WrongDocument(Hash32 expected, Hash32 actual) implements FrameRejection {
    @Override
    public String describe() {
      return "frame for document " + actual + ", not " + expected;
    }
  }

  /**
   * This device holds no key for the frame's epoch: it was never a reader of it (removed before it
   * began, or added after), or the epoch's rotation has not arrived yet.
   */
  record UnreadableEpoch(Hash32 epoch, boolean rotationKnown) implements FrameRejection {
    @Override
    public String describe() {
      return "no key for epoch "
          + epoch.toString().substring(0, 12)
          + (rotationKnown ? ": this device is not one of its readers" : ": rotation not received");
    }
  }

  /** The author slot is beyond the epoch's roster. */
  record NoSuchSlot(int slot, int rosterSize) implements FrameRejection {
    @Override
    public String describe() {
      return "slot " + slot + " is beyond the epoch's " + rosterSize + " readers";
    }
  }

  /**
   * The AEAD tag failed: bytes, header or binding were changed (moved to another slot, epoch...).
   */
  record Tampered(Hash32 frameId) implements FrameRejection {
    @Override
    public String describe() {
      return "frame " + frameId.toString().substring(0, 12) + " does not authenticate";
    }
  }

  /** An authentic frame reuses a nonce another frame of the epoch used. */
  record ReplayedNonce(Hash32 epoch, Hash32 frameId, Hash32 earlierFrameId)
      implements FrameRejection {
    @Override
    public String describe() {
      return "frame "
          + frameId.toString().substring(0, 12)
          + " reuses the nonce of frame "
          + earlierFrameId.toString().substring(0, 12);
    }
  }

  /** The decrypted envelope is not what the authenticated header claims (document, author, id). */
  record HeaderDisagrees(Hash32 frameId, String field, String detail) implements FrameRejection {
    @Override
    public String describe() {
      return "frame " + frameId.toString().substring(0, 12) + ": header " + field + " " + detail;
    }

    @Override
    public boolean blamesSealer() {
      return true;
    }
  }

  /** The plaintext's padding is not a length and zeros. */
  record BadPadding(Hash32 frameId, String detail) implements FrameRejection {
    @Override
    public String describe() {
      return "frame " + frameId.toString().substring(0, 12) + ": bad padding: " + detail;
    }

    @Override
    public boolean blamesSealer() {
      return true;
    }
  }

  /** The plaintext is not a canonical envelope. */
  record BadEnvelope(Hash32 frameId, int offset, String field, String reason)
      implements FrameRejection {
    @Override
    public String describe() {
      return "frame "
          + frameId.toString().substring(0, 12)
          + ": envelope at byte "
          + offset
          + " ("
          + field
          + "): "
          + reason;
    }

    @Override
    public boolean blamesSealer() {
      return true;
    }
  }
}
