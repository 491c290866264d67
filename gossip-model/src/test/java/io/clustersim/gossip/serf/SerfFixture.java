package io.clustersim.gossip.serf;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.SerfPushPull;
import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.SerfEvent;
import io.clustersim.gossip.port.GossipPorts;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * One Serf agent {@code a} on hand-driven ports (a clock that moves only when told, timers, and
 * a record of what was sent), with peers {@code b..f} known alive. Tests hand it messages as if
 * from the network; its Serf events are recorded.
 */
final class SerfFixture implements GossipPorts {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    record Sent(NodeId to, GossipMessage message, Delivery delivery) {}

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

    private final PriorityQueue<ManualTimer> timers = new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
    private final UniformRandomProvider random;
    private long now;
    private long seq;
    final List<Sent> sent = new ArrayList<>();
    final List<SerfEvent> events = new ArrayList<>();
    final Serf a;

    SerfFixture() {
        this(GossipConfig.lan(), 5, 42);
    }

    SerfFixture(GossipConfig config, int peers, long seed) {
        random = new XoRoShiRo128PlusPlus(seed, seed * 31 + 7);
        GossipObserver observer = new GossipObserver() {
            @Override
            public void onSerfEvent(SerfEvent event) {
                events.add(event);
            }
        };
        a = new Serf("a", Map.of("role", "nomad"), config, this, observer);
        a.start();
        for (int i = 0; i < peers; i++) {
            String name = String.valueOf((char) ('b' + i));
            a.addKnownMember(name, id(name), Map.of());
        }
        events.clear();
    }

    static NodeId id(String name) {
        int i = "abcdefghij".indexOf(name);
        return new NodeId(i < 0 ? 20 + name.length() : i, name);
    }

    // ---- GossipPorts ---------------------------------------------------------------------------

    @Override
    public NodeId self() {
        return id("a");
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

    // ---- driving ---------------------------------------------------------------------------------

    /** Runs every timer due within {@code nanos}, in order, and moves the clock. */
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

    /** Moves the clock to the instant {@code time}, running what is due. */
    void advanceTo(long time) {
        advance(time - now);
    }

    /** Whether any timer is still pending. */
    boolean anyTimerPending() {
        return timers.stream().anyMatch(t -> !t.cancelled);
    }

    /** Runs the clock in 10 ms steps, answering each of a's pings at once as its target would. */
    void runAnsweringProbes(long nanos) {
        long end = now + nanos;
        while (now < end) {
            int before = sent.size();
            advance(Math.min(10 * MS, end - now));
            for (Sent s : List.copyOf(sent.subList(before, sent.size()))) {
                if (s.message() instanceof Ping p && p.source().equals("a") && s.to().name().equals(p.target())) {
                    a.handle(s.to(), new Ack(p.seqNo(), List.of()));
                }
            }
        }
    }

    void hear(Update... updates) {
        a.handle(id("b"), new Gossip(List.of(updates)));
    }

    /** What a piggybacks on its next packet: the updates on its ack to a ping from e. */
    List<Update> piggyback() {
        int before = sent.size();
        a.handle(id("e"), new Ping(1_000 + before, "a", "e", List.of()));
        return sent.subList(before, sent.size()).stream().map(Sent::message).filter(Ack.class::isInstance)
                .map(m -> ((Ack) m).updates()).findFirst().orElseThrow();
    }

    /** a's Serf state as it would send it in a push-pull. */
    SerfPushPull serfState() {
        int before = sent.size();
        a.handle(id("e"), new PushPullRequest(9_000 + before, false, List.of(), null));
        return sent.subList(before, sent.size()).stream().map(Sent::message).filter(PushPullResponse.class::isInstance)
                .map(m -> (SerfPushPull) ((PushPullResponse) m).userState()).findFirst().orElseThrow();
    }

    MemberStatus status(String member) {
        return a.member(member).map(Member::status).orElse(MemberStatus.NONE);
    }

    List<String> eventsAbout(String member) {
        return events.stream().filter(e -> e.member().equals(member)).map(e -> e.type().name())
                .collect(Collectors.toList());
    }

    <T> List<Sent> sentOf(Class<T> type) {
        return sent.stream().filter(s -> type.isInstance(s.message())).collect(Collectors.toList());
    }
}
