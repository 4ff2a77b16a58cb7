package dev.entente.node;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts the annotated element from forbiddenapis' ban on the real clock, sleeping and ambient
 * randomness. In this module only {@link RealTime} carries it: real processes need real time, and
 * keeping every read of it behind one seam keeps the rest of the module honest about where time
 * enters.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {}
