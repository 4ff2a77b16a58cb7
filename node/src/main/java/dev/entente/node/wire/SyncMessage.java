package dev.entente.node.wire;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What nodes say to each other inside a relay payload (the relay does not read it). Immutable.
 *
 * <pre>
 * [1] kind  1 SUMMARY: [2] count, then per replica [1] length [n] id [8] counter (a version vector)
 *           2 CHANGES: [2] count, then per change [4] length [n] ChangeCodec encoding
 *           3 RBSR:    [8] session [1] from-initiator (0 or 1) [rest] one RBSR frame
 * </pre>
 */
public sealed interface SyncMessage {
  /** A node's version vector: presence for everyone, the delta protocol's request. */
  record Summary(VersionVector vector) implements SyncMessage {}

  /** Whole changes, applied by the receiver. */
  record Changes(List<Change> changes) implements SyncMessage {
    /** Copies the list. */
    public Changes {
      changes = List.copyOf(changes);
    }
  }

  /** One frame of an RBSR session between two nodes. */
  record Rbsr(long session, boolean fromInitiator, byte[] frame) implements SyncMessage {
    /** Copies the frame. */
    public Rbsr {
      frame = frame.clone();
    }

    @Override
    public byte[] frame() {
      return frame.clone();
    }
  }

  /** Most changes in one CHANGES message (the count is two bytes). */
  int MAX_CHANGES = 65_535;

  /** Encodes {@code m}. */
  static byte[] encode(SyncMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (m instanceof Summary s) {
      out.write(1);
      u16(out, s.vector().entries().size());
      s.vector()
          .entries()
          .forEach(
              (id, counter) -> {
                byte[] name = id.value().getBytes(StandardCharsets.US_ASCII);
                out.write(name.length);
                out.writeBytes(name);
                u64(out, counter);
              });
    } else if (m instanceof Changes c) {
      out.write(2);
      u16(out, c.changes().size());
      for (Change change : c.changes()) {
        byte[] bytes = ChangeCodec.encode(change);
        u32(out, bytes.length);
        out.writeBytes(bytes);
      }
    } else if (m instanceof Rbsr r) {
      out.write(3);
      u64(out, r.session());
      out.write(r.fromInitiator() ? 1 : 0);
      out.writeBytes(r.frame);
    }
    return out.toByteArray();
  }

  /** Decodes a payload; every malformed one fails with the offset and field. */
  static SyncMessage decode(byte[] payload) throws FrameException {
    Cursor in = new Cursor(payload, "sync");
    int kind = in.u8("kind");
    switch (kind) {
      case 1:
        return summary(in);
      case 2:
        return changes(in);
      case 3:
        long session = in.u64("session");
        int flag = in.u8("fromInitiator");
        if (flag > 1) {
          throw new FrameException(in.offset() - 1, "sync.fromInitiator", flag + " is not 0 or 1");
        }
        return new Rbsr(session, flag == 1, in.rest());
      default:
        throw new FrameException(0, "sync.kind", kind + " is not 1, 2 or 3");
    }
  }

  private static Summary summary(Cursor in) throws FrameException {
    int count = in.u16("count");
    Map<ReplicaId, Long> counters = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String id = in.name("vector[" + i + "].replica", false);
      long counter = in.u64("vector[" + i + "].counter");
      if (counter < 0) {
        throw in.error("vector[" + i + "].counter", counter + " is negative");
      }
      counters.put(ReplicaId.of(id), counter);
    }
    if (in.remaining() > 0) {
      throw in.error("end", in.remaining() + " bytes after the vector");
    }
    return new Summary(VersionVector.of(counters));
  }

  private static Changes changes(Cursor in) throws FrameException {
    int count = in.u16("count");
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = in.u32("changes[" + i + "].length");
      int at = in.offset();
      byte[] bytes = in.bytes(length, "changes[" + i + "]");
      try {
        out.add(ChangeCodec.decode(bytes));
      } catch (DecodeException e) {
        throw new FrameException(
            at + e.offset(), "sync.changes[" + i + "]." + e.field(), e.reason());
      }
    }
    if (in.remaining() > 0) {
      throw in.error("end", in.remaining() + " bytes after the changes");
    }
    return new Changes(out);
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    u16(out, v >>> 16);
    u16(out, v & 0xFFFF);
  }

  private static void u64(ByteArrayOutputStream out, long v) {
    u32(out, (int) (v >>> 32));
    u32(out, (int) v);
  }
}
