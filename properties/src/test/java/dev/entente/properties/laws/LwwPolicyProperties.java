package dev.entente.properties.laws;

import dev.entente.impl.KvMap;
import dev.entente.impl.LwwMap;
import dev.entente.model.RegisterPolicy;

/** Runs the map and replica laws for per-key last-writer-wins. */
class LwwPolicyProperties implements KvMapLaws, ReplicaLaws {
  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.LWW;
  }

  @Override
  public KvMap emptyMap() {
    return new LwwMap();
  }
}
