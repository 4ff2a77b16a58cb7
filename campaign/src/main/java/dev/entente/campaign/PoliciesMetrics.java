package dev.entente.campaign;

/**
 * One run of the policies experiment ({@link PoliciesExperiment}). Immutable.
 *
 * @param reads reads
 * @param impossibleReads reads in an impossible calendar state
 * @param finalImpossibleEvents impossible events left after convergence
 * @param siblingReads reads showing siblings
 * @param siblingKeys sibling keys shown, over all reads
 * @param maxSiblings most siblings on one key
 * @param edits field edits
 * @param concurrentEdits concurrent field edits
 * @param concurrentKept concurrent edits kept
 * @param concurrentLost concurrent edits lost
 * @param lostOther edits lost without a concurrent write to the same key
 */
public record PoliciesMetrics(
    SimRun run,
    long reads,
    long impossibleReads,
    long finalImpossibleEvents,
    long siblingReads,
    long siblingKeys,
    long maxSiblings,
    long edits,
    long concurrentEdits,
    long concurrentKept,
    long concurrentLost,
    long lostOther)
    implements SimulatedMetrics {}
