package io.clustersim.kernel.telemetry;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Independent observations, in the order they were made, each with the virtual time it was made
 * at, so that a report can say what they were during one fault's window.
 */
public final class Samples {
    private final LongSupplier clock;
    private double[] values = new double[8];
    private long[] times = new long[8];
    private int size;

    public Samples(LongSupplier clock) {
        this.clock = clock;
    }

    public void add(double v) {
        add(v, clock.getAsLong());
    }

    /** Every observation of {@code other}, each with the time it was made (observations collected elsewhere first). */
    public void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i], other.times[i]);
        }
    }

    private void add(double v, long atNanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        times[size] = atNanos;
        values[size++] = v;
    }

    public int count() {
        return size;
    }

    /** A copy of the observations. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** The observations made in [from, to). */
    public double[] valuesBetween(long from, long to) {
        double[] out = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] >= from && times[i] < to) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
