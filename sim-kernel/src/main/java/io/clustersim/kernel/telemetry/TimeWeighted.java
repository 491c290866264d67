package io.clustersim.kernel.telemetry;

import java.util.Arrays;

/**
 * A value known for stretches of time, possibly reported out of order: a probe sent every second
 * learns seconds later whether the second it stands for was good. Its time-weighted mean over a
 * window weighs each stretch by how much of it lies inside; time no stretch covers is unknown,
 * not zero.
 */
public final class TimeWeighted {
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private double[] values = new double[16];
    private int size;

    /** {@code value} held over [from, to). */
    public void add(long from, long to, double value) {
        if (to <= from) {
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        starts[size] = from;
        ends[size] = to;
        values[size] = value;
        size++;
    }

    public int count() {
        return size;
    }

    /** The mean over [from, to) of what is known there; NaN if nothing is. */
    public double meanOver(long from, long to) {
        double weighted = 0;
        long known = 0;
        for (int i = 0; i < size; i++) {
            long a = Math.max(starts[i], from);
            long b = Math.min(ends[i], to);
            if (b > a) {
                weighted += values[i] * (b - a);
                known += b - a;
            }
        }
        return known == 0 ? Double.NaN : weighted / known;
    }

    /** How much of [from, to) is covered (overlapping stretches count once each). */
    public long knownNanos(long from, long to) {
        long known = 0;
        for (int i = 0; i < size; i++) {
            known += Math.max(0, Math.min(ends[i], to) - Math.max(starts[i], from));
        }
        return known;
    }
}
