package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract of {@code entente reconcile}: one JSON line, deterministic, usage errors exit 2. */
class ReconcileCommandTest {
  private static final String LINE =
      "\\{\"protocol\":\"%s\",\"items\":%d,\"missing\":%d,\"roundTrips\":\\d+,\"bytes\":\\d+,"
          + "\"frames\":\\d+}\n";

  @Test
  void reconcile_rbsr_printsOneJsonLine() {
    Cli r = Cli.run("", "reconcile", "--protocol", "rbsr", "--items", "10000", "--missing", "10");
    assertThat(r.status()).isZero();
    assertThat(r.out()).matches(String.format(LINE, "rbsr", 10000, 10));
  }

  @Test
  void reconcile_rbsrBothSidesSameSeed_sameLine() {
    String[] args = {
      "reconcile",
      "--protocol",
      "rbsr",
      "--items",
      "3000",
      "--missing",
      "7",
      "--both-sides",
      "--seed",
      "42"
    };
    Cli a = Cli.run("", args);
    assertThat(a.out()).matches(String.format(LINE, "rbsr", 3000, 7));
    assertThat(Cli.run("", args).out()).isEqualTo(a.out());
  }

  @Test
  void reconcile_delta_isOneRoundTripOfTwoVectors() {
    Cli r = Cli.run("", "reconcile", "--protocol", "delta", "--items", "1000", "--missing", "5");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("\"protocol\":\"delta\"").contains("\"roundTrips\":1,");
  }

  @Test
  void reconcile_bloom_printsOneJsonLine() {
    Cli r = Cli.run("", "reconcile", "--protocol", "bloom", "--items", "2000", "--missing", "3");
    assertThat(r.status()).isZero();
    assertThat(r.out()).matches(String.format(LINE, "bloom", 2000, 3));
  }

  @Test
  void reconcile_bloomPoisoned_costsRoundTripsUnlessKeyed() {
    String[] args = {"reconcile", "--protocol", "bloom", "--items", "2000", "--missing", "1"};
    String[] poisoned = java.util.Arrays.copyOf(args, args.length + 2);
    poisoned[args.length] = "--poisoned";
    poisoned[args.length + 1] = "20";
    String[] keyed = java.util.Arrays.copyOf(poisoned, poisoned.length + 1);
    keyed[poisoned.length] = "--keyed";
    assertThat(Cli.run("", poisoned).out()).doesNotContain("\"roundTrips\":1,");
    assertThat(Cli.run("", keyed).out())
        .matches(String.format(LINE, "bloom-keyed", 2000, 21))
        .contains("\"roundTrips\":1,");
  }

  @Test
  void reconcile_merkleAndIblt_printOneJsonLineEach() {
    for (String protocol : new String[] {"merkle", "iblt"}) {
      Cli r = Cli.run("", "reconcile", "--protocol", protocol, "--items", "3000", "--missing", "9");
      assertThat(r.status()).isZero();
      assertThat(r.out()).matches(String.format(LINE, protocol, 3000, 9));
    }
  }

  @Test
  void reconcile_poisonedRbsr_isAUsageError() {
    Cli r =
        Cli.run(
            "",
            "reconcile",
            "--protocol",
            "rbsr",
            "--items",
            "10",
            "--missing",
            "1",
            "--poisoned",
            "3");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--poisoned and --keyed apply to bloom only");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void reconcile_unknownProtocol_isAUsageError() {
    Cli r = Cli.run("", "reconcile", "--protocol", "gossip", "--items", "10", "--missing", "1");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("gossip");
  }

  @Test
  void reconcile_negativeItems_isAUsageError() {
    Cli r = Cli.run("", "reconcile", "--protocol", "rbsr", "--items", "-1", "--missing", "1");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--items and --missing must be >= 0");
  }
}
