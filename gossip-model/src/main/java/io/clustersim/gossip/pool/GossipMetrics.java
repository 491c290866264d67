package io.clustersim.gossip.pool;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.memberlist.MemberlistFormulas;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Samples;
import io.clustersim.kernel.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Raw measurements of a Serf pool, fed by the protocol's observer taps and by the pool's notes of
 * faults. All values are raw samples (seconds) or counts; aggregate them in the report layer.
 *
 * <ul>
 *   <li><b>failure detection</b>: for each crash, {@code first} is the time until the first live
 *       member's memberlist declares the crashed member dead, {@code all} until every live member
 *       that knew it alive does (members crashing meanwhile drop out; a restart before then
 *       cancels the sample);
 *   <li><b>false failures</b>: declarations "dead" about a member whose process is running. Each
 *       (observer, member) declaration counts once per occurrence. A member is <i>healthy</i> when
 *       it was not paused, slowed or partitioned at the time of the declaration nor
 *       within a grace period before it (by default the longest probe window plus the longest
 *       suspicion timeout, the most a consequence of being degraded can lag behind);
 *   <li><b>membership convergence</b>: for each join, the time until every live member that did
 *       not already see the joiner alive sees it alive;
 *   <li><b>message rate</b>: messages sent by members per live member per second, over the
 *       window since the start or the last {@link #reset()}.
 * </ul>
 */
public final class GossipMetrics implements GossipObserver {

    /** One crash and how long its detection took; NaN while not (yet) complete. */
    public record FailureDetection(String member, long failedAtNanos, double firstSeconds, double allSeconds) {}

    /** A running member declared dead by {@code observer}. */
    public record FalseFailure(long timeNanos, String observer, String member, boolean memberHealthy) {}

    /** One join and how long until every live member saw it alive. */
    public record JoinConvergence(String member, long joinedAtNanos, double seconds) {}

    private final LongSupplier clock;
    private final Set<String> live = new TreeSet<>();
    private final Set<String> degraded = new TreeSet<>();
    private final Map<String, Long> degradedEnded = new TreeMap<>();
    private long healthyAfterNanos;
    private final List<OpenRecord> openFailures = new ArrayList<>();
    private final List<OpenRecord> openJoins = new ArrayList<>();
    private final List<FailureDetection> failures = new ArrayList<>();
    private final List<FalseFailure> falseFailures = new ArrayList<>();
    private final List<JoinConvergence> joins = new ArrayList<>();
    private long messages;
    private long bytes;
    private long windowStart;
    private double memberNanos;
    private long lastLiveChange;

    /**
     * The default healthy-again grace for a pool of {@code n}: the longest probe window (probe
     * interval times the awareness multiplier) plus the longest suspicion timeout, the most a
     * consequence of being degraded can lag behind.
     */
    public static long healthyAfterNanos(MemberlistConfig c, int n) {
        long probe = c.probeInterval().toNanos();
        long min = MemberlistFormulas.suspicionTimeoutNanos(c.suspicionMult(), Math.max(1, n), probe);
        return probe * c.awarenessMaxMultiplier() + c.suspicionMaxTimeoutMult() * min;
    }

    public GossipMetrics(LongSupplier clock, long healthyAfterNanos) {
        this.clock = clock;
        this.healthyAfterNanos = healthyAfterNanos;
    }

    // ----- getters -----

    /** Seconds from each crash until the first live member declared it dead (completed samples). */
    public List<Double> failureDetectionFirstSeconds() {
        List<Double> out = new ArrayList<>();
        for (FailureDetection f : failures) {
            if (!Double.isNaN(f.firstSeconds)) {
                out.add(f.firstSeconds);
            }
        }
        return out;
    }

    /** Seconds from each crash until every live member declared it dead (completed samples). */
    public List<Double> failureDetectionAllSeconds() {
        List<Double> out = new ArrayList<>();
        for (FailureDetection f : failures) {
            if (!Double.isNaN(f.allSeconds)) {
                out.add(f.allSeconds);
            }
        }
        return out;
    }

    /** Every crash so far, completed or not (NaN marks what is still missing). */
    public List<FailureDetection> failureDetections() {
        List<FailureDetection> out = new ArrayList<>(failures);
        for (OpenRecord r : openFailures) {
            out.add(new FailureDetection(r.member, r.start, seconds(r.first - r.start, r.first), Double.NaN));
        }
        return out;
    }

    /** How many times a running member was declared dead. */
    public int falseFailures() {
        return falseFailures.size();
    }

    /** How many times a healthy (not paused, slowed or partitioned) running member was declared dead. */
    public int falseFailuresOfHealthyMembers() {
        int n = 0;
        for (FalseFailure f : falseFailures) {
            if (f.memberHealthy) {
                n++;
            }
        }
        return n;
    }

    public List<FalseFailure> falseFailureDeclarations() {
        return Collections.unmodifiableList(falseFailures);
    }

    /** Seconds from each join until every live member saw the joiner alive (completed samples). */
    public List<Double> membershipConvergenceSeconds() {
        List<Double> out = new ArrayList<>();
        for (JoinConvergence j : joins) {
            out.add(j.seconds);
        }
        return out;
    }

    public List<JoinConvergence> joinConvergences() {
        return Collections.unmodifiableList(joins);
    }

    /** Joins whose convergence has not completed yet. */
    public int pendingJoins() {
        return openJoins.size();
    }

    /** Messages sent per live member per second since the start or the last reset. */
    public double gossipMessagesPerMemberPerSecond() {
        double memberSeconds = liveMemberSeconds();
        return memberSeconds == 0 ? 0 : messages / memberSeconds;
    }

    /** Estimated bytes sent per live member per second since the start or the last reset. */
    public double gossipBytesPerMemberPerSecond() {
        double memberSeconds = liveMemberSeconds();
        return memberSeconds == 0 ? 0 : bytes / memberSeconds;
    }

    /** Messages sent by members since the start or the last reset. */
    public long messagesSent() {
        return messages;
    }

    /** Clears every sample and counter and starts a new message-rate window now (e.g. after warm-up). */
    /** Writes the totals so far into {@code telemetry} under {@link GossipMetricNames}. */
    public void publish(Telemetry telemetry, Labels labels) {
        Samples first = telemetry.samples(GossipMetricNames.FAILURE_DETECTION_FIRST_SECONDS, labels);
        failureDetectionFirstSeconds().forEach(first::add);
        Samples all = telemetry.samples(GossipMetricNames.FAILURE_DETECTION_ALL_SECONDS, labels);
        failureDetectionAllSeconds().forEach(all::add);
        telemetry.counter(GossipMetricNames.FALSE_FAILURES, labels).add(falseFailures());
        telemetry.counter(GossipMetricNames.FALSE_FAILURES_OF_HEALTHY_MEMBERS, labels).add(falseFailuresOfHealthyMembers());
        Samples joins = telemetry.samples(GossipMetricNames.MEMBERSHIP_CONVERGENCE_SECONDS, labels);
        membershipConvergenceSeconds().forEach(joins::add);
        double rate = gossipMessagesPerMemberPerSecond();
        telemetry.gauge(GossipMetricNames.GOSSIP_MESSAGES_PER_MEMBER_PER_SECOND, labels, () -> rate);
    }

    public void reset() {
        failures.clear();
        falseFailures.clear();
        joins.clear();
        openFailures.clear();
        openJoins.clear();
        messages = 0;
        bytes = 0;
        memberNanos = 0;
        windowStart = clock.getAsLong();
        lastLiveChange = windowStart;
    }

    // ----- observer taps -----

    @Override
    public void onStateChange(StateChange c) {
        if (c.observer().equals(c.member())) {
            return;
        }
        long now = c.timeNanos();
        if (c.current() == MemberState.DEAD) {
            if (live.contains(c.member())) {
                falseFailures.add(new FalseFailure(now, c.observer(), c.member(), healthy(c.member(), now)));
            }
            for (Iterator<OpenRecord> it = openFailures.iterator(); it.hasNext();) {
                OpenRecord r = it.next();
                if (r.member.equals(c.member()) && r.heard(c.observer(), now)) {
                    failures.add(new FailureDetection(r.member, r.start, seconds(r.first - r.start, r.first),
                            seconds(now - r.start, now)));
                    it.remove();
                }
            }
        } else if (c.current() == MemberState.ALIVE) {
            for (Iterator<OpenRecord> it = openJoins.iterator(); it.hasNext();) {
                OpenRecord r = it.next();
                if (r.member.equals(c.member()) && r.heard(c.observer(), now)) {
                    joins.add(new JoinConvergence(r.member, r.start, seconds(now - r.start, now)));
                    it.remove();
                }
            }
        }
    }

    @Override
    public void onSend(long timeNanos, String from, NodeId to, GossipMessage message, Delivery delivery) {
        messages++;
        bytes += message.sizeBytes();
    }

    // ----- harness hooks -----

    public void memberUp(String member) {
        accrue();
        live.add(member);
        cancelOpen(openFailures, member);
        // A member that comes up during a join must see the joiner too: convergence means every
        // live member sees it alive.
        for (OpenRecord r : openJoins) {
            if (!r.member.equals(member)) {
                r.awaiting.add(member);
            }
        }
    }

    /** A crash: opens a detection sample awaiting {@code awaiting} (live members that saw it alive). */
    public void memberCrashed(String member, Collection<String> awaiting) {
        memberGone(member);
        openFailures.add(new OpenRecord(member, clock.getAsLong(), awaiting));
        completeEmpty(openFailures, true);
    }

    /** A graceful departure: no longer live, and no detection sample. */
    public void memberDeparted(String member) {
        memberGone(member);
    }

    /** A join started: opens a convergence sample awaiting {@code awaiting}. */
    public void joinStarted(String member, Collection<String> awaiting) {
        openJoins.add(new OpenRecord(member, clock.getAsLong(), awaiting));
        completeEmpty(openJoins, false);
    }

    public void setDegraded(String member, boolean isDegraded) {
        if (isDegraded) {
            degraded.add(member);
        } else if (degraded.remove(member)) {
            degradedEnded.put(member, clock.getAsLong());
        }
    }

    /**
     * Healthy: not degraded now, nor within the grace period before, since a suspicion that
     * started while it was degraded can end in a death declaration up to a suspicion timeout later.
     */
    private boolean healthy(String member, long now) {
        if (degraded.contains(member)) {
            return false;
        }
        Long ended = degradedEnded.get(member);
        return ended == null || now - ended > healthyAfterNanos;
    }

    private void memberGone(String member) {
        accrue();
        live.remove(member);
        cancelOpen(openJoins, member);
        // A member that is gone no longer has to observe anything.
        for (OpenRecord r : openFailures) {
            r.awaiting.remove(member);
        }
        for (OpenRecord r : openJoins) {
            r.awaiting.remove(member);
        }
        completeEmpty(openFailures, true);
        completeEmpty(openJoins, false);
    }

    private void completeEmpty(List<OpenRecord> open, boolean failure) {
        long now = clock.getAsLong();
        for (Iterator<OpenRecord> it = open.iterator(); it.hasNext();) {
            OpenRecord r = it.next();
            if (!r.awaiting.isEmpty()) {
                continue;
            }
            it.remove();
            if (failure) {
                failures.add(new FailureDetection(r.member, r.start, seconds(r.first - r.start, r.first),
                        r.first < 0 ? Double.NaN : seconds(now - r.start, now)));
            } else {
                joins.add(new JoinConvergence(r.member, r.start, seconds(now - r.start, now)));
            }
        }
    }

    private static void cancelOpen(List<OpenRecord> open, String member) {
        open.removeIf(r -> r.member.equals(member));
    }

    private void accrue() {
        long now = clock.getAsLong();
        memberNanos += (double) (now - lastLiveChange) * live.size();
        lastLiveChange = now;
    }

    private double liveMemberSeconds() {
        long now = clock.getAsLong();
        return (memberNanos + (double) (now - lastLiveChange) * live.size()) / 1e9;
    }

    private static double seconds(long nanos, long marker) {
        return marker < 0 ? Double.NaN : nanos / 1e9;
    }

    /** A sample waiting for a set of observers. */
    private static final class OpenRecord {
        final String member;
        final long start;
        final Set<String> awaiting;
        long first = -1;

        OpenRecord(String member, long start, Collection<String> awaiting) {
            this.member = member;
            this.start = start;
            this.awaiting = new TreeSet<>(awaiting);
            this.awaiting.remove(member);
        }

        /** Records that {@code observer} saw it; true when nobody is awaited any more. */
        boolean heard(String observer, long now) {
            if (first < 0) {
                first = now;
            }
            awaiting.remove(observer);
            return awaiting.isEmpty();
        }
    }
}
