/**
 * Randomised fault checking of a scenario ({@code clustersim check}): a nemesis draws fault
 * schedules from the fault vocabulary within a budget, every run is checked for safety and for
 * the scenario's {@code expect:} section, and the first failure is shrunk to a minimal schedule
 * that pastes back into the scenario file.
 */
package io.clustersim.scenarios.check;
