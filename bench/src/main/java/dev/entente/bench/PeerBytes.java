package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.model.RegisterPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.automerge.Document;

/**
 * Work (c) of the peers benchmark: the encoded size of each contestant's merged state from work
 * (b), raw and gzip-compressed. Deterministic: the same bytes on every run (the states are built on
 * frozen clocks). Immutable.
 *
 * @param subject the contestant
 * @param encoding how its state was encoded
 * @param rawBytes the encoded size
 * @param gzipBytes the size after {@link GZIPOutputStream} at its default level
 */
public record PeerBytes(String subject, String encoding, long rawBytes, long gzipBytes) {
  /** Builds work (b)'s merged states at the sizes and measures their encodings. */
  public static List<PeerBytes> measure() {
    return measure(new PeersWorkload());
  }

  /** The same over {@code workload} (smaller in the unit test). */
  static List<PeerBytes> measure(PeersWorkload workload) {
    List<PeerBytes> out = new ArrayList<>();
    PeerMergeInputs.Entente entente = new PeerMergeInputs.Entente();
    entente.workload = workload;
    for (RegisterPolicy p : RegisterPolicy.values()) {
      Replica merged = PeersWorkload.device(PeersWorkload.RECEIVER, p);
      merged.merge(entente.stateA(p));
      merged.merge(entente.stateB(p));
      out.add(of(ententeName(p), "ReplicaStateCodec", ReplicaStateCodec.encode(merged.state())));
    }
    PeerMergeInputs.Pekko pekko = new PeerMergeInputs.Pekko();
    pekko.workload = workload;
    pekko.build();
    out.add(of("Pekko LWWMap", "Java serialization", javaSerialized(pekko.a.merge(pekko.b))));
    PeerMergeInputs.Automerge automerge = new PeerMergeInputs.Automerge();
    automerge.workload = workload;
    automerge.build();
    Document fork = automerge.a.fork();
    try {
      fork.merge(automerge.b);
      out.add(of("Automerge", "Document.save", fork.save()));
    } finally {
      fork.free();
      automerge.free();
    }
    return out;
  }

  /** {@code Entente LWW}, {@code Entente MV}, {@code Entente causal group}. */
  static String ententeName(RegisterPolicy p) {
    return switch (p) {
      case LWW -> "Entente LWW";
      case MV -> "Entente MV";
      case CAUSAL_GROUP -> "Entente causal group";
    };
  }

  /** The rows as a fixed-width text table. */
  public static String table(List<PeerBytes> rows) {
    String format = "%-24s %-22s %12s %12s%n";
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, format, "(c) merged state", "encoding", "raw B", "gzip B"));
    for (PeerBytes r : rows) {
      b.append(String.format(Locale.ROOT, format, r.subject, r.encoding, r.rawBytes, r.gzipBytes));
    }
    return b.toString();
  }

  private static PeerBytes of(String subject, String encoding, byte[] bytes) {
    return new PeerBytes(subject, encoding, bytes.length, gzip(bytes).length);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] javaSerialized(Object o) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream s = new ObjectOutputStream(out)) {
      s.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + o.getClass().getName(), e);
    }
    return out.toByteArray();
  }
}
