package io.clustersim.kernel.telemetry;

import java.util.Arrays;

/** Independent observations, in the order they were made. */
public final class Samples {
    private double[] values = new double[8];
    private int size;

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    public int count() {
        return size;
    }

    /** A copy of the observations. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }
}
