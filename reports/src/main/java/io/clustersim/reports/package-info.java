/**
 * Reports: summary statistics of a run's observations ({@code stats}), the deterministic
 * {@code report.json} and wall-clock {@code run-info.json} writers ({@code json}) and the
 * one-screen text summary ({@code text}).
 */
package io.clustersim.reports;
