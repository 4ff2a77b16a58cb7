package dev.entente.impl.clock;

/**
 * The physical clock of the machine: {@link System#currentTimeMillis()}. The only place in Entente
 * that reads real time; everything else receives a {@link PhysicalClock} so the simulator can
 * substitute its own. Stateless and thread-safe.
 *
 * <p>Like the system clock it wraps, it is not monotonic: NTP may step it backwards, which is why
 * the logical clocks built on it never trust it to move forward.
 */
@SuppressForbidden
public final class SystemPhysicalClock implements PhysicalClock {
  /** The single instance; the class has no state. */
  public static final SystemPhysicalClock INSTANCE = new SystemPhysicalClock();

  private SystemPhysicalClock() {}

  @Override
  public long millis() {
    return System.currentTimeMillis(); // allowed: the one real clock source
  }
}
