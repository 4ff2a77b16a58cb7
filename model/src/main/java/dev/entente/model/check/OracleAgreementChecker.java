package dev.entente.model.check;

import dev.entente.model.Check;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import java.util.List;

/** Every replica shows exactly the oracle's map for the changes it has delivered. */
public final class OracleAgreementChecker implements Checker<List<ReplicaObservation>> {
  /** This checker's name in results. */
  public static final String NAME = "oracle-agreement";

  private final RegisterPolicy policy;
  private final KeyGroups groups;

  /** A checker for maps under {@code policy} (and {@code groups} for the causal-group policy). */
  public OracleAgreementChecker(RegisterPolicy policy, KeyGroups groups) {
    Check.argument(policy != null && groups != null, "policy and groups must not be null");
    this.policy = policy;
    this.groups = groups;
  }

  @Override
  public CheckResult check(List<ReplicaObservation> observations) {
    for (ReplicaObservation o : observations) {
      MaterialisedMap expected = Oracle.materialise(policy, o.delivered(), groups);
      if (!expected.equals(o.view())) {
        return CheckResult.invalid(
            NAME,
            o.replica()
                + " with "
                + o.delivered().size()
                + " changes disagrees with the "
                + policy
                + " oracle at "
                + ConvergenceChecker.firstDifference(o.view(), expected)
                + " (replica vs oracle)");
      }
    }
    return CheckResult.valid(NAME, observations.size() + " replicas agree with the oracle");
  }
}
