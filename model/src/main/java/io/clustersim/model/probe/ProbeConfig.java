package io.clustersim.model.probe;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How probes call.
 *
 * @param interval how often each probe makes each kind of request
 * @param timeout how long an answer may take to count as good
 * @param kinds which requests
 */
public record ProbeConfig(Duration interval, Duration timeout, Set<ProbeKind> kinds) {
    public ProbeConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe interval and timeout must be positive");
        }
        EnumSet<ProbeKind> ordered = EnumSet.noneOf(ProbeKind.class);
        ordered.addAll(kinds);
        kinds = Collections.unmodifiableSet(ordered);
    }

    /** Every second, a 5 s timeout, a write, a consistent read and a stale read. */
    public static ProbeConfig defaults() {
        return new ProbeConfig(Duration.ofSeconds(1), Duration.ofSeconds(5),
                EnumSet.of(ProbeKind.WRITE, ProbeKind.CONSISTENT_READ, ProbeKind.STALE_READ));
    }
}
