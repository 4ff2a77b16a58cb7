package dev.entente.impl.gc;

/**
 * Decides the frontier a replica collects garbage at, from the reports it has received. The one
 * correct policy is {@link #CAUSAL_STABILITY}; the interface is the seam through which the
 * simulator substitutes broken policies (collecting before stability) to prove its checkers bite.
 */
@FunctionalInterface
public interface GcPolicy {
  /** Collects at the frontier every current member has reported ({@link StabilityTracker}). */
  GcPolicy CAUSAL_STABILITY = StabilityTracker::frontier;

  /** The frontier to collect at, given what {@code tracker} knows. */
  StabilityFrontier frontier(StabilityTracker tracker);
}
