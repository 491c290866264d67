/**
 * The scenario format: what a scenario file may say, its defaults, and the validation that turns
 * a YAML tree into a {@link io.clustersim.scenarios.schema.Scenario} or a precise
 * {@link io.clustersim.scenarios.yaml.InputError}.
 */
package io.clustersim.scenarios.schema;
