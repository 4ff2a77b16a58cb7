package dev.entente.simulations.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.simulations.random.Prng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceTest {
  @Test
  void wheel_weights_areDealtRoundRobinInListOrder() {
    Choice<String> c =
        new Choice<>(
            List.of(
                new Choice.Weighted<>("sequencer", 1),
                new Choice.Weighted<>("state", 3),
                new Choice.Weighted<>("delta", 2),
                new Choice.Weighted<>("op", 2)));
    assertThat(c.wheel())
        .containsExactly("sequencer", "state", "delta", "op", "state", "delta", "op", "state");
  }

  @Test
  void draw_equalWeights_isExactlyAUniformPickFromTheList() {
    List<String> items = List.of("wall", "lamport", "hlc");
    Choice<String> c = new Choice<>(items.stream().map(s -> new Choice.Weighted<>(s, 1)).toList());
    for (long seed = 0; seed < 200; seed++) {
      assertThat(c.draw(new Prng(seed))).isEqualTo(new Prng(seed).pick(items));
    }
  }

  @Test
  void draw_fixed_consumesOneValueOfItsOwnGeneratorAndYieldsTheValue() {
    Choice<String> c = Choice.fixed("hlc");
    assertThat(c.isFixed()).isTrue();
    assertThat(c.draw(new Prng(7))).isEqualTo("hlc");
  }

  @Test
  void new_emptyOrTooHeavy_isRefused() {
    assertThatThrownBy(() -> new Choice<String>(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one option");
    assertThatThrownBy(() -> new Choice<>(List.of(new Choice.Weighted<>("a", 1001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("total weight must be <= 1000");
  }
}
