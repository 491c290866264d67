package io.clustersim.faults;

import io.clustersim.kernel.random.Distribution;

/** When a fault fires. */
public sealed interface Trigger {
    /** The earliest time it can fire, for ordering and reports. */
    long earliestNanos();

    /** At a fixed time. */
    record At(long nanos) implements Trigger {
        public At {
            if (nanos < 0) {
                throw new IllegalArgumentException("fault times must not be negative");
            }
        }

        @Override
        public long earliestNanos() {
            return nanos;
        }
    }

    /** At a time drawn uniformly from {@code [fromNanos, toNanos]}. */
    record Within(long fromNanos, long toNanos) implements Trigger {
        public Within {
            if (fromNanos < 0 || toNanos < fromNanos) {
                throw new IllegalArgumentException("a window needs 0 <= from <= to");
            }
        }

        @Override
        public long earliestNanos() {
            return fromNanos;
        }
    }

    /** At {@code fromNanos} plus a delay drawn from {@code delay} (e.g. exponential). */
    record Drawn(long fromNanos, Distribution delay) implements Trigger {
        @Override
        public long earliestNanos() {
            return fromNanos;
        }
    }

    /** {@code delayNanos} after {@code condition} first holds (checked every {@link #POLL_NANOS}). */
    record When(Condition condition, long delayNanos) implements Trigger {
        public When {
            if (delayNanos < 0) {
                throw new IllegalArgumentException("a delay must not be negative");
            }
        }

        @Override
        public long earliestNanos() {
            return 0;
        }
    }

    /**
     * Every time {@code event} happens between {@code fromNanos} and {@code toNanos}, the fault fires
     * {@code delayNanos} later, with {@link Target.Subject} naming the node the event was about: the
     * nemeses of Jepsen-style testing (crash a server just after it votes, isolate a leader just
     * after it wins). The deployment reports events through {@link ProtocolEvents}.
     */
    record Whenever(ProtocolEvents.Kind event, long fromNanos, long toNanos, long delayNanos) implements Trigger {
        public Whenever {
            if (fromNanos < 0 || toNanos < fromNanos || delayNanos < 0) {
                throw new IllegalArgumentException("a window needs 0 <= from <= to and a delay >= 0");
            }
        }

        @Override
        public long earliestNanos() {
            return fromNanos;
        }
    }

    /** How often a condition is checked: finer than any election, coarse enough to cost nothing. */
    long POLL_NANOS = 10_000_000L;

    /** What a {@link When} waits for, as the deployment's {@link RoleDirectory} sees it. */
    sealed interface Condition {
        /** A leader is elected (in {@code region}, or anywhere when null). */
        record FirstElection(String region) implements Condition {}

        /** The cluster has committed at least {@code entries} entries. */
        record Committed(long entries) implements Condition {}

        /** The named server leads. */
        record LeaderIs(String node) implements Condition {}
    }
}
