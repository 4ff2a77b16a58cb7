package dev.entente.storage;

import dev.entente.model.HlcTimestamp;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** The CRC-32C that guards the stored clock high-water mark (wall millis, then logical). */
final class ClockRecord {
  private ClockRecord() {}

  static long crc(long wall, long logical) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(16).putLong(wall).putLong(logical).flip());
    return crc.getValue();
  }

  static long crc(HlcTimestamp t) {
    return crc(t.wallMillis(), t.logical());
  }
}
