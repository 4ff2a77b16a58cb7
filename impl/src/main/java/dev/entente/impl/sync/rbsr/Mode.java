package dev.entente.impl.sync.rbsr;

/** What a range in a frame asks of the receiver; the wire code is the ordinal. */
public enum Mode {
  /** Nothing to do: the range is settled. */
  SKIP,
  /** The sender's fingerprint of its items in the range; the receiver compares and splits. */
  FINGERPRINT,
  /** Every id the sender holds in the range; the receiver works out both differences. */
  ID_LIST,
  /** The ids in the range the sender lacks and asks the receiver to send. */
  NEED
}
