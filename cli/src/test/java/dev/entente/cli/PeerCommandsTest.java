package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code peer-stdio}, {@code conform} and {@code simulate --peer}: thin calls into peers. */
class PeerCommandsTest {
  @Test
  void peerStdio_initLine_answersInitOkWithTheProtocolVersion() {
    String init =
        "{\"type\":\"init\",\"id\":1,\"time\":1700000000000,\"protocol\":1,"
            + "\"replica\":\"A\",\"peers\":[]}\n";
    Cli r = Cli.run(init, "peer-stdio");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("{\"type\":\"init_ok\",\"in_reply_to\":1,\"protocol\":1");
  }

  @Test
  void conform_oneScenarioInProcess_printsThePassingTable() {
    Cli r = Cli.run("", "conform", "--peer", "entente", "--scenario", "concurrent-puts");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("concurrent-puts").contains("1 scenarios: 1 passed, 0 failed");
  }

  @Test
  void conform_unknownPeer_isAUsageErrorNamingTheChoices() {
    Cli r = Cli.run("", "conform", "--peer", "nope");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("expected one of").contains("cmd:");
  }

  @Test
  void simulate_peerEntente_endsWithPassedNamingThePeerAndVersion() {
    Cli r = Cli.run("", "simulate", "--seed", "3", "--peer", "entente");
    assertThat(r.status()).as(r.out()).isZero();
    assertThat(r.out()).contains("PASSED seed=3 peer=entente (entente 0.1.0");
  }
}
