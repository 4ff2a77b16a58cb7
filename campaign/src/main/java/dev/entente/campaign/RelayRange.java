package dev.entente.campaign;

import dev.entente.simulations.SeedRange;
import dev.entente.simulations.relay.Attack;
import dev.entente.simulations.relay.RelayMutant;
import dev.entente.simulations.relay.RelayOptions;
import dev.entente.simulations.relay.RelayRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code entente simulate --topology relay}: runs a seed range of the relay topology under the
 * given attacks, printing each run's lines (or its last with {@code brief}). With {@code out},
 * every run leaves {@code out/seed-S/} with {@code relay.bin} (every byte the relay stored and
 * every frame it forwarded, concatenated, so anyone can grep it for plaintext) beside {@code
 * run.txt} (the run's lines). Not thread-safe: one instance per invocation.
 */
public final class RelayRange {
  private final Set<Attack> attacks;
  private final RelayMutant mutant;
  private final SeedRange seeds;
  private final boolean brief;
  private final @Nullable Path out;

  private RelayRange(
      Set<Attack> attacks, RelayMutant mutant, SeedRange seeds, boolean brief, @Nullable Path out) {
    this.attacks = attacks;
    this.mutant = mutant;
    this.seeds = seeds;
    this.brief = brief;
    this.out = out;
  }

  /**
   * Parses the command-line words.
   *
   * @param topology must be {@code relay}
   * @param attacks a comma-separated attack list, or null for none
   * @param mutant a relay mutant's name, or null for none
   * @throws IllegalArgumentException naming the bad word
   */
  public static RelayRange parse(
      String topology,
      @Nullable String attacks,
      @Nullable String mutant,
      SeedRange seeds,
      boolean brief,
      @Nullable Path out) {
    if (!topology.equals("relay")) {
      throw new IllegalArgumentException("--topology must be p2p or relay, was '" + topology + "'");
    }
    Set<Attack> a = attacks == null ? Set.of() : Attack.parseList(attacks);
    RelayMutant m = mutant == null ? RelayMutant.NONE : RelayMutant.parse(mutant);
    return new RelayRange(a, m, seeds, brief, out);
  }

  /** Runs every seed; true if every run passed. */
  public boolean run(PrintStream stdout) {
    boolean passed = true;
    for (long s = seeds.first(); s <= seeds.last(); s++) {
      List<String> lines = new ArrayList<>();
      RelayRunner.Result r = RelayRunner.run(RelayOptions.of(s, attacks, mutant), lines::add);
      (brief ? List.of(r.lastLine()) : lines).forEach(stdout::println);
      passed &= r.passed();
      if (out != null) {
        write(out.resolve("seed-" + s), r, lines);
      }
    }
    return passed;
  }

  private static void write(Path dir, RelayRunner.Result r, List<String> lines) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("relay.bin"), r.outcome().relayBytes());
      Files.writeString(
          dir.resolve("run.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the relay run to " + dir, e);
    }
  }
}
