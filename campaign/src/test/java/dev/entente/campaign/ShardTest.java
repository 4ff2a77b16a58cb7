package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a shard comes from: {@code --shard}, a Kubernetes Indexed Job, or a Slurm array. */
class ShardTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 2, Campaign.SECTIONS);

  @Test
  void resolve_nothingGiven_isTheWholeCampaign() {
    assertThat(Shard.resolve(null, null, Map.of())).isEqualTo(Shard.WHOLE);
  }

  @Test
  void resolve_shardOption_winsOverTheEnvironment() {
    Map<String, String> env = Map.of(Shard.K8S_INDEX, "3", Shard.SLURM_ID, "2");

    assertThat(Shard.resolve("1/4", null, env)).isEqualTo(new Shard(1, 4));
    assertThat(Shard.resolve("1/4", 4, env)).isEqualTo(new Shard(1, 4));
    assertThatThrownBy(() -> Shard.resolve("1/4", 5, env)).hasMessageContaining("disagree");
  }

  @Test
  void resolve_kubernetesIndexedJob_takesTheCountFromShards() {
    Map<String, String> env = Map.of(Shard.K8S_INDEX, "2");

    assertThat(Shard.resolve(null, 3, env)).isEqualTo(new Shard(2, 3));
    assertThatThrownBy(() -> Shard.resolve(null, null, env))
        .hasMessageContaining("JOB_COMPLETION_INDEX is set")
        .hasMessageContaining("--shards N");
    assertThatThrownBy(() -> Shard.resolve(null, 2, env))
        .hasMessageContaining("JOB_COMPLETION_INDEX gives shard 2, outside 0..1");
  }

  @Test
  void resolve_slurmArray_takesIndexAndCountFromTheEnvironment() {
    assertThat(Shard.resolve(null, null, Map.of(Shard.SLURM_ID, "1", Shard.SLURM_COUNT, "4")))
        .isEqualTo(new Shard(1, 4));
    assertThat(
            Shard.resolve(
                null,
                null,
                Map.of(Shard.SLURM_ID, "4", Shard.SLURM_COUNT, "4", Shard.SLURM_MIN, "1")))
        .isEqualTo(new Shard(3, 4));
    assertThatThrownBy(() -> Shard.resolve(null, null, Map.of(Shard.SLURM_ID, "1")))
        .hasMessageContaining("SLURM_ARRAY_TASK_COUNT is not");
    assertThatThrownBy(
            () -> Shard.resolve(null, null, Map.of(Shard.SLURM_ID, "x", Shard.SLURM_COUNT, "2")))
        .hasMessageContaining("SLURM_ARRAY_TASK_ID must be an integer, was 'x'");
  }

  @Test
  void resolve_shardsWithoutAnIndex_isRefused() {
    assertThatThrownBy(() -> Shard.resolve(null, 3, Map.of()))
        .hasMessageContaining("--shards 3 needs --shard I/N");
  }

  @Test
  void parse_badText_namesIt() {
    for (String bad : List.of("2/2", "-1/2", "1", "a/b", "1/2/3", "0/0")) {
      assertThatThrownBy(() -> Shard.parse(bad)).hasMessageContaining("was " + bad);
    }
  }

  @Test
  void select_shardsPartitionTheSpecs() {
    List<RunSpec> all = Campaign.specs(PLAN);

    List<RunSpec> a = new Shard(0, 2).select(all);
    List<RunSpec> b = new Shard(1, 2).select(all);

    assertThat(a.size() + b.size()).isEqualTo(all.size());
    assertThat(a).allMatch(s -> s.index() % 2 == 0);
    assertThat(b).allMatch(s -> s.index() % 2 == 1);
    assertThat(all.get(all.size() - 1).index()).isEqualTo(all.size() - 1);
  }
}
