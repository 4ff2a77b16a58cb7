/**
 * Deliberately broken variants of the CRDT's parts, used only to test the tester: each one must be
 * caught by the simulator's checkers within a stated seed budget. Nothing outside the mutant
 * catalogue may use them.
 */
package dev.entente.simulations.broken;
