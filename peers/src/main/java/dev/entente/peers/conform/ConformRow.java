package dev.entente.peers.conform;

/**
 * One row of the conformance table: the scenario, whether it passed, the first failing check's
 * explanation (or what passed), and the implementation the peer said it is. Immutable.
 */
public record ConformRow(String scenario, boolean passed, String detail, String implementation) {}
