package dev.entente.tla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.trace.TraceExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The wider traced runs a test validates (every policy, state gossip, crash and restart, clock
 * steps), found by scanning seeds of {@link TraceExporter#tracedOptions}, and the mutations that
 * must be refused, one per step kind, each with the line it must be refused at. Stateless.
 */
final class TracedKinds {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A trace and, for a mutated one, the 1-based event index it must be refused at (else 0). */
  record Sample(String name, List<String> lines, int refusedAt) {}

  private TracedKinds() {}

  /** The first exportable trace of {@code policy} among seeds 1..200 that {@code wanted} holds. */
  static Sample first(String name, RegisterPolicy policy, Predicate<List<String>> wanted) {
    for (long seed = 1; seed <= 200; seed++) {
      SimulationOptions o = TraceExporter.tracedOptions(seed, policy, Mutant.NONE);
      if (TraceExporter.unsupportedTraced(o).isEmpty()) {
        try {
          List<String> lines = TraceExporter.export(o);
          if (wanted.test(lines)) {
            return new Sample(name + " seed " + seed, lines, 0);
          }
        } catch (IllegalArgumentException refusedChange) {
          // a run with a change the drift guard refused is not exportable: try the next seed
        }
      }
    }
    throw new AssertionError("no seed in 1..200 gives " + name);
  }

  static Predicate<List<String>> has(String event) {
    return lines -> lines.stream().anyMatch(l -> l.contains("\"event\":\"" + event + "\""));
  }

  /** MV: a receive shows a value nobody wrote. */
  static Sample wrongValue(Sample s) {
    return mutate(
        s,
        1,
        "wrong value",
        e -> isEvent(e, "Receive") && e.get("post").get("values").size() > 0,
        e -> {
          ObjectNode values = (ObjectNode) e.get("post").get("values");
          ((ArrayNode) values.get(values.fieldNames().next())).add("a value nobody wrote");
        });
  }

  /** State gossip: a merge leaves out a change it applied (a dropped delivery). */
  static Sample droppedDelivery(Sample s) {
    return mutate(
        s,
        1,
        "dropped delivery",
        e -> isEvent(e, "Merge") && e.get("changes").size() > 0,
        e -> ((ArrayNode) e.get("changes")).remove(0));
  }

  /**
   * Crash: the crash line is gone, so the replica restarts with the state it had: its restart
   * merges changes it still holds, refused at the restart (which moves up one line).
   */
  static Sample crashKeepingVolatileState(Sample s) {
    List<String> lines = new ArrayList<>(s.lines());
    for (int i = 1; i < lines.size(); i++) {
      JsonNode e = parse(lines.get(i));
      if (isEvent(e, "Crash")) {
        String replica = e.get("replica").asText();
        for (int k = i + 1; k < lines.size(); k++) {
          JsonNode r = parse(lines.get(k));
          if (isEvent(r, "Restart")
              && r.get("replica").asText().equals(replica)
              && r.get("changes").size() > 0) {
            lines.remove(i);
            return new Sample(s.name() + ", crash keeping volatile state", lines, k - 1);
          }
        }
      }
    }
    throw new AssertionError("no crash followed by a non-empty restart in " + s.name());
  }

  /**
   * Clock step: after its physical clock stepped, a replica's first write whose HLC is ahead of
   * that clock takes its timestamp from the physical clock instead (the HLC stepping backwards).
   */
  static Sample clockStepBackwards(Sample s) {
    return mutate(
        s,
        firstAfterStep(s.lines()).orElseThrow(),
        "HLC following a clock step back",
        e ->
            isEvent(e, "Write")
                && e.get("post").get("clock").get("wall").asLong()
                    > e.get("post").get("pt").get(e.get("replica").asText()).asLong(),
        e -> {
          long pt = e.get("post").get("pt").get(e.get("replica").asText()).asLong();
          for (JsonNode ts :
              List.of(e.get("change").get("timestamp"), e.get("post").get("clock"))) {
            ((ObjectNode) ts).put("wall", pt).put("logical", 0);
          }
        });
  }

  /** Whether a replica writes, after its physical clock stepped, with its HLC ahead of it. */
  static boolean writesAfterAClockStep(List<String> lines) {
    return lines.stream().anyMatch(l -> l.contains("\"event\":\"ClockStep\""))
        && firstAfterStep(lines).isPresent();
  }

  private static Optional<Integer> firstAfterStep(List<String> lines) {
    Set<String> stepped = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      JsonNode e = parse(lines.get(i));
      String r = e.get("replica").asText();
      if (isEvent(e, "ClockStep")) {
        stepped.add(r);
      } else if (isEvent(e, "Write")
          && stepped.contains(r)
          && e.get("post").get("clock").get("wall").asLong()
              > e.get("post").get("pt").get(r).asLong()) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private interface Edit {
    void apply(ObjectNode event);
  }

  /** Applies {@code edit} to the first line from {@code from} that {@code where} accepts. */
  private static Sample mutate(
      Sample s, int from, String what, Predicate<JsonNode> where, Edit edit) {
    List<String> lines = new ArrayList<>(s.lines());
    for (int i = from; i < lines.size(); i++) {
      ObjectNode e = (ObjectNode) parse(lines.get(i));
      if (where.test(e)) {
        edit.apply(e);
        lines.set(i, e.toString());
        return new Sample(s.name() + ", " + what, lines, i);
      }
    }
    throw new AssertionError("no line to mutate for " + what + " in " + s.name());
  }

  private static boolean isEvent(JsonNode e, String name) {
    return name.equals(e.path("event").asText());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
