/**
 * The event queue and the simulation loop. Events are totally ordered by (time, scheduling
 * sequence): two events at the same instant run in the order they were scheduled, so a run is a
 * pure function of its inputs.
 */
package io.clustersim.kernel.event;
