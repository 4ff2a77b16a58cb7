package dev.entente.model.check;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sequential models the linearizability checker knows, by name. Every model returned is
 * immutable and thread-safe.
 */
public final class Models {
  /** The names {@link #named} accepts, in the order the command line lists them. */
  public static final List<String> NAMES =
      List.of("register", "cas-register", "etcd", "mutex", "multi-register", "kv");

  private Models() {}

  /**
   * Knossos's read/write {@code register}, holding {@code initial} (null = nil) at first; a read of
   * nil is always legal (the client did not learn the value).
   */
  public static SequentialModel<?> register(@Nullable Object initial) {
    return new RegisterModel("register", initial, false, false);
  }

  /**
   * Knossos's {@code cas-register}: read, write and {@code :cas [expected new]}, holding {@code
   * initial} at first. A failed op never happened; a read of nil is always legal.
   */
  public static SequentialModel<?> casRegister(@Nullable Object initial) {
    return new RegisterModel("cas-register", initial, true, false);
  }

  /**
   * Porcupine's etcd model: a cas-register that starts as nil (the key is absent) and where a
   * failed cas is an observed "compare failed": legal only when the register does not hold the
   * expected value, and a read of nil means the key is absent. Failed reads (timeouts) never
   * happened.
   */
  public static SequentialModel<?> etcd() {
    return new RegisterModel("etcd", null, true, true);
  }

  /** A lock that starts free. */
  public static SequentialModel<?> mutex() {
    return new MutexModel();
  }

  /** Registers by key, read and written by {@code :txn}s; {@code initial} maps keys to values. */
  public static SequentialModel<?> multiRegister(Map<?, ?> initial) {
    return new MultiRegisterModel(initial);
  }

  /** Porcupine's key-value map: get, put and append on string values, every key initially "". */
  public static SequentialModel<?> kv() {
    return new KvModel();
  }

  /**
   * The model called {@code name} (one of {@link #NAMES}) with initial value {@code initial}: used
   * by {@code register} and {@code cas-register} (null = nil) and {@code multi-register} (a map,
   * null = empty); the other models take none and reject a non-null one.
   */
  public static SequentialModel<?> named(String name, @Nullable Object initial) {
    return switch (name) {
      case "register" -> register(initial);
      case "cas-register" -> casRegister(initial);
      case "multi-register" -> multiRegister(initialMap(initial));
      case "etcd" -> noInitial(name, initial, etcd());
      case "mutex" -> noInitial(name, initial, mutex());
      case "kv" -> noInitial(name, initial, kv());
      default ->
          throw new IllegalArgumentException(
              "unknown model '" + name + "'; expected one of " + String.join(", ", NAMES));
    };
  }

  private static Map<?, ?> initialMap(@Nullable Object initial) {
    if (initial == null) {
      return Map.of();
    }
    if (initial instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(
        "multi-register's initial value must be a map, was " + Values.print(initial));
  }

  private static SequentialModel<?> noInitial(
      String name, @Nullable Object initial, SequentialModel<?> model) {
    if (initial != null) {
      throw new IllegalArgumentException(
          "model " + name + " takes no initial value, was " + Values.print(initial));
    }
    return model;
  }
}
