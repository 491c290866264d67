package io.clustersim.testkit.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The source of every value a generator produces: a sequence of choices, each a non-negative
 * {@code long} below a bound the generator names.
 *
 * <p>A recording {@code Draws} takes fresh choices from a seeded {@link SplittableRandom}; a
 * replaying one reads them from a given sequence (reduced modulo the bound, and 0 past its end, so
 * any sequence is valid input). Both modes record the choices actually made, which is what the
 * shrinker edits and replays. Generators must map choice 0 to their simplest value: the shrinker
 * only ever moves choices toward 0 and deletes them.
 *
 * <p>Not thread-safe: one property try owns one {@code Draws}.
 */
public final class Draws {

    /** A generated value with the label the property gave it, kept for failure reports. */
    public record Labelled(String label, Object value) {
        @Override
        public String toString() {
            return label + " = " + Render.value(value);
        }
    }

    /**
     * Thrown to discard the current try, for example when a filter cannot find an acceptable
     * value. The harness neither counts it as a failure nor keeps a shrink candidate that throws it.
     */
    public static final class Reject extends RuntimeException {
        public Reject(String reason) {
            // No stack trace: rejects are control flow and can be frequent.
            super(reason, null, false, false);
        }
    }

    private static final long TWO_POW_32 = 1L << 32;

    private final SplittableRandom random;
    private final long[] replay;
    private long[] choices = new long[32];
    private int size;
    private final List<Labelled> labelled = new ArrayList<>();

    private Draws(SplittableRandom random, long[] replay) {
        this.random = random;
        this.replay = replay;
    }

    /** Fresh choices from a PRNG seeded with {@code seed}; the same seed gives the same choices. */
    public static Draws recording(long seed) {
        return new Draws(new SplittableRandom(seed), null);
    }

    /** Replays {@code choices}: each reduced modulo the bound asked for, 0 once they run out. */
    public static Draws replaying(long[] choices) {
        return new Draws(null, choices.clone());
    }

    /** A choice in {@code [0, bound)}; 0 is the simplest. */
    public long draw(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        if (bound == 1) {
            // Only one possible value: nothing to record and nothing to shrink.
            return 0;
        }
        long value;
        if (random != null) {
            value = random.nextLong(bound);
        } else {
            value = size < replay.length ? Math.floorMod(replay[size], bound) : 0;
        }
        record(value);
        return value;
    }

    /** A fair coin; {@code false} is the simpler outcome. */
    public boolean drawBoolean() {
        return draw(2) == 1;
    }

    /**
     * A biased coin, recorded as the choice 1 ({@code true}) or 0. The bias applies only when
     * drawing fresh values; it lets collection generators pick a sensible average size while
     * keeping "stop" as the simplest choice.
     */
    public boolean drawBoolean(double probabilityTrue) {
        if (!(probabilityTrue >= 0 && probabilityTrue <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probabilityTrue);
        }
        if (random == null) {
            return draw(2) == 1;
        }
        long value = random.nextDouble() < probabilityTrue ? 1 : 0;
        record(value);
        return value == 1;
    }

    /** An int in {@code [min, max]} (inclusive); {@code min} is the simplest. */
    public int drawInt(int min, int max) {
        return (int) drawLong(min, max);
    }

    /** A long in {@code [min, max]} (inclusive); {@code min} is the simplest. */
    public long drawLong(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        long span = max - min; // exact when it does not overflow, else read as unsigned
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + draw(span + 1);
        }
        long offset = drawAnyLong();
        return span == -1 ? min + offset : min + Long.remainderUnsigned(offset, span + 1);
    }

    /**
     * Any 64-bit value, drawn as two 32-bit choices (high half first) so that choice 0 gives 0 and
     * shrinking the high half alone already makes the value small.
     */
    public long drawAnyLong() {
        long high = draw(TWO_POW_32);
        long low = draw(TWO_POW_32);
        return (high << 32) | low;
    }

    /** Generates a value and records it under {@code label} for the failure report. */
    public <T> T draw(Gen<T> gen, String label) {
        T value = gen.generate(this);
        labelled.add(new Labelled(label, value));
        return value;
    }

    /** Discards the current try unless {@code condition} holds. */
    public void assume(boolean condition) {
        if (!condition) {
            throw new Reject("assumption failed");
        }
    }

    /** The choices made so far, in order. */
    public long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    /** How many choices were made so far. */
    public int choiceCount() {
        return size;
    }

    /** The values generated through {@link #draw(Gen, String)}, in order. */
    public List<Labelled> labelledValues() {
        return Collections.unmodifiableList(labelled);
    }

    private void record(long value) {
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, size * 2);
        }
        choices[size++] = value;
    }
}
