/**
 * The simulator, composed of Jepsen's parts: a {@link dev.entente.simulations.run.Generator} plans
 * the run as data (a {@code Schedule} of client ops and faults), a {@code Client} executes each op
 * on a machine (a replica's local op, or a request to the sequencer), a {@code Nemesis} per fault
 * family (partitions, clogs, process faults, clock faults, membership, message faults) starts and
 * heals faults, and checkers judge the outcome. The parts act on the cluster only through the
 * narrow {@code World} view that {@code Cluster} implements; {@link
 * dev.entente.simulations.run.Simulation} wires them together and runs the two phases.
 */
package dev.entente.simulations.run;
