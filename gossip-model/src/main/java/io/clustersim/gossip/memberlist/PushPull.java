package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.UserState;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Full state exchanges over the stream connection (memberlist {@code pushPull},
 * {@code pushPullNode}, {@code Join}): periodic anti-entropy with one random alive
 * member, at an interval that grows with cluster size, and joins, which are the same exchange with
 * a seed address.
 */
final class PushPull {
    private final Memberlist m;
    private final Map<Long, Pending> pending = new TreeMap<>();
    private long nextExchange;
    private Timer ticker;

    PushPull(Memberlist m) {
        this.m = m;
    }

    void start() {
        // Random stagger, then a timer re-armed with the interval scaled to the current size.
        ticker = m.ports.setTimer("memberlist.pushPull", m.rng.nextLong(m.pushPullIntervalNanos), this::scheduleNext);
    }

    private void scheduleNext() {
        long interval = MemberlistFormulas.pushPullScaleNanos(m.pushPullIntervalNanos, m.numNodes());
        ticker = m.ports.setTimer("memberlist.pushPull", interval, () -> {
            pushPullWithRandomMember();
            scheduleNext();
        });
    }

    private void pushPullWithRandomMember() {
        List<NodeState> peer = m.nodes.kRandom(1, n -> n.name.equals(m.name) || n.state != MemberState.ALIVE, m.rng);
        if (!peer.isEmpty()) {
            initiate(peer.get(0).address, false, null);
        }
    }

    /** Joins through {@code seeds}, one after another; reports how many exchanges succeeded. */
    void join(List<NodeId> seeds, IntConsumer onDone) {
        joinNext(List.copyOf(seeds), 0, 0, onDone);
    }

    private void joinNext(List<NodeId> seeds, int i, int succeeded, IntConsumer onDone) {
        if (i == seeds.size()) {
            onDone.accept(succeeded);
            return;
        }
        initiate(seeds.get(i), true, ok -> joinNext(seeds, i + 1, succeeded + (ok ? 1 : 0), onDone));
    }

    private void initiate(NodeId to, boolean join, Consumer<Boolean> done) {
        long id = ++nextExchange;
        Pending p = new Pending(join, done);
        p.timeout = m.ports.setTimer("memberlist.tcpTimeout", m.tcpTimeoutNanos, () -> {
            if (pending.remove(id) != null && done != null) {
                done.accept(false);
            }
        });
        pending.put(id, p);
        m.sendRaw(to, new PushPullRequest(id, join, m.localPushState(), m.delegate.localState(join)), Delivery.FIFO);
    }

    /** Answers with our state as it is before merging theirs, as memberlist's stream handler does. */
    void onRequest(NodeId from, PushPullRequest req) {
        m.sendRaw(from, new PushPullResponse(req.exchange(), m.localPushState(), m.delegate.localState(req.join())),
                Delivery.FIFO);
        mergeState(req.join(), req.nodes(), req.userState());
    }

    void onResponse(PushPullResponse resp) {
        Pending p = pending.remove(resp.exchange());
        if (p == null) {
            return; // timed out already
        }
        p.timeout.cancel();
        mergeState(p.join, resp.nodes(), resp.userState());
        if (p.done != null) {
            p.done.accept(true);
        }
    }

    private void mergeState(boolean join, List<PushNodeState> nodes, UserState user) {
        m.rules.mergeState(nodes);
        if (user != null) {
            m.delegate.mergeRemoteState(user, join);
        }
    }

    void stop() {
        if (ticker != null) {
            ticker.cancel();
        }
        for (Pending p : new ArrayList<>(pending.values())) {
            p.timeout.cancel();
        }
        pending.clear();
    }

    private static final class Pending {
        final boolean join;
        final Consumer<Boolean> done;
        Timer timeout;

        Pending(boolean join, Consumer<Boolean> done) {
            this.join = join;
            this.done = done;
        }
    }
}
