/**
 * Domain-free recording of a run's measurements against virtual time: counters, gauges, samples
 * and time-weighted levels (such as "available or not"), each named once by a
 * {@link io.clustersim.kernel.telemetry.MetricName} and told apart by
 * {@link io.clustersim.kernel.telemetry.Labels} (region, zone, server). Reports read them from one
 * {@link io.clustersim.kernel.telemetry.Telemetry} per run, in the order they were registered.
 */
package io.clustersim.kernel.telemetry;
