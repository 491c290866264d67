package io.clustersim.kernel.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One run's measurements. Recorders ask for a counter, samples, level or gauge by name and labels
 * (the same pair always returns the same instrument) and record against virtual time; reports
 * read every instrument back in the order they were first asked for.
 */
public final class Telemetry {
    /** One instrument: what it measures, where, and its current state. */
    public record Entry(MetricName name, Labels labels, Object instrument) {
        public Counter counter() {
            return (Counter) instrument;
        }

        public Samples samples() {
            return (Samples) instrument;
        }

        public Level level() {
            return (Level) instrument;
        }

        public TimeWeighted timeWeighted() {
            return (TimeWeighted) instrument;
        }

        public double gauge() {
            return ((DoubleSupplier) instrument).getAsDouble();
        }
    }

    private record Key(String name, Labels labels) {}

    private final LongSupplier clock;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    public Telemetry(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Counter counter(MetricName name, Labels labels) {
        return (Counter) get(name, labels, MetricName.Kind.COUNTER, () -> new Counter()).instrument();
    }

    public Samples samples(MetricName name, Labels labels) {
        return (Samples) get(name, labels, MetricName.Kind.SAMPLES, () -> new Samples(clock)).instrument();
    }

    /**
     * A time-weighted level starting now at {@code initial} (only the first call's initial counts),
     * for a metric of kind LEVEL or LEVEL_SUM.
     */
    public Level level(MetricName name, Labels labels, double initial) {
        MetricName.Kind kind = name.kind() == MetricName.Kind.LEVEL_SUM ? MetricName.Kind.LEVEL_SUM : MetricName.Kind.LEVEL;
        return (Level) get(name, labels, kind, () -> new Level(clock, initial)).instrument();
    }

    public TimeWeighted timeWeighted(MetricName name, Labels labels) {
        return (TimeWeighted) get(name, labels, MetricName.Kind.TIME_WEIGHTED, () -> new TimeWeighted()).instrument();
    }

    /** A value read when the report is made. */
    public void gauge(MetricName name, Labels labels, DoubleSupplier read) {
        get(name, labels, MetricName.Kind.GAUGE, () -> read);
    }

    private Entry get(MetricName name, Labels labels, MetricName.Kind kind, java.util.function.Supplier<Object> make) {
        if (name.kind() != kind) {
            throw new IllegalArgumentException(name.key() + " is a " + name.kind() + ", not a " + kind);
        }
        Key key = new Key(name.key(), labels);
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(name, labels, make.get());
            entries.put(key, e);
        } else if (!e.name().equals(name)) {
            throw new IllegalArgumentException("two metrics are called " + name.key());
        }
        return e;
    }

    /** Every instrument, in the order first asked for. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The instruments of one metric, in the order first asked for. */
    public List<Entry> entries(MetricName name) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.name().key().equals(name.key())) {
                out.add(e);
            }
        }
        return out;
    }

    public long now() {
        return clock.getAsLong();
    }
}
