package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;
import java.util.List;
import java.util.Optional;

/**
 * Thrown when a property fails: the message is the full report (seed, minimal inputs, replay
 * line) and the cause is the minimal case's own failure. The accessors let tests of the harness,
 * and tools that collect failures, read the same facts without parsing the message.
 */
public final class PropertyFailure extends AssertionError {

    private final String property;
    private final long seed;
    private final List<Draws.Labelled> minimalValues;
    private final long[] minimalChoices;
    private final int choicesBeforeShrinking;
    private final int shrinkRuns;

    PropertyFailure(String property, long seed, String origin, int choicesBeforeShrinking,
            Counterexample minimal, boolean reproducible) {
        super(FailureReport.render(property, seed, origin, choicesBeforeShrinking, minimal,
                reproducible), minimal.failure());
        this.property = property;
        this.seed = seed;
        this.minimalValues = List.copyOf(minimal.draws().labelledValues());
        this.minimalChoices = minimal.draws().choices();
        this.choicesBeforeShrinking = choicesBeforeShrinking;
        this.shrinkRuns = minimal.shrinkRuns();
    }

    /** The property's name, {@code Class#method} for {@link Property} methods. */
    public String property() {
        return property;
    }

    /** The seed of the failing try: pass it to {@code -Dclustersim.seed} to replay. */
    public long seed() {
        return seed;
    }

    /** The labelled values of the minimal failing case, in the order they were drawn. */
    public List<Draws.Labelled> minimalValues() {
        return minimalValues;
    }

    /** The minimal case's first value drawn under {@code label}. */
    public Optional<Object> minimalValue(String label) {
        return minimalValues.stream()
                .filter(labelled -> labelled.label().equals(label))
                .map(Draws.Labelled::value)
                .findFirst();
    }

    /** The choices the minimal case read. */
    public long[] minimalChoices() {
        return minimalChoices.clone();
    }

    public int choicesBeforeShrinking() {
        return choicesBeforeShrinking;
    }

    public int choicesAfterShrinking() {
        return minimalChoices.length;
    }

    /** Property runs spent shrinking. */
    public int shrinkRuns() {
        return shrinkRuns;
    }
}
