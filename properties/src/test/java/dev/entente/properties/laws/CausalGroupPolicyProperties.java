package dev.entente.properties.laws;

import dev.entente.impl.CausalGroupMap;
import dev.entente.impl.KvMap;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;

/** Runs the map and replica laws for the causal-group policy (groups by parent path). */
class CausalGroupPolicyProperties implements KvMapLaws, ReplicaLaws {
  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.CAUSAL_GROUP;
  }

  @Override
  public KvMap emptyMap() {
    return new CausalGroupMap(KeyGroups.byParentPath());
  }
}
