/**
 * Scenarios: the YAML format, its loading and validation ({@code schema}), the safe YAML reader
 * underneath ({@code yaml}) and the runner that turns a scenario and a seed into results
 * ({@code run}).
 */
package io.clustersim.scenarios;
