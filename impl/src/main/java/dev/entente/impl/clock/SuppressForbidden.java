package dev.entente.impl.clock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts the annotated element from the forbiddenapis check, which bans the real clock and ambient
 * randomness everywhere else. Use it only on the one adapter that must touch the real world ({@link
 * SystemPhysicalClock}), so that every other component stays deterministic under the simulator.
 *
 * <p>Class retention is enough: forbiddenapis reads bytecode, and nothing needs the annotation at
 * run time.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {}
