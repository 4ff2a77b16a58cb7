package dev.entente.impl.storage;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.ReplicaId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * {@link MemoryStorage}'s record of one batch: {@code [4] payload length, payload, [4] CRC-32C of
 * the payload}. The payload holds the delivered and buffered changes (each {@code [4] length} and
 * its {@link ChangeCodec} encoding), the released dots ({@code [1] length, replica, [8] counter})
 * and the clock high-water mark ({@code [8] wall, [2] logical}). Stateless.
 */
final class BatchRecord {
  private BatchRecord() {}

  static byte[] encode(StorageBatch batch) {
    List<byte[]> delivered = encodeAll(batch.delivered());
    List<byte[]> buffered = encodeAll(batch.buffered());
    int size = 4 + 4 + 4 + 10 + 4 * (delivered.size() + buffered.size());
    for (byte[] b : delivered) {
      size += b.length;
    }
    for (byte[] b : buffered) {
      size += b.length;
    }
    size += 9 * batch.released().size();
    for (Dot d : batch.released()) {
      size += d.replica().value().length();
    }
    ByteBuffer payload = ByteBuffer.allocate(size);
    putChanges(payload, delivered);
    putChanges(payload, buffered);
    payload.putInt(batch.released().size());
    for (Dot d : batch.released()) {
      byte[] id = d.replica().value().getBytes(StandardCharsets.US_ASCII);
      payload.put((byte) id.length).put(id).putLong(d.counter());
    }
    payload.putLong(batch.clockHighWater().wallMillis());
    payload.putShort((short) batch.clockHighWater().logical());
    return frame(payload.array());
  }

  private static List<byte[]> encodeAll(List<Change> changes) {
    List<byte[]> out = new ArrayList<>();
    changes.forEach(c -> out.add(ChangeCodec.encode(c)));
    return out;
  }

  private static void putChanges(ByteBuffer out, List<byte[]> changes) {
    out.putInt(changes.size());
    for (byte[] c : changes) {
      out.putInt(c.length).put(c);
    }
  }

  private static byte[] frame(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return ByteBuffer.allocate(payload.length + 8)
        .putInt(payload.length)
        .put(payload)
        .putInt((int) crc.getValue())
        .array();
  }

  /** Replays the records in order; quarantines every record that is torn or fails its CRC. */
  static StoredState load(List<byte[]> disk) {
    List<Change> delivered = new ArrayList<>();
    TreeMap<Dot, Change> pending = new TreeMap<>();
    HlcTimestamp high = HlcTimestamp.ZERO;
    List<Quarantined> quarantined = new ArrayList<>();
    for (int i = 0; i < disk.size(); i++) {
      String where = "log record " + i;
      try {
        ByteBuffer payload = unframe(disk.get(i), i == disk.size() - 1);
        delivered.addAll(readChanges(payload));
        readChanges(payload).forEach(c -> pending.put(c.dot(), c));
        readReleased(payload).forEach(pending::remove);
        HlcTimestamp t =
            new HlcTimestamp(payload.getLong(), Short.toUnsignedInt(payload.getShort()));
        high = t.compareTo(high) > 0 ? t : high;
      } catch (DecodeException e) {
        quarantined.add(
            new Quarantined(
                where, "at byte " + e.offset() + ", field " + e.field() + ": " + e.reason()));
      } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
        quarantined.add(new Quarantined(where, "malformed payload: " + e));
      }
    }
    return new StoredState(delivered, new ArrayList<>(pending.values()), high, quarantined);
  }

  private static ByteBuffer unframe(byte[] record, boolean last) throws DecodeException {
    if (record.length < 8) {
      throw new DecodeException(
          0, "length", (last ? "torn last record: " : "") + record.length + " bytes");
    }
    int length = ByteBuffer.wrap(record).getInt();
    if (length != record.length - 8) {
      throw new DecodeException(
          0,
          "length",
          (last ? "torn last record: " : "")
              + "says "
              + length
              + " payload bytes, record holds "
              + (record.length - 8));
    }
    CRC32C crc = new CRC32C();
    crc.update(record, 4, length);
    int stored = ByteBuffer.wrap(record, 4 + length, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new DecodeException(4 + length, "checksum", "CRC-32C mismatch: the record is damaged");
    }
    return ByteBuffer.wrap(record, 4, length).slice();
  }

  private static List<Change> readChanges(ByteBuffer in) throws DecodeException {
    int count = in.getInt();
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] c = new byte[in.getInt()];
      in.get(c);
      out.add(ChangeCodec.decode(c));
    }
    return out;
  }

  private static List<Dot> readReleased(ByteBuffer in) {
    int count = in.getInt();
    List<Dot> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] id = new byte[Byte.toUnsignedInt(in.get())];
      in.get(id);
      out.add(new Dot(ReplicaId.of(new String(id, StandardCharsets.US_ASCII)), in.getLong()));
    }
    return out;
  }
}
