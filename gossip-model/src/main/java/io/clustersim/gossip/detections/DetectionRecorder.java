package io.clustersim.gossip.detections;

import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.Confirmation;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.kernel.trace.Trace;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link Detection} for every failure detection in a pool, from every member's observer
 * taps. A detection of a member opens with the first suspicion of it (or a death heard without
 * one) and closes when some member sees it alive at a newer incarnation (a refutation, or a
 * rejoin). Leaves are not failures and are not recorded.
 *
 * <p>With a trace, each step is written as a {@code NOTE}: {@code gossip.suspect},
 * {@code gossip.confirm}, {@code gossip.dead} (detail {@code own-timer} or what it was heard
 * from) and {@code gossip.refute}.
 */
public final class DetectionRecorder implements GossipObserver {
    private final Trace trace;
    private final List<Detection> closed = new ArrayList<>();
    private final Map<String, Open> open = new TreeMap<>();

    /** @param trace where each step is written; null to only keep the records */
    public DetectionRecorder(Trace trace) {
        this.trace = trace;
    }

    /** Every detection so far, closed ones first, then those still open, each in start order. */
    public List<Detection> detections() {
        List<Detection> out = new ArrayList<>(closed);
        List<Open> running = new ArrayList<>(open.values());
        running.sort((a, b) -> Long.compare(a.firstAt, b.firstAt));
        for (Open o : running) {
            out.add(o.snapshot());
        }
        return Collections.unmodifiableList(out);
    }

    /** Detections of {@code member}, in order. */
    public List<Detection> of(String member) {
        return detections().stream().filter(d -> d.member().equals(member)).toList();
    }

    @Override
    public void onStateChange(StateChange c) {
        if (c.observer().equals(c.member())) {
            return;
        }
        Open o = open.get(c.member());
        switch (c.current()) {
            case SUSPECT -> {
                if (o == null) {
                    o = start(c);
                }
                if (o.suspected.add(c.observer())) {
                    o.suspicions.add(new Detection.Step(c.timeNanos(), c.observer(), c.cause()));
                }
                note(c.timeNanos(), c.observer(), c.member(), "gossip.suspect", c.cause().name());
            }
            case DEAD -> {
                if (o == null) {
                    o = start(c);
                }
                if (o.declared.add(c.observer())) {
                    o.declarations.add(new Detection.Step(c.timeNanos(), c.observer(), c.cause()));
                }
                note(c.timeNanos(), c.observer(), c.member(), "gossip.dead",
                        c.cause() == io.clustersim.gossip.observe.Cause.SUSPICION_TIMEOUT ? "own-timer" : "heard " + c.cause());
            }
            case ALIVE -> {
                if (o != null && c.incarnation() > o.incarnation && c.previous() != null) {
                    open.remove(c.member());
                    closed.add(o.snapshot());
                }
            }
            default -> {
                // LEFT: a leave, not a failure.
            }
        }
    }

    @Override
    public void onSuspicionConfirmed(Confirmation c) {
        Open o = open.get(c.member());
        if (o != null) {
            o.confirmations.add(c);
        }
        note(c.timeNanos(), c.observer(), c.member(), "gossip.confirm", "by " + c.confirmer() + " #" + c.count());
    }

    @Override
    public void onRefutation(Refutation r) {
        Open o = open.get(r.member());
        if (o != null) {
            o.refutations.add(r);
        }
        note(r.timeNanos(), r.member(), null, "gossip.refute", r.accusation() + " at " + r.accused() + " -> " + r.incarnation());
    }

    private Open start(StateChange c) {
        Open o = new Open(c.member(), c.incarnation(), c.timeNanos(), c.observer());
        open.put(c.member(), o);
        return o;
    }

    private void note(long time, String source, String destination, String type, String detail) {
        if (trace != null) {
            trace.record(time, TraceKind.NOTE, source, destination, type, detail);
        }
    }

    private static final class Open {
        final String member;
        final long incarnation;
        final long firstAt;
        final String firstBy;
        final Set<String> suspected = new TreeSet<>();
        final Set<String> declared = new TreeSet<>();
        final List<Detection.Step> suspicions = new ArrayList<>();
        final List<Detection.Step> declarations = new ArrayList<>();
        final List<Confirmation> confirmations = new ArrayList<>();
        final List<Refutation> refutations = new ArrayList<>();

        Open(String member, long incarnation, long firstAt, String firstBy) {
            this.member = member;
            this.incarnation = incarnation;
            this.firstAt = firstAt;
            this.firstBy = firstBy;
        }

        Detection snapshot() {
            return new Detection(member, incarnation, firstAt, firstBy, suspicions, confirmations, declarations,
                    refutations);
        }
    }
}
