package dev.entente.peers.protocol;

/**
 * The replica protocol's names and numbers (docs/replica-protocol.md): message types, the fields
 * every message carries, and Maelstrom-style error codes. A peer answers each request with exactly
 * one line whose {@code in_reply_to} is the request's {@code id}.
 */
public final class ReplicaProtocol {
  /**
   * The protocol version this harness speaks; {@code init} carries it, {@code init_ok} echoes it.
   */
  public static final int VERSION = 1;

  /** Message types (requests; a success reply is the type with {@code _ok} appended). */
  public static final String INIT = "init";

  public static final String PUT = "put";
  public static final String DELETE = "delete";
  public static final String TRANSACT = "transact";
  public static final String READ = "read";
  public static final String STATE = "state";
  public static final String SYNC_OUT = "sync-out";
  public static final String SYNC_IN = "sync-in";

  /**
   * The optional reply field with the nanoseconds the peer spent inside the operation, measured by
   * the peer: informational (the apply-time metric), never part of the trace.
   */
  public static final String NANOS = "nanos";

  /** The type of an error reply. */
  public static final String ERROR = "error";

  /** The only sync style of version 1: a sync message carries everything its sender holds. */
  public static final String SYNC_STATE = "state";

  /** Error codes, as in Maelstrom: definite errors certainly did not happen. */
  public static final int TIMEOUT = 0;

  public static final int NOT_SUPPORTED = 10;
  public static final int TEMPORARILY_UNAVAILABLE = 11;
  public static final int MALFORMED_REQUEST = 12;
  public static final int CRASH = 13;
  public static final int ABORT = 14;

  private ReplicaProtocol() {}

  /** The type of the success reply to {@code requestType}. */
  public static String ok(String requestType) {
    return requestType + "_ok";
  }
}
