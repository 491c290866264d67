package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.port.GossipPorts;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/** Ports for unit tests: a hand-advanced clock, a timer queue and a record of what was sent. */
final class ManualPorts implements GossipPorts {
    record Sent(NodeId to, GossipMessage message, Delivery delivery) {}

    private final NodeId self;
    private final UniformRandomProvider random;
    private final PriorityQueue<ManualTimer> timers = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    final List<Sent> sent = new ArrayList<>();
    private long now;
    private long seq;

    ManualPorts(NodeId self, long seed) {
        this.self = self;
        this.random = new XoRoShiRo128PlusPlus(seed, seed * 31 + 7);
    }

    @Override
    public NodeId self() {
        return self;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void send(NodeId to, GossipMessage message, Delivery delivery) {
        sent.add(new Sent(to, message, delivery));
    }

    @Override
    public Timer setTimer(String name, long delayNanos, Runnable action) {
        ManualTimer t = new ManualTimer(now + delayNanos, seq++, action);
        timers.add(t);
        return t;
    }

    @Override
    public UniformRandomProvider random() {
        return random;
    }

    /** Runs every timer due within {@code nanos} from now, in order, and moves the clock. */
    void advance(long nanos) {
        long end = now + nanos;
        while (!timers.isEmpty() && timers.peek().at <= end) {
            ManualTimer t = timers.poll();
            now = t.at;
            if (!t.cancelled) {
                t.fired = true;
                t.action.run();
            }
        }
        now = end;
    }

    /** The instant the earliest live timer is due, or -1. */
    long nextTimerAt() {
        for (ManualTimer t : timers.stream().sorted((a, b) -> Long.compare(a.at, b.at)).toList()) {
            if (!t.cancelled) {
                return t.at;
            }
        }
        return -1;
    }

    private static final class ManualTimer implements Timer {
        final long at;
        final long seq;
        final Runnable action;
        boolean cancelled;
        boolean fired;

        ManualTimer(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isPending() {
            return !cancelled && !fired;
        }
    }
}
