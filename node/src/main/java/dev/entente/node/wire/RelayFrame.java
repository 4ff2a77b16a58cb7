package dev.entente.node.wire;

import dev.entente.model.Check;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One frame between a node and the relay, as the relay sees it: a type, a peer name and an opaque
 * payload. The relay never looks inside the payload (it may be an envelope it cannot read).
 * Immutable.
 *
 * <p>On the wire each frame is a 4-byte big-endian length, then the body:
 *
 * <pre>
 * [1] version   1
 * [1] type      1 HELLO (node to relay: name = the node's id, empty payload)
 *               2 SEND  (node to relay: name = destination id, or "*" for every other node)
 *               3 DELIVER (relay to node: name = the source id)
 * [1] name.length 1..64
 * [n] name      ASCII [A-Za-z0-9_-] ("*" only in SEND)
 * [rest] payload
 * </pre>
 *
 * @param type the frame type
 * @param name the node id, destination or source, per type
 * @param payload the opaque payload
 */
public record RelayFrame(Type type, String name, byte[] payload) {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  /** The destination that means every other node. */
  public static final String BROADCAST = "*";

  /** Frame types. */
  public enum Type {
    /** A node names itself; the first frame of every connection. */
    HELLO(1),
    /** A node hands a payload to the relay for a destination. */
    SEND(2),
    /** The relay hands a payload to a node, naming the source. */
    DELIVER(3);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The type's byte on the wire. */
    public int code() {
      return code;
    }
  }

  /** Validates and copies. */
  public RelayFrame {
    Check.argument(type != null && name != null && payload != null, "frame parts are non-null");
    Check.argument(
        !name.isEmpty() && name.length() <= 64, "frame name has 1..64 characters: %s", name);
    payload = payload.clone();
  }

  /** A HELLO naming {@code nodeId}. */
  public static RelayFrame hello(String nodeId) {
    return new RelayFrame(Type.HELLO, nodeId, new byte[0]);
  }

  /** The payload (a copy). */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The body (without the length prefix). */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(3 + name.length() + payload.length);
    out.write(VERSION);
    out.write(type.code);
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    out.write(n.length);
    out.writeBytes(n);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** Decodes a body; every malformed body fails with the offset and field. */
  public static RelayFrame decode(byte[] body) throws FrameException {
    Cursor in = new Cursor(body, "frame");
    int version = in.u8("version");
    if (version != VERSION) {
      throw new FrameException(0, "frame.version", version + " is not " + VERSION);
    }
    int code = in.u8("type");
    Type type = null;
    for (Type t : Type.values()) {
      if (t.code == code) {
        type = t;
      }
    }
    if (type == null) {
      throw new FrameException(
          1, "frame.type", code + " is not 1 (HELLO), 2 (SEND) or 3 (DELIVER)");
    }
    String name = in.name("name", type == Type.SEND);
    if (type == Type.HELLO && in.remaining() > 0) {
      throw in.error("payload", "a HELLO carries no payload, found " + in.remaining() + " bytes");
    }
    return new RelayFrame(type, name, in.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelayFrame f
        && f.type == type
        && f.name.equals(name)
        && Arrays.equals(f.payload, payload);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * type.hashCode() + name.hashCode()) + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return type + "(" + name + ", " + payload.length + " bytes)";
  }
}
