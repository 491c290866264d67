package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a property: a body that draws its inputs from a {@link Draws} and fails by throwing.
 *
 * <p>Try {@code i} (from 0) draws from {@code Seeds.forTry(baseSeed, i)}. The first failing try
 * is shrunk to a minimal failing case and reported as a {@link PropertyFailure}, also printed to
 * {@code System.err} so it shows even where the exception is swallowed. A try whose inputs are
 * rejected ({@link Draws.Reject}, {@link Draws#assume}, a JUnit assumption) is discarded, not
 * failed; if every try is discarded the property fails, since it checked nothing.
 *
 * <p>Usable without JUnit, e.g. from a CI job:
 * <pre>{@code
 * PropertyCheck.forAll("leader is unique", 42L, 200, draws -> {
 *     long seed = draws.draw(Gens.seeds(), "seed");
 *     assertThat(runCluster(seed).leaders()).hasSizeLessThanOrEqualTo(1);
 * });
 * }</pre>
 */
public final class PropertyCheck {

    /** Property runs the shrinker may spend per failure. */
    public static final int DEFAULT_MAX_SHRINKS = 2000;

    private PropertyCheck() {
    }

    /** Runs {@code tries} tries derived from {@code baseSeed}; shrinks the first failure. */
    public static void forAll(String name, long baseSeed, int tries, Consumer<Draws> body) {
        forAll(name, baseSeed, tries, DEFAULT_MAX_SHRINKS, body);
    }

    /** As {@link #forAll(String, long, int, Consumer)}, with a shrink budget in property runs. */
    public static void forAll(String name, long baseSeed, int tries, int maxShrinks,
            Consumer<Draws> body) {
        Objects.requireNonNull(body, "body");
        runTries(name, baseSeed, tries, maxShrinks, body::accept, System.err);
    }

    /** Runs the one try drawn from {@code seed}, as printed in a failure report; shrinks it. */
    public static void replay(String name, long seed, Consumer<Draws> body) {
        replay(name, seed, DEFAULT_MAX_SHRINKS, body);
    }

    /** As {@link #replay(String, long, Consumer)}, with a shrink budget in property runs. */
    public static void replay(String name, long seed, int maxShrinks, Consumer<Draws> body) {
        Objects.requireNonNull(body, "body");
        runSeed(name, seed, maxShrinks, body::accept, System.err);
    }

    /**
     * Runs the one try drawn from {@code seed} and, if it fails, shrinks it and returns the minimal
     * failure without printing anything: for tools that run their tries themselves (in parallel,
     * with their own progress display) and shrink the first failure they found.
     */
    public static java.util.Optional<PropertyFailure> shrinkSeed(String name, long seed, int maxShrinks,
            Consumer<Draws> body) {
        Objects.requireNonNull(body, "body");
        Draws draws = Draws.recording(seed);
        TryOutcome outcome = TryOutcome.run(body::accept, draws);
        if (outcome instanceof TryOutcome.Failed failed) {
            return java.util.Optional.of(shrink(name, seed, "try of seed " + seed, maxShrinks, body::accept, draws,
                    failed.failure()));
        }
        return java.util.Optional.empty();
    }

    static void runTries(String name, long baseSeed, int tries, int maxShrinks, PropertyBody body,
            PrintStream report) {
        Objects.requireNonNull(name, "name");
        if (tries < 1 || maxShrinks < 0) {
            throw new IllegalArgumentException(
                    "need tries >= 1 and maxShrinks >= 0: " + tries + ", " + maxShrinks);
        }
        int discarded = 0;
        for (int i = 0; i < tries; i++) {
            String origin = "try " + (i + 1) + " of " + tries + ", base seed " + baseSeed;
            if (runTry(name, Seeds.forTry(baseSeed, i), origin, maxShrinks, body, report)
                    instanceof TryOutcome.Discarded) {
                discarded++;
            }
        }
        if (discarded == tries) {
            throw new AssertionError(name + ": all " + tries + " tries were discarded (base seed "
                    + baseSeed + "); the generators or assumptions reject every input");
        }
    }

    static void runSeed(String name, long seed, int maxShrinks, PropertyBody body,
            PrintStream report) {
        Objects.requireNonNull(name, "name");
        if (maxShrinks < 0) {
            throw new IllegalArgumentException("need maxShrinks >= 0: " + maxShrinks);
        }
        if (runTry(name, seed, "replay of a given seed", maxShrinks, body, report)
                instanceof TryOutcome.Discarded) {
            throw new AssertionError(name + ": the try of seed " + seed
                    + " was discarded, so the replay checked nothing; is it this property's seed?");
        }
    }

    /** Runs one try; throws the shrunk {@link PropertyFailure} if it fails. */
    private static TryOutcome runTry(String name, long seed, String origin, int maxShrinks,
            PropertyBody body, PrintStream report) {
        Draws draws = Draws.recording(seed);
        TryOutcome outcome = TryOutcome.run(body, draws);
        if (outcome instanceof TryOutcome.Failed failed) {
            PropertyFailure failure =
                    shrink(name, seed, origin, maxShrinks, body, draws, failed.failure());
            report.println(failure.getMessage());
            throw failure;
        }
        return outcome;
    }

    private static PropertyFailure shrink(String name, long seed, String origin, int maxShrinks,
            PropertyBody body, Draws failing, Throwable failure) {
        // Replay once before shrinking: shrinking a property that does not fail again on the same
        // choices would report a "minimal case" unrelated to the failure.
        Draws replay = Draws.replaying(failing.choices());
        TryOutcome again = TryOutcome.run(body, replay);
        if (again instanceof TryOutcome.Failed failedAgain) {
            Counterexample minimal =
                    new Shrinker(body, maxShrinks, replay, failedAgain.failure()).shrink();
            return new PropertyFailure(name, seed, origin, failing.choiceCount(), minimal, true);
        }
        return new PropertyFailure(name, seed, origin, failing.choiceCount(),
                new Counterexample(failing, failure, 0), false);
    }
}
