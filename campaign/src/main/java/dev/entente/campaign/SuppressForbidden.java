package dev.entente.campaign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts the annotated element from the forbiddenapis check, which bans the real clock and ambient
 * randomness. The campaign uses it only where it measures wall time for progress and timings
 * ({@link CampaignRunner}); every record and section stays a pure function of its spec.
 *
 * <p>Class retention is enough: forbiddenapis reads bytecode.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@interface SuppressForbidden {}
