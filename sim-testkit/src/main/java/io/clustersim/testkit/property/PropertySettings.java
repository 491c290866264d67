package io.clustersim.testkit.property;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How a {@link Property} method runs, resolved from its annotation and from configuration (JUnit
 * configuration parameters, which fall back to system properties). Malformed values are errors,
 * not silently ignored: a typo in a replay seed must not quietly run random tries instead.
 *
 * @param baseSeed   {@value #SEED_BASE}, else a hash of the property's name
 * @param tries      the annotation's tries scaled by {@value #EFFORT}
 * @param replaySeed {@value #SEED}: run just that one try
 */
record PropertySettings(long baseSeed, int tries, OptionalLong replaySeed) {

    /** Base seed for every property in the run. */
    static final String SEED_BASE = "clustersim.seed.base";

    /** Effort in percent of each property's annotated tries; CI passes 30, -Pthorough 500. */
    static final String EFFORT = "clustersim.tries";

    /** A single try's seed, as printed by a failure report. */
    static final String SEED = "clustersim.seed";

    /** The effort at which {@link Property#tries()} applies unscaled. */
    static final int DEFAULT_EFFORT = 100;

    static PropertySettings resolve(String propertyName, int annotatedTries,
            Function<String, Optional<String>> config) {
        if (annotatedTries < 1) {
            throw new IllegalArgumentException(propertyName + ": tries must be >= 1: " + annotatedTries);
        }
        long baseSeed = value(config, SEED_BASE).map(text -> parseLong(SEED_BASE, text))
                .orElseGet(() -> Seeds.fromName(propertyName));
        int effort = value(config, EFFORT).map(text -> parseEffort(text)).orElse(DEFAULT_EFFORT);
        OptionalLong replaySeed = value(config, SEED)
                .map(text -> OptionalLong.of(parseLong(SEED, text)))
                .orElse(OptionalLong.empty());
        return new PropertySettings(baseSeed, scaledTries(annotatedTries, effort), replaySeed);
    }

    /** {@code annotated * effort / 100}, at least 1 so that every property runs at least once. */
    static int scaledTries(int annotatedTries, int effort) {
        long scaled = (long) annotatedTries * effort / DEFAULT_EFFORT;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, scaled));
    }

    /** Blank counts as unset, so a script can pass {@code -Dclustersim.seed=} for "none". */
    private static Optional<String> value(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static int parseEffort(String text) {
        long effort = parseLong(EFFORT, text);
        if (effort < 0 || effort > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(EFFORT + " must be a non-negative int: " + text);
        }
        return (int) effort;
    }

    private static long parseLong(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a decimal long: '" + text + "'", e);
        }
    }
}
