package dev.entente.simulations;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.profile.Choice;
import dev.entente.simulations.profile.IntRange;
import dev.entente.simulations.profile.ProfileException;
import dev.entente.simulations.profile.ProfileReader;
import dev.entente.simulations.profile.ProfileSpec;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.random.RunRandom;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import dev.entente.simulations.workload.WorkloadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An option profile: a {@link ProfileSpec} loaded from a JSON file, which {@link #resolve} turns
 * into every option of a seed's run. The built-in profiles are the files under {@code
 * simulations/src/main/resources/profiles/}; a user's profile is any file in the same format
 * ({@link #load}, {@code entente simulate --profile-file FILE}).
 *
 * <ul>
 *   <li>{@code default}: 3-5 replicas, LWW over HLC, sync and workload drawn per seed, a moderate
 *       mix of every fault family (one-sided and majority partitions, one-way cuts, clogging,
 *       crashes, pauses, clock steps, loss, duplication, reordering, delay spread, skew, drift).
 *   <li>{@code calm}: 3 replicas, no faults.
 *   <li>{@code partitions}: 3-6 replicas, every partition shape, clogging and swizzle-clogging.
 *   <li>{@code clock-skew}: clock drawn among wall, lamport and hlc; large skew, drift, steps and
 *       strobing.
 *   <li>{@code crashes}: crash and restart, amnesia, pause, late join.
 *   <li>{@code swarm}: everything drawn per seed: 2-6 replicas, each fault with chance 1/2, the
 *       policy, the clock, the sync variant (the sequencer 1 time in 8), the workload, 50-400 ops
 *       and the network's parameters.
 *   <li>{@code storage-faults}: storage-backed replicas; crash and amnesia through the simulated
 *       disk, torn writes, flipped bits, a full disk; policy and sync drawn.
 *   <li>{@code long-offline}: one replica cut off for most of the run, editing offline, while the
 *       others write and delete; storage-backed.
 *   <li>{@code rollout}: a schema rollout (issue 12): 3-5 replicas on the calendar chain upgrade at
 *       seeded ticks, some never; every fault family on.
 *   <li>{@code compaction}: replicas collect garbage and compact to snapshots during the run; one
 *       is cut off for most of it and rejoins behind the others' horizon (delta sync).
 * </ul>
 *
 * <p>Every profile draws the same fixed sequence of values from the seed's option stream, one value
 * per draw whether the profile fixes the knob or not (so an explicit option never shifts another
 * draw): replicas, policy, sync, clock, workload kind, faults, ops, delay bound, delay
 * distribution, keys, events. {@link Overrides} win last. The faults are one draw, from which each
 * fault's inclusion is derived by its name ({@link dev.entente.simulations.profile.FaultDraw}).
 *
 * <p>Under the sequencer, amnesia is never enabled: the baseline has one unreplicated server, and
 * wiping it would lose acknowledged writes by design rather than by bug.
 *
 * <p>Immutable and thread-safe. Equality is identity: each built-in profile is one constant.
 */
public final class Profile {
  /** {@code profiles/default.json}. */
  public static final Profile DEFAULT = resource("default");

  /** {@code profiles/calm.json}. */
  public static final Profile CALM = resource("calm");

  /** {@code profiles/partitions.json}. */
  public static final Profile PARTITIONS = resource("partitions");

  /** {@code profiles/clock-skew.json}. */
  public static final Profile CLOCK_SKEW = resource("clock-skew");

  /** {@code profiles/crashes.json}. */
  public static final Profile CRASHES = resource("crashes");

  /** {@code profiles/swarm.json}. */
  public static final Profile SWARM = resource("swarm");

  /** {@code profiles/storage-faults.json}. */
  public static final Profile STORAGE_FAULTS = resource("storage-faults");

  /** {@code profiles/long-offline.json}. */
  public static final Profile LONG_OFFLINE = resource("long-offline");

  /** {@code profiles/rollout.json}: a schema rollout under every fault (issue 12). */
  public static final Profile ROLLOUT = resource("rollout");

  /** {@code profiles/compaction.json}: GC and compaction inside the run (issue 10). */
  public static final Profile COMPACTION = resource("compaction");

  private static final List<Profile> BUILT_IN =
      List.of(
          DEFAULT,
          CALM,
          PARTITIONS,
          CLOCK_SKEW,
          CRASHES,
          SWARM,
          STORAGE_FAULTS,
          LONG_OFFLINE,
          ROLLOUT,
          COMPACTION);

  private final ProfileSpec spec;
  private final @Nullable Path file;

  private Profile(String source, ProfileSpec spec, @Nullable Path file) {
    if (spec.replicas().max() > SimulationOptions.MAX_REPLICAS) {
      throw new ProfileException(
          source,
          "replicas.max",
          "must be <= " + SimulationOptions.MAX_REPLICAS + ", was " + spec.replicas().max());
    }
    this.spec = spec;
    this.file = file;
  }

  /**
   * Loads a user's profile file.
   *
   * @throws ProfileException naming the file and the field at fault, or that it cannot be read
   */
  public static Profile load(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProfileException(source, ProfileException.WHOLE_FILE, "cannot read: " + e, e);
    }
    return new Profile(source, ProfileReader.read(source, text), file);
  }

  /** The built-in profiles, in a fixed order. */
  public static List<Profile> builtIn() {
    return BUILT_IN;
  }

  /** The built-in profiles, in a fixed order, as an array (the enum-style spelling). */
  public static Profile[] values() {
    return BUILT_IN.toArray(new Profile[0]);
  }

  /** Parses a built-in profile's option name. */
  public static Profile parse(String name) {
    List<String> names = new ArrayList<>();
    for (Profile p : BUILT_IN) {
      if (p.optionName().equals(name)) {
        return p;
      }
      names.add(p.optionName());
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a profile; expected one of " + String.join(", ", names));
  }

  /** The option name, e.g. {@code clock-skew} (a user file's {@code name} field). */
  public String optionName() {
    return spec.name();
  }

  /** The loaded data. */
  public ProfileSpec spec() {
    return spec;
  }

  /** The file a user's profile was loaded from; empty for a built-in profile. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The arguments that select this profile: {@code --profile P} or {@code --profile-file F}. */
  public String replayArguments() {
    return file == null ? "--profile " + optionName() : "--profile-file " + file;
  }

  @Override
  public String toString() {
    return optionName();
  }

  /** Resolves every option of the run with {@code seed}. */
  public SimulationOptions resolve(long seed, Overrides o) {
    Draws d = new Draws(new RunRandom(seed).options());
    // The order of these draws is part of every seed's identity: never reorder or insert one.
    int replicas = (int) d.range(spec.replicas());
    RegisterPolicy policy = d.choose(spec.policy());
    SyncKind sync = d.choose(spec.sync());
    ClockKind clock = d.choose(spec.clock());
    WorkloadKind workload = d.choose(spec.workload().kind());
    Set<FaultKind> faults = spec.faults().draw(d.value());
    int ops = (int) d.range(spec.workload().ops());
    long delayMax = d.range(spec.network().delayTicksMax());
    DelayDistribution dist = d.choose(spec.network().delayDistribution());
    int keys = (int) d.range(spec.workload().keys());
    int events = (int) d.range(spec.workload().events());

    replicas = o.replicas() != null ? o.replicas() : replicas;
    ops = o.ops() != null ? o.ops() : ops;
    policy = o.policy() != null ? o.policy() : policy;
    sync = o.sync() != null ? o.sync() : sync;
    EnumSet<FaultKind> chosen = EnumSet.noneOf(FaultKind.class);
    chosen.addAll(o.faults() != null ? o.faults() : faults);
    if (sync == SyncKind.SEQUENCER) {
      chosen.remove(FaultKind.AMNESIA);
    }
    NetworkConfig network = network(chosen, delayMax, dist);
    return new SimulationOptions(
        seed,
        this,
        replicas,
        policy,
        sync,
        o.mutant() != null ? o.mutant() : Mutant.NONE,
        chosen,
        workload(o.workload() != null ? o.workload() : workload, ops, keys, events),
        network,
        clocks(o.clock() != null ? o.clock() : clock, chosen, o),
        timing(network, o),
        o);
  }

  private NetworkConfig network(Set<FaultKind> faults, long delayMax, DelayDistribution dist) {
    ProfileSpec.Network n = spec.network();
    boolean delay = faults.contains(FaultKind.DELAY);
    return new NetworkConfig(
        n.delayTicksMin(),
        delay ? delayMax : n.calmDelayTicksMax(),
        delay ? dist : DelayDistribution.UNIFORM,
        faults.contains(FaultKind.LOSS) ? n.loss() : Ratio.ZERO,
        faults.contains(FaultKind.DUPLICATE) ? n.duplicate() : Ratio.ZERO,
        faults.contains(FaultKind.REORDER));
  }

  private ClockOptions clocks(ClockKind kind, Set<FaultKind> faults, Overrides o) {
    ProfileSpec.Clocks c = spec.clocks();
    return new ClockOptions(
        kind,
        o.maxDriftMillis() != null ? o.maxDriftMillis() : c.maxDriftMillis(),
        faults.contains(FaultKind.SKEW) ? c.skewMillisMax() : 0,
        faults.contains(FaultKind.DRIFT) ? c.driftPpmMax() : 0,
        faults.contains(FaultKind.CLOCK_STEP) ? c.stepMillisMax() : 0,
        faults.contains(FaultKind.CLOCK_STROBE) ? c.strobeMillisMax() : 0);
  }

  private WorkloadOptions workload(WorkloadKind kind, int ops, int keys, int events) {
    ProfileSpec.Workload w = spec.workload();
    return new WorkloadOptions(
        kind,
        ops,
        keys,
        w.hotKeys(),
        w.hotRatio(),
        w.readRatio(),
        w.deleteRatio(),
        w.maxKeysPerWrite(),
        events,
        w.opGapTicksMean());
  }

  private TimingOptions timing(NetworkConfig network, Overrides o) {
    ProfileSpec.Timing t = spec.timing();
    return new TimingOptions(
        t.syncIntervalTicks(),
        t.faultTicksMin(),
        t.faultTicksMax(),
        t.faultGapTicksMin(),
        t.faultGapTicksMax(),
        o.convergenceBudgetTicks() != null
            ? o.convergenceBudgetTicks()
            : t.convergenceBudgetTicks(),
        t.requestTimeoutDelayFactor() * network.delayTicksMax() + t.requestTimeoutExtraTicks(),
        o.antiEntropy() != null ? o.antiEntropy() : t.antiEntropy());
  }

  private static Profile resource(String name) {
    String path = "/profiles/" + name + ".json";
    String source = "resource " + path;
    try (InputStream in = Profile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ProfileException(source, ProfileException.WHOLE_FILE, "not on the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Profile(source, ProfileReader.read(source, text), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /** Each draw uses its own child generator, so draws never consume a varying number of values. */
  private static final class Draws {
    private final Prng prng;

    Draws(Prng prng) {
      this.prng = prng;
    }

    long range(IntRange r) {
      return r.draw(new Prng(prng.nextLong()));
    }

    <T> T choose(Choice<T> c) {
      return c.draw(new Prng(prng.nextLong()));
    }

    /** One raw value, for draws keyed further (the faults). */
    long value() {
      return prng.nextLong();
    }
  }
}
