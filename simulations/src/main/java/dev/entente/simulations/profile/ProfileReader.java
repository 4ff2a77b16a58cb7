package dev.entente.simulations.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a profile file (JSON, the format of {@code simulations/src/main/resources/profiles/}) into
 * a {@link ProfileSpec}. Strict: every field is required, unknown and duplicate fields are refused,
 * and every value is checked; the first problem throws a {@link ProfileException} naming the file
 * and the field. Stateless and thread-safe.
 *
 * <p>A drawn option is {@code {"fixed": "hlc"}} or {@code {"drawn": [{"value": "op", "weight": 3},
 * ...]}} (see {@link Choice}); a drawn number is {@code {"min": 3, "max": 5}}; ratios are strings
 * {@code "1/20"}; the faults are {@code {"fixed": ["crash", ...]}} or {@code {"drawn": {"crash":
 * "1/2", ...}}} (see {@link FaultDraw}).
 */
public final class ProfileReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private ProfileReader() {}

  /**
   * Parses {@code text}, the content of {@code source}.
   *
   * @throws ProfileException naming {@code source} and the field at fault
   */
  public static ProfileSpec read(String source, String text) {
    JsonFields f = new JsonFields(source, "", tree(source, text));
    String name = f.parse("name", f.text("name"), ProfileReader::name);
    String description = f.text("description");
    IntRange replicas = range(f, "replicas");
    if (replicas.min() < 1) {
      throw f.error("replicas.min", "must be >= 1, was " + replicas.min());
    }
    Choice<RegisterPolicy> policy = choice(f, "policy", ProfileReader::policy);
    Choice<SyncKind> sync = choice(f, "sync", SyncKind::parse);
    Choice<ClockKind> clock = choice(f, "clock", ProfileReader::clock);
    FaultSpec faults = faults(f.object("faults"));
    ProfileSpec.Workload workload = workload(f.object("workload"));
    ProfileSpec.Network network = network(f.object("network"));
    ProfileSpec.Clocks clocks = clocks(f.object("clocks"));
    ProfileSpec.Timing timing = timing(f.object("timing"));
    f.done();
    return f.locatedHere(
        () ->
            new ProfileSpec(
                name,
                description,
                replicas,
                policy,
                sync,
                clock,
                faults,
                workload,
                network,
                clocks,
                timing));
  }

  private static JsonNode tree(String source, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProfileException(
          source, ProfileException.WHOLE_FILE, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ProfileException(source, ProfileException.WHOLE_FILE, "empty");
    }
    return root;
  }

  private static IntRange range(JsonFields parent, String name) {
    JsonFields f = parent.object(name);
    long min = f.integer("min");
    long max = f.integer("max");
    f.done();
    return parent.located(name, () -> new IntRange(min, max));
  }

  private static <T> Choice<T> choice(JsonFields parent, String name, Function<String, T> parse) {
    JsonFields f = parent.object(name);
    String form = form(f, "drawn");
    Choice<T> out;
    if (form.equals("fixed")) {
      out = Choice.fixed(f.parse("fixed", f.text("fixed"), parse));
    } else {
      List<Choice.Weighted<T>> options = new ArrayList<>();
      List<JsonNode> items = f.array("drawn");
      for (int i = 0; i < items.size(); i++) {
        JsonFields o = new JsonFields(f.source(), f.where("drawn[" + i + "]"), items.get(i));
        T value = o.parse("value", o.text("value"), parse);
        int weight = o.smallInteger("weight");
        o.done();
        options.add(o.located("weight", () -> new Choice.Weighted<>(value, weight)));
      }
      out = f.located("drawn", () -> new Choice<>(options));
    }
    f.done();
    return out;
  }

  /** Which of {@code fixed} or {@code other} the object uses; exactly one must be present. */
  private static String form(JsonFields f, String other) {
    boolean fixed = f.has("fixed");
    if (fixed == f.has(other)) {
      throw f.error(f.where("fixed"), "give exactly one of fixed or " + other);
    }
    return fixed ? "fixed" : other;
  }

  private static FaultSpec faults(JsonFields f) {
    FaultSpec out;
    if (form(f, "drawn").equals("fixed")) {
      Set<FaultKind> faults = EnumSet.noneOf(FaultKind.class);
      List<JsonNode> items = f.array("fixed");
      for (int i = 0; i < items.size(); i++) {
        String where = f.where("fixed[" + i + "]");
        if (!items.get(i).isTextual()) {
          throw f.error(where, "must be a fault name, was " + items.get(i));
        }
        FaultKind kind = fault(f, where, items.get(i).asText());
        if (!faults.add(kind)) {
          throw f.error(where, "fault " + kind.optionName() + " listed twice");
        }
      }
      out = FaultSpec.fixed(faults);
    } else {
      JsonFields drawn = f.object("drawn");
      Map<FaultKind, Ratio> chances = new EnumMap<>(FaultKind.class);
      for (String name : drawn.names()) {
        chances.put(fault(f, drawn.where(name), name), drawn.ratio(name));
      }
      drawn.done();
      out = FaultSpec.drawn(chances);
    }
    f.done();
    return out;
  }

  private static FaultKind fault(JsonFields f, String where, String name) {
    for (FaultKind k : FaultKind.values()) {
      if (k.optionName().equals(name)) {
        return k;
      }
    }
    throw f.error(
        where,
        "'"
            + name
            + "' is not a fault; expected one of "
            + FaultKind.describe(EnumSet.allOf(FaultKind.class)));
  }

  private static ProfileSpec.Workload workload(JsonFields f) {
    Choice<WorkloadKind> kind = choice(f, "kind", WorkloadKind::parse);
    IntRange ops = range(f, "ops");
    IntRange keys = range(f, "keys");
    int hotKeys = f.smallInteger("hotKeys");
    Ratio hot = f.ratio("hotRatio");
    Ratio reads = f.ratio("readRatio");
    Ratio deletes = f.ratio("deleteRatio");
    int keysPerWrite = f.smallInteger("maxKeysPerWrite");
    IntRange events = range(f, "events");
    long gap = f.integer("opGapTicksMean");
    f.done();
    return f.locatedHere(
        () ->
            new ProfileSpec.Workload(
                kind, ops, keys, hotKeys, hot, reads, deletes, keysPerWrite, events, gap));
  }

  private static ProfileSpec.Network network(JsonFields f) {
    long min = f.integer("delayTicksMin");
    IntRange max = range(f, "delayTicksMax");
    long calmMax = f.integer("calmDelayTicksMax");
    Choice<DelayDistribution> dist = choice(f, "delayDistribution", ProfileReader::distribution);
    Ratio loss = f.ratio("loss");
    Ratio duplicate = f.ratio("duplicate");
    f.done();
    return f.locatedHere(() -> new ProfileSpec.Network(min, max, calmMax, dist, loss, duplicate));
  }

  private static ProfileSpec.Clocks clocks(JsonFields f) {
    long maxDrift = f.integer("maxDriftMillis");
    long skew = f.integer("skewMillisMax");
    long drift = f.integer("driftPpmMax");
    long step = f.integer("stepMillisMax");
    long strobe = f.integer("strobeMillisMax");
    f.done();
    return f.locatedHere(() -> new ProfileSpec.Clocks(maxDrift, skew, drift, step, strobe));
  }

  private static ProfileSpec.Timing timing(JsonFields f) {
    long sync = f.integer("syncIntervalTicks");
    long faultMin = f.integer("faultTicksMin");
    long faultMax = f.integer("faultTicksMax");
    long gapMin = f.integer("faultGapTicksMin");
    long gapMax = f.integer("faultGapTicksMax");
    long budget = f.integer("convergenceBudgetTicks");
    long factor = f.integer("requestTimeoutDelayFactor");
    long extra = f.integer("requestTimeoutExtraTicks");
    boolean antiEntropy = f.bool("antiEntropy");
    f.done();
    return f.locatedHere(
        () ->
            new ProfileSpec.Timing(
                sync, faultMin, faultMax, gapMin, gapMax, budget, factor, extra, antiEntropy));
  }

  private static String name(String name) {
    if (!name.matches(ProfileSpec.NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a profile name: lowercase letters, digits and '-'");
    }
    return name;
  }

  /** The policy option names of {@code entente simulate --policy}. */
  private static RegisterPolicy policy(String name) {
    return switch (name) {
      case "lww" -> RegisterPolicy.LWW;
      case "mv" -> RegisterPolicy.MV;
      case "group" -> RegisterPolicy.CAUSAL_GROUP;
      default ->
          throw new IllegalArgumentException(
              "'" + name + "' is not a policy; expected lww, mv or group");
    };
  }

  private static ClockKind clock(String name) {
    for (ClockKind k : ClockKind.values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a clock; expected wall, lamport or hlc");
  }

  private static DelayDistribution distribution(String name) {
    for (DelayDistribution d : DelayDistribution.values()) {
      if (d.optionName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a delay distribution; expected uniform or exponential");
  }
}
