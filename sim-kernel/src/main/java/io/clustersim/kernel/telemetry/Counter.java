package io.clustersim.kernel.telemetry;

/** A count of events. */
public final class Counter {
    private long value;

    public void increment() {
        value++;
    }

    public void add(long n) {
        value += n;
    }

    public long value() {
        return value;
    }
}
