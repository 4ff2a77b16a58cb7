package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser on TLC 2.18 tool-mode output captured from this project's own models. */
class TlcOutputParserTest {
  @Test
  void parse_passedRun_readsCountsAndDepth() {
    TlcResult r = TlcOutputParser.parse(fixture("passed.txt"), false);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.PASSED);
    assertThat(r.violated()).isEmpty();
    assertThat(r.statesGenerated()).isEqualTo(141_837);
    assertThat(r.distinctStates()).isEqualTo(21_333);
    assertThat(r.depth()).isEqualTo(23);
    assertThat(r.trace()).isEmpty();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void parse_invariantViolation_namesInvariantAndParsesTrace() {
    TlcResult r = TlcOutputParser.parse(fixture("invariant-violated.txt"), false);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.INVARIANT_VIOLATED);
    assertThat(r.violated()).isEqualTo("Convergence");
    assertThat(r.outcomeLabel()).isEqualTo("INVARIANT_VIOLATED(Convergence)");
    assertThat(r.distinctStates()).isPositive();
    assertThat(r.trace()).isNotEmpty();
    assertThat(r.depth()).isEqualTo(r.trace().size());
    TraceState first = r.trace().get(0);
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.action()).isEqualTo("Initial predicate");
    assertThat(first.variables())
        .containsKeys("pt", "clock", "history", "msgs", "delivered", "pending", "store");
    assertThat(first.variables()).containsEntry("msgs", "{}");
    assertThat(r.trace().get(1).action()).isEqualTo("Write");
    assertThat(r.trace()).extracting(TraceState::action).contains("Deliver");
    for (int i = 0; i < r.trace().size(); i++) {
      assertThat(r.trace().get(i).number()).isEqualTo(i + 1);
    }
  }

  @Test
  void parse_multiLineValue_isJoinedOnOneLine() {
    TlcResult r = TlcOutputParser.parse(fixture("invariant-violated.txt"), false);

    String history = r.trace().get(r.trace().size() - 1).variables().get("history");
    assertThat(history).doesNotContain("\n").startsWith("{").contains("author |-> \"A\"");
  }

  @Test
  void parse_temporalViolation_isPropertyViolatedWithStutteringEnd() {
    TlcResult r = TlcOutputParser.parse(fixture("temporal-violated.txt"), false);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.PROPERTY_VIOLATED);
    assertThat(r.trace()).isNotEmpty();
    assertThat(r.trace().get(r.trace().size() - 1).action()).isEqualTo("Stuttering");
  }

  @Test
  void parse_undefinedInvariant_isErrorWithMessage() {
    TlcResult r = TlcOutputParser.parse(fixture("error.txt"), false);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.ERROR);
    assertThat(r.errors()).anyMatch(e -> e.contains("Bogus"));
  }

  @Test
  void parse_timedOut_isTimeoutWhateverTheOutput() {
    TlcResult r = TlcOutputParser.parse(fixture("passed.txt"), true);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.TIMEOUT);
  }

  @Test
  void parse_emptyOutput_isError() {
    TlcResult r = TlcOutputParser.parse("", false);

    assertThat(r.outcome()).isEqualTo(TlcOutcome.ERROR);
    assertThat(r.statesGenerated()).isEqualTo(-1);
    assertThat(r.distinctStates()).isEqualTo(-1);
  }

  @Test
  void messages_nestedFrames_areBothReturned() {
    String out =
        "@!@!@STARTMSG 1000:1 @!@!@\nouter\n@!@!@STARTMSG 2199:0 @!@!@\n"
            + "5 states generated, 3 distinct states found, 0 states left on queue.\n"
            + "@!@!@ENDMSG 2199 @!@!@\n@!@!@ENDMSG 1000 @!@!@\n";

    assertThat(TlcOutputParser.messages(out))
        .extracting(TlcOutputParser.Message::code)
        .containsExactly(2199, 1000);
  }

  private static String fixture(String name) {
    try (InputStream in = TlcOutputParserTest.class.getResourceAsStream("/tlc-output/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
