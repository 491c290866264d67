/**
 * The metric catalogue: the one place that names every metric a Nomad deployment records, with
 * its kind, unit and meaning. Recorders write against these names into the run's
 * {@link io.clustersim.kernel.telemetry.Telemetry}; reports read them back in catalogue order.
 */
package io.clustersim.model.metrics;
