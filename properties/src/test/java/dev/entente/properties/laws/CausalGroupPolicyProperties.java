package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.CausalGroupMap;
import dev.entente.impl.KvMap;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.LwwMapOracle;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import dev.entente.properties.gen.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Runs the map and replica laws for the causal-group policy, plus its reason to exist. */
class CausalGroupPolicyProperties implements KvMapLaws, ReplicaLaws {
  private static final KeyGroups GROUPS = KeyGroups.byParentPath();

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.CAUSAL_GROUP;
  }

  @Override
  public KvMap emptyMap() {
    return new CausalGroupMap(GROUPS);
  }

  /**
   * No impossible states: every group shows exactly what some single change's author could have
   * seen right after writing it (per-key LWW over that change and the changes it had seen). Per-key
   * LWW fails this as soon as two concurrent changes write different keys of a group.
   */
  @Property
  void everyGroup_showsTheViewOfOneChange(@ForAll("histories") History h) {
    CausalGroupMap map = new CausalGroupMap(GROUPS);
    h.changes().forEach(map::apply);
    Map<String, Map<Key, Value>> shown = byGroup(map.materialise());
    shown.forEach(
        (group, fields) ->
            assertThat(h.changes())
                .as("group %s shows %s, which no single change's view explains", group, fields)
                .anySatisfy(c -> assertThat(viewOf(c, h.changes(), group)).isEqualTo(fields)));
  }

  private static Map<Key, Value> viewOf(Change c, List<Change> all, String group) {
    List<Change> past = new ArrayList<>();
    for (Change other : all) {
      if (other.equals(c) || c.hasSeen(other)) {
        past.add(other);
      }
    }
    return byGroup(LwwMapOracle.materialise(past)).getOrDefault(group, Map.of());
  }

  private static Map<String, Map<Key, Value>> byGroup(MaterialisedMap m) {
    Map<String, Map<Key, Value>> out = new TreeMap<>();
    m.entries()
        .forEach(
            (k, vs) ->
                out.computeIfAbsent(GROUPS.groupOf(k), g -> new TreeMap<>()).put(k, vs.get(0)));
    return out;
  }
}
