package dev.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.seal.OpenResult;
import dev.entente.impl.seal.SealedFrame;
import dev.entente.impl.trust.ReceiveResult;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.ReplicaId;
import org.junit.jupiter.api.Test;

/**
 * {@link SealBenchmark} does the work it claims: every batched and single envelope is accepted,
 * every frame opens, and {@link ByteCosts} orders the wire forms as designed. Measures nothing.
 */
class SealBenchmarkWorkTest {
  @Test
  void chain_batchedAndSingleEnvelopes_areAllAcceptedAndFramesOpen() {
    SealBenchmark.Chain c = new SealBenchmark.Chain();
    c.build();
    TrustedReplica batched =
        SealBenchmark.trusted(c.genesis, SealBenchmark.READER_KEYS, ReplicaId.of("r"));
    TrustedReplica single =
        SealBenchmark.trusted(c.genesis, SealBenchmark.READER_KEYS, ReplicaId.of("r"));

    assertThat(batched.receive(c.batch))
        .hasSize(SealBenchmark.BATCH)
        .allMatch(r -> r instanceof ReceiveResult.Accepted);
    for (var e : c.single) {
      assertThat(single.receive(e)).isInstanceOf(ReceiveResult.Accepted.class);
    }
    SealBenchmark.Reader reader = new SealBenchmark.Reader();
    reader.build(c);
    for (SealedFrame f : c.frames) {
      assertThat(reader.keyring.open(f)).isInstanceOf(OpenResult.Opened.class);
    }
    assertThat(batched.materialise()).isEqualTo(single.materialise());
  }

  @Test
  void byteCosts_wireForms_growFromPlainToPadded_andPadmeStaysWithin12Percent() {
    ByteCosts b = ByteCosts.measure();

    assertThat(b.plain()).isLessThan(b.signed());
    assertThat(b.signed()).isLessThan(b.sealed());
    assertThat(b.sealed()).isLessThanOrEqualTo(b.padme());
    assertThat(b.padme()).isLessThanOrEqualTo(b.sealed() * 1.12);
    assertThat(b.padme()).isLessThanOrEqualTo(b.powerOfTwo());
  }
}
