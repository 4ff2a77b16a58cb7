package dev.entente.cli;

import dev.entente.impl.clock.ClockKind;
import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters (and completion lists) for the simulator's named options, built on each type's
 * own {@code parse}: picocli turns a refused name into a usage error naming the option. Each nested
 * class is instantiated reflectively by picocli. Stateless.
 *
 * @param <T> the option's type
 */
abstract class OptionNames<T> implements ITypeConverter<T>, Iterable<String> {
  private final Function<String, T> parse;
  // Computed when picocli first lists the names (help text, completion), not when it builds the
  // command model: the built-in profiles are read from JSON, which a cold `check` must not pay.
  private final Supplier<List<String>> names;

  OptionNames(Function<String, T> parse, Supplier<List<String>> names) {
    this.parse = parse;
    this.names = names;
  }

  @Override
  public T convert(String text) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  @Override
  public Iterator<String> iterator() {
    return List.copyOf(names.get()).iterator();
  }

  /** {@code --profile}: the built-in profiles. */
  static final class Profiles extends OptionNames<Profile> {
    Profiles() {
      super(Profile::parse, () -> names(Profile.builtIn(), Profile::optionName));
    }
  }

  /** {@code --sync}. */
  static final class Syncs extends OptionNames<SyncKind> {
    Syncs() {
      super(SyncKind::parse, () -> names(List.of(SyncKind.values()), SyncKind::optionName));
    }
  }

  /** {@code --clock}. */
  static final class Clocks extends OptionNames<ClockKind> {
    Clocks() {
      super(ClockOptions::parseKind, () -> names(List.of(ClockKind.values()), ClockOptions::name));
    }
  }

  /** {@code --workload}. */
  static final class Workloads extends OptionNames<WorkloadKind> {
    Workloads() {
      super(
          WorkloadKind::parse,
          () -> names(List.of(WorkloadKind.values()), WorkloadKind::optionName));
    }
  }

  /** {@code --mutant}. */
  static final class Mutants extends OptionNames<Mutant> {
    Mutants() {
      super(Mutant::parse, () -> names(List.of(Mutant.values()), Mutant::optionName));
    }
  }

  /** {@code --seeds A..B}. */
  static final class Seeds extends OptionNames<SeedRange> {
    Seeds() {
      super(SeedRange::parse, List::of);
    }
  }

  private static <E> List<String> names(List<E> values, Function<E, String> name) {
    List<String> out = new ArrayList<>();
    for (E v : values) {
      out.add(name.apply(v));
    }
    return out;
  }
}
