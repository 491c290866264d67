/**
 * The property harness: runs a property body against many generated inputs, each try seeded from
 * one base seed, and on the first failure shrinks it to a minimal failing input and reports how to
 * replay it.
 *
 * <p>{@link io.clustersim.testkit.property.PropertyCheck} is the engine and plain API;
 * {@link io.clustersim.testkit.property.Property} and its JUnit extension are a thin adapter over
 * it. Keeping the engine free of JUnit is why a CI job or a simulator sweep can run properties
 * without a test framework, and why the engine's own tests need no nested JUnit runs. Everything
 * here is deterministic for a given seed: the base seed is explicit or derived from the test's
 * name, never from the clock, so a failure seen once in CI is seen again on a laptop.
 */
package io.clustersim.testkit.property;
