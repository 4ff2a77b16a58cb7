/**
 * Runs and judges seeds on top of the simulator: {@link
 * dev.entente.simulations.driver.SimulationRunner} (one seed and its output contract), {@link
 * dev.entente.simulations.driver.MutantHunt} (test the tester) and {@link
 * dev.entente.simulations.driver.Shrinker} (minimise a failing schedule).
 */
package dev.entente.simulations.driver;
