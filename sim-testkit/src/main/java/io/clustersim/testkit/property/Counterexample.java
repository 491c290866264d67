package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;

/**
 * A failing run: the draws it read (its choices and labelled values) and what it threw.
 *
 * @param shrinkRuns property runs the shrinker spent to reach it (0 before shrinking)
 */
record Counterexample(Draws draws, Throwable failure, int shrinkRuns) {
}
