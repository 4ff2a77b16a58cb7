package dev.entente.bench;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.Padding;
import dev.entente.impl.seal.Roster;
import dev.entente.impl.seal.SealSeams;
import dev.entente.impl.seal.SeededEntropy;
import dev.entente.impl.trust.SignedBatch;
import java.util.List;

/**
 * Bytes per change on the wire for {@link SealBenchmark}'s chain, averaged over its {@value
 * SealBenchmark#BATCH} changes: the plain canonical change, the signed envelope, the batched
 * envelope plus its share of the batch signature's leaf list, the sealed frame unpadded and padded
 * (PADMÉ and power of two). Deterministic: the same numbers on every run.
 */
public record ByteCosts(
    double plain, double signed, double batched, double sealed, double padme, double powerOfTwo) {
  /** Measures the costs. */
  public static ByteCosts measure() {
    SealBenchmark.Chain c = new SealBenchmark.Chain();
    c.build();
    double plain = 0;
    double signed = 0;
    double batched = 0;
    for (int i = 0; i < SealBenchmark.BATCH; i++) {
      plain += ChangeCodec.encode(c.changes[i]).length;
      signed += EnvelopeCodec.encode(c.single[i]).length;
      batched += c.batchBytes[i].length;
    }
    SignedBatch batch = c.batch;
    // The batch's leaf list (32 bytes a change) and its one signature travel once per batch.
    batched += 32.0 * batch.signature().leaves().size() + 64;
    int n = SealBenchmark.BATCH;
    return new ByteCosts(
        plain / n,
        signed / n,
        batched / n,
        frames(c, Padding.NONE, batch.envelopes()) / n,
        frames(c, Padding.PADME, batch.envelopes()) / n,
        frames(c, Padding.POWER_OF_TWO, batch.envelopes()) / n);
  }

  private static double frames(SealBenchmark.Chain c, Padding p, List<SignedEnvelope> envelopes) {
    EpochKeyring k =
        EpochKeyring.create(
            c.genesis.documentId(),
            SealBenchmark.OWNER,
            SealBenchmark.OWNER_KEYS,
            c.ownerAgreement,
            SeededEntropy.of(2, "bytes"),
            SealSeams.standard(SeededEntropy.of(2, "nonces")),
            p);
    Roster roster = c.roster;
    double total = 0;
    for (SignedEnvelope e : envelopes) {
      total += k.seal(e, roster).frame().size();
    }
    return total;
  }
}
