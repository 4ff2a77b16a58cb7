package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demo_firstLine_saysItIsTheBuiltInDemonstration() {
    Cli r = Cli.run("", "demo");

    assertThat(r.out().lines().findFirst())
        .hasValue("entente demo: built-in demonstration (the campaign is entente run)");
  }

  @Test
  void demo_everyPolicy_converges() {
    Cli r = Cli.run("", "demo");

    assertThat(r.out())
        .contains("  policy lww:", "  policy mv:", "  policy group:")
        .doesNotContain("converged: NO", "NOT CONVERGED", "UNEXPECTED");
    assertThat(r.out().lines().filter(l -> l.startsWith("    converged: yes"))).hasSize(3);
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void demo_lwwShowsTheImpossibleState_groupShowsOneWholeEdit() {
    Cli r = Cli.run("", "demo");

    assertThat(r.out())
        .containsPattern("(?m)^  lww +14 +11 +NO +impossible")
        .containsPattern("(?m)^  group +10 +11 +yes +B's edit entirely")
        .containsPattern("(?m)^  mv +14 +11\\|16 ");
    assertThat(r.out().lines().reduce((a, b) -> b))
        .hasValueSatisfying(last -> assertThat(last).startsWith("PASSED"));
  }

  @Test
  void demo_twice_printsTheSame() {
    assertThat(Cli.run("", "demo").out()).isEqualTo(Cli.run("", "demo").out());
  }
}
