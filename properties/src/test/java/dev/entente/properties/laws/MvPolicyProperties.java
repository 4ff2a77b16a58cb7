package dev.entente.properties.laws;

import dev.entente.impl.KvMap;
import dev.entente.impl.MvMap;
import dev.entente.model.RegisterPolicy;

/** Runs the map and replica laws for the multi-value map. */
class MvPolicyProperties implements KvMapLaws, ReplicaLaws {
  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.MV;
  }

  @Override
  public KvMap emptyMap() {
    return new MvMap();
  }
}
