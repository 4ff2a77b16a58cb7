package dev.entente.cli;

import dev.entente.model.RegisterPolicy;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line names of the register policies: {@code lww}, {@code mv} and {@code group} (for
 * {@link RegisterPolicy#CAUSAL_GROUP}). Also the picocli converter and completion list for options
 * that take a policy. Stateless.
 */
public final class PolicyName implements ITypeConverter<RegisterPolicy>, Iterable<String> {
  private static final List<String> NAMES = List.of("lww", "mv", "group");

  /** Picocli instantiates this class reflectively. */
  public PolicyName() {}

  /** The command-line name of {@code policy}. */
  public static String of(RegisterPolicy policy) {
    return switch (policy) {
      case LWW -> "lww";
      case MV -> "mv";
      case CAUSAL_GROUP -> "group";
    };
  }

  @Override
  public RegisterPolicy convert(String name) {
    return switch (name) {
      case "lww" -> RegisterPolicy.LWW;
      case "mv" -> RegisterPolicy.MV;
      case "group" -> RegisterPolicy.CAUSAL_GROUP;
      default ->
          throw new TypeConversionException(
              "'" + name + "' is not a policy; expected one of " + String.join(", ", NAMES));
    };
  }

  @Override
  public Iterator<String> iterator() {
    return NAMES.iterator();
  }
}
