package dev.entente.storage;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Check;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot in a file ({@link SnapshotCodec}'s encoding): the replica a command starts from, and
 * where it writes the state it ends with. Stateless.
 *
 * <p>Writing goes to a temporary file beside the target, forced to disk, then renamed over it, so a
 * crash leaves either the old snapshot or the new one, never a torn one.
 */
public final class SnapshotFile {
  private SnapshotFile() {}

  /**
   * A replica restored from the snapshot in {@code file}, or an empty one if {@code file} is null.
   * Replicas use a Lamport clock and {@link KeyGroups#byParentPath()}.
   *
   * @throws SnapshotFileException if the file cannot be read, is damaged (the message names the
   *     byte offset and the field), or holds another policy's state
   */
  public static Replica open(ReplicaId id, RegisterPolicy policy, @Nullable Path file)
      throws SnapshotFileException {
    Check.argument(id != null && policy != null, "id and policy must not be null");
    if (file == null) {
      return Replica.create(id, policy, KeyGroups.byParentPath(), new LamportClock());
    }
    Snapshot snapshot;
    try {
      snapshot = SnapshotCodec.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SnapshotFileException(file + ": cannot read: " + e, e);
    } catch (DecodeException e) {
      throw new SnapshotFileException(file + ": damaged snapshot refused " + e.getMessage(), e);
    }
    if (snapshot.policy() != policy) {
      throw new SnapshotFileException(
          file + ": holds a " + snapshot.policy() + " snapshot, not " + policy, null);
    }
    return Replica.restore(id, snapshot, KeyGroups.byParentPath(), new LamportClock());
  }

  /** Writes the snapshot of {@code replica} to {@code file}, atomically (see the class comment). */
  public static void write(Path file, Replica replica) throws SnapshotFileException {
    Check.argument(file != null && replica != null, "file and replica must not be null");
    Path absolute = file.toAbsolutePath();
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      try (var channel =
          java.nio.channels.FileChannel.open(
              temp,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
              java.nio.file.StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(SnapshotCodec.encode(replica.snapshot())));
        channel.force(true);
      }
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SnapshotFileException(file + ": cannot write: " + e, e);
    }
  }
}
