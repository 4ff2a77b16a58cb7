package dev.entente.impl.sync.bloom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The filter's members, its honest false-positive rate, and what its salt changes. */
class BloomFilterTest {
  private static List<SyncId> ids(SplittableRandom random, int n) {
    List<SyncId> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      out.add(SyncId.of(b));
    }
    return out;
  }

  private static double falsePositiveRate(BloomFilter f, List<SyncId> others) {
    return others.stream().filter(f::mightContain).count() / (double) others.size();
  }

  @Test
  void mightContain_everyMember_isTrue() {
    List<SyncId> members = ids(new SplittableRandom(1), 2000);
    BloomFilter unkeyed = BloomFilter.of(members, new byte[0]);
    BloomFilter keyed = BloomFilter.of(members, new byte[16]);
    assertThat(members).allMatch(unkeyed::mightContain).allMatch(keyed::mightContain);
  }

  @Test
  void mightContain_idsNobodyChose_nearAutomergesRateOfPoint82Percent() {
    SplittableRandom random = new SplittableRandom(2);
    BloomFilter f = BloomFilter.of(ids(random, 20_000), new byte[0]);
    assertThat(falsePositiveRate(f, ids(random, 50_000))).isBetween(0.006, 0.011);
  }

  @Test
  void of_sizedAtTenBitsPerEntry() {
    BloomFilter f = BloomFilter.of(ids(new SplittableRandom(3), 1000), new byte[0]);
    assertThat(f.bits()).hasSize(1250);
    assertThat(BloomFilter.byteLength(1)).isEqualTo(2);
    assertThat(BloomFilter.byteLength(0)).isZero();
  }

  @Test
  void probes_differentSalts_differentPositions() {
    SyncId id = ids(new SplittableRandom(4), 1).get(0);
    List<SyncId> one = List.of(id);
    byte[] salt = new byte[16];
    salt[0] = 1;
    assertThat(BloomFilter.of(one, salt).probes(id))
        .isNotEqualTo(BloomFilter.of(one, new byte[16]).probes(id))
        .isNotEqualTo(BloomFilter.of(one, new byte[0]).probes(id));
  }

  @Test
  void toString_hidesTheSalt() {
    byte[] salt = new byte[16];
    java.util.Arrays.fill(salt, (byte) 0xAB);
    assertThat(BloomFilter.of(List.of(), salt).toString()).doesNotContain("abab");
  }
}
