package dev.entente.tla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The specs' {@code manifest.json}: every TLA+ module and every model with its expected result.
 * Immutable.
 *
 * @param modules the {@code .tla} files the models need
 * @param models the models, in the order they should run
 */
public record Manifest(List<String> modules, List<Model> models) {
  /** The file name of the manifest in the specs directory. */
  public static final String FILE = "manifest.json";

  /** Validates and copies. */
  public Manifest {
    modules = List.copyOf(modules);
    models = List.copyOf(models);
  }

  /**
   * One model: a config run against a spec, and what TLC must find.
   *
   * @param name the model's name, the config file name without {@code .cfg}
   * @param spec the {@code .tla} file TLC runs
   * @param config the {@code .cfg} file
   * @param expected {@code pass}, {@code invariant} (an invariant must be violated) or {@code
   *     property} (a temporal or action property must be violated)
   * @param violates for {@code invariant} and {@code property}: the name TLC must report; empty if
   *     TLC does not name it (temporal properties)
   * @param distinctStates for {@code pass}: the exact number of distinct states; -1 if not recorded
   * @param statesGenerated the states generated when the manifest was written (informative)
   * @param depth the search depth, or the counterexample length, when the manifest was written
   * @param ci whether the model runs in the build (else it is for manual runs)
   * @param checks what the model checks, for people
   */
  public record Model(
      String name,
      String spec,
      String config,
      String expected,
      String violates,
      long distinctStates,
      long statesGenerated,
      int depth,
      boolean ci,
      String checks) {
    /** Validates. */
    public Model {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(config, "config");
      if (!List.of("pass", "invariant", "property").contains(expected)) {
        throw new IllegalArgumentException(
            "model " + name + ": expected must be pass, invariant or property, was " + expected);
      }
      violates = violates == null ? "" : violates;
      checks = checks == null ? "" : checks;
    }

    /** The outcome TLC must report. */
    public TlcOutcome expectedOutcome() {
      return switch (expected) {
        case "pass" -> TlcOutcome.PASSED;
        case "invariant" -> TlcOutcome.INVARIANT_VIOLATED;
        default -> TlcOutcome.PROPERTY_VIOLATED;
      };
    }

    /** The expected result as a label, for example {@code INVARIANT_VIOLATED(Convergence)}. */
    public String expectedLabel() {
      return violates.isEmpty()
          ? expectedOutcome().name()
          : expectedOutcome().name() + "(" + violates + ")";
    }

    /**
     * Whether {@code result} is what this model expects: the same outcome; for a passing model the
     * recorded distinct-state count (if any); for a failing one the named invariant and a trace.
     */
    public boolean matches(TlcResult result) {
      if (result.outcome() != expectedOutcome()) {
        return false;
      }
      if (expectedOutcome() == TlcOutcome.PASSED) {
        return distinctStates < 0 || result.distinctStates() == distinctStates;
      }
      return (violates.isEmpty() || violates.equals(result.violated()))
          && !result.trace().isEmpty();
    }
  }

  /** Reads a manifest; unknown fields are rejected so that typos do not pass silently. */
  public static Manifest read(InputStream in) {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return mapper.readValue(in, Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLA+ manifest", e);
    }
  }

  /** Reads {@code manifest.json} from {@code specDir}. */
  public static Manifest read(Path specDir) {
    try (InputStream in = Files.newInputStream(specDir.resolve(FILE))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + specDir.resolve(FILE), e);
    }
  }

  /** The model called {@code name}, if any. */
  public Optional<Model> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The models that run in the build. */
  public List<Model> ciModels() {
    return models.stream().filter(Model::ci).toList();
  }
}
