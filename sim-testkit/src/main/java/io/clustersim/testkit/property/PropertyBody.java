package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;

/**
 * A property as the engine sees it. Unlike {@code Consumer<Draws>} it may throw checked
 * exceptions, which a reflectively invoked test method can.
 */
@FunctionalInterface
interface PropertyBody {
    void check(Draws draws) throws Throwable;
}
