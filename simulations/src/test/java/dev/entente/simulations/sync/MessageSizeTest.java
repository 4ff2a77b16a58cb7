package dev.entente.simulations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ReplicaState;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.model.Change;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.run.Simulation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-run size cache measures exactly what the codecs write: a state's size summed from its
 * changes' sizes equals its full encoding, and a change measured again from the cache keeps its
 * size.
 */
class MessageSizeTest {
  private static List<Change> deliveredBy(RegisterPolicy policy) {
    SimulationOutcome outcome =
        Simulation.run(Profile.DEFAULT.resolve(3, Overrides.NONE.withPolicy(policy)));
    ReplicaObservation first = outcome.finalObservations().get(0);
    assertThat(first.delivered()).isNotEmpty();
    return first.delivered();
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void stateSize_summedFromCachedChangeSizes_equalsTheStateEncoding(RegisterPolicy policy) {
    ReplicaState state = ReplicaState.of(policy, deliveredBy(policy));
    MessageSize.Cache cache = new MessageSize.Cache();
    int expected = 4 + ReplicaStateCodec.encode(state).length;

    int cold = MessageSize.of(new SyncMessage.State(state), cache);
    int warm = MessageSize.of(new SyncMessage.State(state), cache);

    assertThat(cold).isEqualTo(expected);
    assertThat(warm).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void changesSize_withAndWithoutCache_equalsTheChangeEncodings(RegisterPolicy policy) {
    List<Change> changes = deliveredBy(policy);
    int expected = 4 + 4;
    for (Change c : changes) {
      expected += ChangeCodec.encode(c).length;
    }
    MessageSize.Cache cache = new MessageSize.Cache();
    SyncMessage.Changes message = new SyncMessage.Changes(changes);

    assertThat(MessageSize.of(message)).isEqualTo(expected);
    assertThat(MessageSize.of(message, cache)).isEqualTo(expected);
    assertThat(MessageSize.of(message, cache)).isEqualTo(expected);
  }
}
