package dev.entente.peers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a type or method from the forbiddenapis nondeterminism signatures. Used only at the edge
 * where a real child process is waited for and where apply time is measured; neither ever feeds a
 * run's trace, history or verdicts.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {}
