package io.clustersim.testkit.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit test method as a property: it is run many times, each with a fresh
 * {@link io.clustersim.testkit.gen.Draws} parameter, and the first failure is shrunk and reported
 * with its replay seed (see {@link PropertyCheck}).
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void quorumNeedsAMajority(Draws draws) {
 *     TopologySpec topology = draws.draw(Gens.topologies(3, 3, 5, 2), "topology");
 *     assertThat(quorum(topology)).isGreaterThan(topology.totalServers() / 2);
 * }
 * }</pre>
 *
 * <p>Configuration (system properties or JUnit configuration parameters):
 * <ul>
 *   <li>{@code clustersim.tries}: effort in percent; a property runs
 *       {@code tries() * effort / 100} tries, at least 1. Unset means 100, so {@link #tries()}
 *       is the count "at the default effort of 100". The build passes 30; {@code -Pthorough}
 *       passes 500.
 *   <li>{@code clustersim.seed.base}: base seed of every property; unset means a hash of
 *       {@code Class#method}, so every run of the build tries the same inputs.
 *   <li>{@code clustersim.seed}: run only the try with this seed (from a failure report), still
 *       shrinking a failure. Select the one test too: {@code -Dtest=Class#method}.
 * </ul>
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} run once around all tries, not around each try:
 * build per-try state (a simulator, a cluster) inside the method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(PropertyExtension.class)
public @interface Property {

    /** Tries at the default effort of 100 (see {@code clustersim.tries} above). */
    int tries() default 100;

    /** Property runs the shrinker may spend on a failure. */
    int maxShrinks() default PropertyCheck.DEFAULT_MAX_SHRINKS;
}
