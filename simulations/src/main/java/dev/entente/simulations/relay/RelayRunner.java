package dev.entente.simulations.relay;

import dev.entente.model.check.CheckResult;
import java.util.function.Consumer;

/**
 * Runs one relay seed and judges it, with the simulator's output contract: a first line with every
 * option, a {@code stats} line, and {@code PASSED seed=S trace=H} or {@code FAILED seed=S reason |
 * replay: COMMAND}. Stateless.
 */
public final class RelayRunner {
  /** A judged run. */
  public record Result(RelayOutcome outcome, CheckResult check, String lastLine) {
    /** True if every checker said VALID. */
    public boolean passed() {
      return check.isValid();
    }
  }

  private RelayRunner() {}

  /** Runs and judges {@code options}, printing to {@code out}. */
  public static Result run(RelayOptions options, Consumer<String> out) {
    out.accept("simulate " + options.describe());
    RelayOutcome o = RelaySimulation.run(options);
    CheckResult check = CheckResult.all("relay", RelayCheckers.judge(o));
    out.accept("stats " + stats(o));
    String last =
        check.isValid()
            ? "PASSED seed=" + options.seed() + " trace=" + o.traceHash()
            : "FAILED seed="
                + options.seed()
                + " "
                + check.explanation().replace('\n', ' ')
                + " | replay: "
                + options.replayCommand();
    out.accept(last);
    return new Result(o, check, last);
  }

  /** The stats line's words. */
  static String stats(RelayOutcome o) {
    int alarms = 0;
    int rejected = 0;
    int slowest = 0;
    for (ClientReport c : o.honest()) {
      alarms += c.alarms().size();
      rejected += c.rejected();
      for (FreshnessAlarm a : c.alarms()) {
        slowest = Math.max(slowest, a.round() - a.heardRound());
      }
    }
    return "frames="
        + o.storedFrames()
        + " stored-bytes="
        + o.storedBytes()
        + " forwarded-bytes="
        + o.forwardedBytes()
        + " rejected="
        + rejected
        + " alarms="
        + alarms
        + " heard="
        + o.heard().size()
        + " forged="
        + o.truth().forged().size()
        + " tampered="
        + o.truth().tampered().size()
        + " equivocations="
        + o.truth().equivocations().size();
  }
}
