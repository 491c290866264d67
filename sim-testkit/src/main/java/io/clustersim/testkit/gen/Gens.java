package io.clustersim.testkit.gen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Factories for the generators properties are built from. Each one maps choice 0 to its simplest
 * value (the minimum, the first option, the shortest list), which is all the shrinker relies on.
 */
public final class Gens {

    /** 2^53 evenly spaced fractions in [0, 1): every one is exactly representable as a double. */
    private static final long DOUBLE_STEPS = 1L << 53;

    /** Optional list elements expected on average, when the size range allows that many. */
    private static final double AVERAGE_EXTRA_ELEMENTS = 5;

    private Gens() {
    }

    /** Ints in {@code [min, max]}; shrinks toward {@code min}. */
    public static Gen<Integer> integers(int min, int max) {
        checkRange(min, max);
        return draws -> draws.drawInt(min, max);
    }

    /** Longs in {@code [min, max]}; shrinks toward {@code min}. */
    public static Gen<Long> integers(long min, long max) {
        checkRange(min, max);
        return draws -> draws.drawLong(min, max);
    }

    /** Durations in {@code [min, max]} at nanosecond resolution; shrinks toward {@code min}. */
    public static Gen<Duration> durations(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        long spanNanos = max.minus(min).toNanos(); // throws past ~292 years, which no test needs
        return draws -> min.plusNanos(draws.drawLong(0, spanNanos));
    }

    /** Doubles in {@code [min, max)} (just {@code min} when they are equal); shrinks toward min. */
    public static Gen<Double> doubles(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("need finite min <= max: " + min + ", " + max);
        }
        return draws -> {
            double fraction = draws.draw(DOUBLE_STEPS) / (double) DOUBLE_STEPS;
            double value = min + fraction * (max - min);
            // Rounding can land on max itself; keep the documented half-open range.
            return value < max ? value : min == max ? min : Math.nextDown(max);
        };
    }

    /** Any long, e.g. a seed for a simulation run; shrinks toward 0. */
    public static Gen<Long> seeds() {
        return Draws::drawAnyLong;
    }

    /** False or true; shrinks toward false. */
    public static Gen<Boolean> booleans() {
        return Draws::drawBoolean;
    }

    /** Always {@code value}; draws nothing. */
    public static <T> Gen<T> constant(T value) {
        return draws -> value;
    }

    /** One of {@code options}, chosen by index; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(T... options) {
        return elements(List.of(options));
    }

    /** One of {@code options}, chosen by index; shrinks toward the first. */
    public static <T> Gen<T> elements(List<T> options) {
        List<T> copy = List.copyOf(options);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no options to choose from");
        }
        return draws -> copy.get((int) draws.draw(copy.size()));
    }

    /** A value from one of {@code gens}, chosen by index; shrinks toward the first generator. */
    @SafeVarargs
    public static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no generators to choose from");
        }
        return draws -> copy.get((int) draws.draw(copy.size())).generate(draws);
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} elements (an unmodifiable list).
     *
     * <p>Before each optional element a "continue" choice is drawn (1 = one more element). So an
     * element is a contiguous run of choices, and deleting that run (which the shrinker tries)
     * deletes the element; setting the flag to 0 truncates the list. Drawing the size up front
     * instead would leave stale element choices behind when the size shrinks.
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("need 0 <= minSize <= maxSize: " + minSize + ", " + maxSize);
        }
        double averageExtra = Math.min(AVERAGE_EXTRA_ELEMENTS, (maxSize - minSize) / 2.0);
        // Continuing with probability p gives p / (1 - p) optional elements on average.
        double continueProbability = averageExtra / (averageExtra + 1);
        return draws -> {
            List<T> out = new ArrayList<>();
            while (out.size() < minSize) {
                out.add(element.generate(draws));
            }
            while (out.size() < maxSize && draws.drawBoolean(continueProbability)) {
                out.add(element.generate(draws));
            }
            return Collections.unmodifiableList(out);
        };
    }

    /**
     * Small cluster topologies: 1 to {@code maxRegions} regions, each with 1 to
     * {@code maxZonesPerRegion} zones, each zone with up to {@code maxServersPerZone} servers and
     * {@code maxClientsPerZone} clients, and at least one server in total. Shrinks toward one
     * region with one zone holding one server and no clients.
     */
    public static Gen<TopologySpec> topologies(int maxRegions, int maxZonesPerRegion,
            int maxServersPerZone, int maxClientsPerZone) {
        return new TopologyGen(maxRegions, maxZonesPerRegion, maxServersPerZone, maxClientsPerZone);
    }

    private static void checkRange(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
    }
}
