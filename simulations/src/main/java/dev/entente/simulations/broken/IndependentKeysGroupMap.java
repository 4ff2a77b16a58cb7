package dev.entente.simulations.broken;

import dev.entente.impl.KvMap;
import dev.entente.impl.LwwMap;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;

/**
 * A "causal-group" map that resolves each key on its own by LWW: it claims the group policy but can
 * show a group as a mix of two concurrent changes' fields, the very impossible state the policy
 * exists to prevent.
 */
public final class IndependentKeysGroupMap implements KvMap {
  private final LwwMap perKey;

  /** An empty map. */
  public IndependentKeysGroupMap() {
    this(new LwwMap());
  }

  private IndependentKeysGroupMap(LwwMap perKey) {
    this.perKey = perKey;
  }

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.CAUSAL_GROUP;
  }

  @Override
  public void apply(Change change) {
    perKey.apply(change);
  }

  @Override
  public void mergeFrom(KvMap other) {
    Check.argument(other instanceof IndependentKeysGroupMap, "cannot merge %s", other.policy());
    perKey.mergeFrom(((IndependentKeysGroupMap) other).perKey);
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    return perKey.isLessOrEqual(((IndependentKeysGroupMap) other).perKey);
  }

  @Override
  public KvMap copy() {
    return new IndependentKeysGroupMap(perKey.copy());
  }

  @Override
  public MaterialisedMap materialise() {
    return perKey.materialise();
  }

  @Override
  public long tombstoneCount() {
    return perKey.tombstoneCount();
  }

  @Override
  public void checkRep() {
    perKey.checkRep();
  }
}
