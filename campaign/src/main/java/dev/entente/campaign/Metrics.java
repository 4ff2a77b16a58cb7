package dev.entente.campaign;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The typed measurements of one campaign record: one record type per experiment (and per step
 * status), so a measurement is a field the compiler checks, from {@code measure} to the findings.
 * In {@code runs.jsonl} each is an object with a {@code type} naming the record type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClocksMetrics.class, name = "clocks"),
  @JsonSubTypes.Type(value = PoliciesMetrics.class, name = "policies"),
  @JsonSubTypes.Type(value = SyncMetrics.class, name = "sync"),
  @JsonSubTypes.Type(value = SequencerMetrics.class, name = "sequencer"),
  @JsonSubTypes.Type(value = MutantMetrics.class, name = "mutant"),
  @JsonSubTypes.Type(value = TlcModelMetrics.class, name = "tlc-model"),
  @JsonSubTypes.Type(value = BenchRatioMetrics.class, name = "bench-ratio"),
  @JsonSubTypes.Type(value = CoverageMetrics.class, name = "coverage"),
  @JsonSubTypes.Type(value = MutationMetrics.class, name = "mutation"),
  @JsonSubTypes.Type(value = StepStatus.class, name = "status"),
  @JsonSubTypes.Type(value = CrashedRun.class, name = "crashed"),
  @JsonSubTypes.Type(value = StorageMetrics.class, name = "storage"),
  @JsonSubTypes.Type(value = SchemaRolloutMetrics.class, name = "schema-rollout"),
  @JsonSubTypes.Type(value = PeersMetrics.class, name = "peers"),
  @JsonSubTypes.Type(value = JepsenMetrics.class, name = "jepsen"),
  @JsonSubTypes.Type(value = TrustMetrics.class, name = "trust"),
  @JsonSubTypes.Type(value = ReconcileMetrics.class, name = "reconcile"),
  @JsonSubTypes.Type(value = SimulatorBenchMetrics.class, name = "bench-simulator"),
  @JsonSubTypes.Type(value = ScalingMetrics.class, name = "bench-scaling"),
  @JsonSubTypes.Type(value = PeerBytesMetrics.class, name = "peer-bytes"),
  @JsonSubTypes.Type(value = TraceValidationMetrics.class, name = "trace-validation"),
  @JsonSubTypes.Type(value = TraceKindsMetrics.class, name = "trace-kinds")
})
public sealed interface Metrics
    permits SimulatedMetrics,
        MutantMetrics,
        TlcModelMetrics,
        BenchRatioMetrics,
        CoverageMetrics,
        MutationMetrics,
        StepStatus,
        CrashedRun,
        JepsenMetrics,
        TrustMetrics,
        ReconcileMetrics,
        SimulatorBenchMetrics,
        ScalingMetrics,
        PeerBytesMetrics,
        TraceValidationMetrics,
        TraceKindsMetrics {}
