/**
 * How the simulator assembles a real replica and its protocol ({@link
 * dev.entente.simulations.cluster.ClusterFactory}); the mutant catalogue overrides it point by
 * point.
 */
package dev.entente.simulations.cluster;
