package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.CausalGroupMap;
import dev.entente.impl.KvMap;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.LwwMapOracle;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.CalendarInvariant;
import dev.entente.properties.gen.CalendarHistories;
import dev.entente.properties.gen.History;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

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

  @Provide
  Arbitrary<History> calendars() {
    return CalendarHistories.histories();
  }

  /**
   * No impossible states: when every author keeps {@code start < end} with respect to what it was
   * shown, every causally closed set of their changes shows {@code start < end} too, through the
   * oracle and through the map. Per-key LWW over the same histories does show impossible states;
   * the coverage check proves the generator reaches them, so this property is not vacuous.
   */
  @Property
  void wellBehavedAuthors_neverProduceAnImpossibleState(
      @ForAll("calendars") History h, @ForAll int i) {
    List<Change> snapshot = h.snapshot(i);
    CausalGroupMap map = new CausalGroupMap(GROUPS);
    snapshot.forEach(map::apply);
    assertThat(CalendarInvariant.violations(map.materialise())).isEmpty();
    assertThat(CalendarInvariant.violations(Oracle.materialise(policy(), snapshot, GROUPS)))
        .isEmpty();
    boolean lwwBreaks = !CalendarInvariant.violations(LwwMapOracle.materialise(snapshot)).isEmpty();
    Statistics.label("per-key LWW shows an impossible state").collect(lwwBreaks);
    Statistics.label("per-key LWW shows an impossible state")
        .coverage(c -> c.check(true).percentage(p -> p > 0.1));
  }
}
