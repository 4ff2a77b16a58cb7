package dev.entente.campaign;

/**
 * One row of the bench module's {@code peers-bytes.json} ({@link BenchStep}): the encoded size of
 * one contestant's merged state in the peers benchmark's work (c). Deterministic. Immutable.
 *
 * @param subject the contestant, e.g. {@code Entente LWW} or {@code Pekko LWWMap}
 * @param encoding how the state was encoded
 * @param rawBytes the encoded size
 * @param gzipBytes the gzip-compressed size
 */
public record PeerBytesMetrics(String subject, String encoding, long rawBytes, long gzipBytes)
    implements Metrics {}
