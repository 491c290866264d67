package io.clustersim.kernel.telemetry;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A value that holds from when it is set until it changes, such as "the region can take writes"
 * (1 or 0) or "Raft peers": its time-weighted mean over any window is the share of that window
 * spent at each value. Every change is kept, so a report can draw it over time.
 */
public final class Level {
    private final LongSupplier clock;
    private long[] times = new long[8];
    private double[] values = new double[8];
    private int size;

    Level(LongSupplier clock, double initial) {
        this.clock = clock;
        times[0] = clock.getAsLong();
        values[0] = initial;
        size = 1;
    }

    /** The value from now on; a repeat of the current value records nothing. */
    public void set(double v) {
        long now = clock.getAsLong();
        if (values[size - 1] == v || Double.isNaN(v) && Double.isNaN(values[size - 1])) {
            return;
        }
        if (times[size - 1] == now) {
            values[size - 1] = v;
            if (size > 1 && values[size - 2] == v) {
                size--;
            }
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = now;
        values[size] = v;
        size++;
    }

    public double value() {
        return values[size - 1];
    }

    /** When the level was created. */
    public long startNanos() {
        return times[0];
    }

    /**
     * The time-weighted mean over [from, to): each value weighted by how long it held inside the
     * window. Before the level existed nothing is known, so the window is cut to its start. NaN
     * values (nothing measured) are left out of both sums; NaN if nothing known remains.
     */
    public double meanOver(long from, long to) {
        from = Math.max(from, times[0]);
        if (to <= from) {
            return Double.NaN;
        }
        double weighted = 0;
        long known = 0;
        for (int i = 0; i < size; i++) {
            long start = Math.max(times[i], from);
            long end = Math.min(i + 1 < size ? times[i + 1] : Long.MAX_VALUE, to);
            if (end > start && !Double.isNaN(values[i])) {
                weighted += values[i] * (end - start);
                known += end - start;
            }
        }
        return known == 0 ? Double.NaN : weighted / known;
    }

    /** The value at {@code time}: the last one set at or before it (the initial one before the first change). */
    public double valueAt(long time) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= time) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return values[lo];
    }

    /** The change points: times (ns) and the value from each. */
    public long[] changeTimes() {
        return Arrays.copyOf(times, size);
    }

    public double[] changeValues() {
        return Arrays.copyOf(values, size);
    }
}
