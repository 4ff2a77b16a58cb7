package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.Change;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.check.DurabilityChecker;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The durability checker bites: on a real storage-faults run it passes, and the same outcome with
 * one acknowledged write missing at one replica, or with one write whose commit failed delivered at
 * one replica, fails with the dot named.
 */
class DurabilityCheckerTest {
  @Test
  void realStorageRun_passes() {
    SimulationOutcome o = runWithStorageFailure();
    CheckResult r = DurabilityChecker.check(o);
    assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.VALID);
    assertThat(r.explanation()).doesNotStartWith("0 ");
  }

  @Test
  void acknowledgedWriteMissingAtOneReplica_isInvalid() {
    SimulationOutcome o = runWithStorageFailure();
    ReplicaObservation first = o.finalObservations().get(0);
    Change acked = o.finalObservations().get(0).delivered().get(0);
    List<Change> fewer = new ArrayList<>(first.delivered());
    fewer.remove(acked);
    CheckResult r = DurabilityChecker.check(withFirstFinal(o, fewer));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("acknowledged writes missing").contains(acked.dot() + "");
  }

  @Test
  void writeWhoseCommitFailed_deliveredAtOneReplica_isInvalid() {
    SimulationOutcome o = runWithStorageFailure();
    Change failed = failedWrite(o).orElseThrow();
    List<Change> more = new ArrayList<>(o.finalObservations().get(0).delivered());
    more.add(failed);
    CheckResult r = DurabilityChecker.check(withFirstFinal(o, more));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("commit failed are delivered");
  }

  /** The first storage-faults seed whose history has a write refused by its commit. */
  private static SimulationOutcome runWithStorageFailure() {
    for (long seed = 1; seed <= 20; seed++) {
      SimulationOutcome o = Simulation.run(Profile.STORAGE_FAULTS.resolve(seed, Overrides.NONE));
      if (failedWrite(o).isPresent() && !o.finalObservations().isEmpty()) {
        return o;
      }
    }
    throw new AssertionError("no storage-faults seed in 1..20 has a write whose commit failed");
  }

  private static Optional<Change> failedWrite(SimulationOutcome o) {
    for (HistoryOp op : o.history().clientOps()) {
      if (op.type() == OpType.FAIL
          && Keyword.of("storage").equals(op.error())
          && KvOps.isCompleteWrite(op.value())) {
        return Optional.of(KvOps.change(op.value()));
      }
    }
    return Optional.empty();
  }

  private static SimulationOutcome withFirstFinal(SimulationOutcome o, List<Change> delivered) {
    List<ReplicaObservation> finals = new ArrayList<>(o.finalObservations());
    ReplicaObservation first = finals.get(0);
    finals.set(0, new ReplicaObservation(first.replica(), delivered, first.view()));
    return new SimulationOutcome(
        o.options(),
        o.schedule(),
        o.history(),
        o.safetyObservations(),
        finals,
        o.finalHeld(),
        o.groups(),
        o.quiescent(),
        o.error(),
        o.errorStackTrace(),
        o.stepFailure(),
        o.stats(),
        o.traceHash(),
        o.trace(),
        o.events(),
        o.marks(),
        o.rollout());
  }
}
