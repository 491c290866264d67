/** Summary statistics over a run's raw observations, on Commons Statistics. */
package io.clustersim.reports.stats;
