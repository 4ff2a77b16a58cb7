package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MutantsCommandTest {
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        EntenteCommand.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void mutants_list_namesEveryMutantWithWhatItNeeds() {
    String[] r = run("mutants");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1])
        .contains("hlc-ignores-remote-timestamps", "--clock hlc")
        .contains("delta-sync-skips-last-change", "--sync delta")
        .contains("sequencer-reorders-acknowledged-writes")
        .doesNotContain("no mutation");
  }

  @Test
  void mutants_hunt_catchesEveryMutantAndSaysWhichCheckerDid() {
    String[] r = run("mutants", "--hunt", "--budget", "10");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1])
        .contains("all mutants caught within 10 seeds")
        .contains("causal-buffer-delivers-early")
        .contains("monotonic-writes");
  }
}
