package io.clustersim.raft.experiment;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.port.RaftPorts;
import io.clustersim.raft.port.RaftStorage;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.port.RaftTimers;
import io.clustersim.raft.statemachine.KeyValueStateMachine;
import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import io.clustersim.raft.testing.ZeroRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The split-vote probability of Ongaro's thesis, section 9.2, measured on the real vote logic.
 *
 * <p>The model: {@code s} of a cluster's {@code n} servers are up; their election timeouts are
 * independent and uniform over one timeout range; every message takes the same one-way latency
 * {@code l} (in units of the range); a vote write takes no time; votes go first come, first
 * served (all logs are equal). The earliest server wins unless at least
 * {@code c = s - floor(n/2) + 1} servers (itself included) time out within {@code l} of it, so
 * the closed form is the chance that the (c-1)-th of the others does:
 * {@code P = sum over k from c-1 to s of C(s,k) l^k (1-l)^(s-k)}.
 *
 * <p>Each trial runs {@code s} {@link RaftServer}s of the paper's profile on a tiny event loop:
 * their first election timers fire at the drawn times, messages arrive {@code l} later, nothing
 * else happens until the first round is over. A trial splits when no leader results.
 *
 * <p>The draws: trial {@code i} takes the {@code i}-th point of a Sobol sequence in {@code s}
 * dimensions and turns it into {@code s} independent uniform timeouts by generating them in
 * increasing order (the first coordinate gives the earliest timeout, the next the gap to the
 * second earliest, and so on, each by its exact conditional distribution). The joint law is that
 * of independent uniforms, but what decides a split (how close the first few timeouts are) rests
 * on the first few coordinates, where a Sobol sequence is most even: 100,000 trials then pin the
 * probability to three decimals, where pseudo-random draws would leave a standard error of about
 * 0.001.
 */
public final class SplitVoteExperiment {
    /** The timeout range in nanoseconds: [RANGE, 2 RANGE), as the paper profile's [min, max). */
    static final long RANGE = Duration.ofMillis(100).toNanos();

    private SplitVoteExperiment() {}

    /** The thesis' closed form (section 9.2). */
    public static double closedForm(int n, int s, double l) {
        int c = s - n / 2 + 1;
        double p = 0;
        for (int k = Math.max(0, c - 1); k <= s; k++) {
            p += binomial(s, k) * Math.pow(l, k) * Math.pow(1 - l, s - k);
        }
        return p;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    /** The share of {@code trials} first rounds that elected no leader. */
    public static double measure(int n, int s, double l, int trials) {
        if (s < 1 || s > n) {
            throw new IllegalArgumentException("need 1 <= s <= n, got s=" + s + " n=" + n);
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(s);
        sobol.skipTo(1); // the first point is the origin: every server times out at once
        int splits = 0;
        for (int i = 0; i < trials; i++) {
            if (!electsInFirstRound(n, s, l, increasingUniforms(sobol.nextVector()))) {
                splits++;
            }
        }
        return splits / (double) trials;
    }

    /**
     * {@code u.length} independent uniforms on [0, 1), made in increasing order from the point
     * {@code u}: given the k-th smallest t, the next is the least of the remaining m uniforms on
     * [t, 1), whose distribution function is 1 - ((1 - x) / (1 - t))^m.
     */
    static double[] increasingUniforms(double[] u) {
        int m = u.length;
        double[] t = new double[m];
        double last = 0;
        for (int k = 0; k < m; k++) {
            int remaining = m - k;
            last = last + (1 - last) * (1 - Math.pow(1 - u[k], 1.0 / remaining));
            t[k] = last;
        }
        return t;
    }

    /** One trial: servers 1..s up with first timeouts at {@code u[i]} of the range. */
    static boolean electsInFirstRound(int n, int s, double l, double[] u) {
        Loop loop = new Loop((long) (l * RANGE));
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(new NodeId(i, "s" + (i + 1)));
        }
        Configuration config = Configuration.of(ids, List.of());
        RaftServer[] servers = new RaftServer[s];
        long horizon = 0;
        for (int i = 0; i < s; i++) {
            long firstTimeout = RANGE + (long) (u[i] * RANGE);
            horizon = Math.max(horizon, firstTimeout);
            servers[i] = loop.start(ids.get(i), config, firstTimeout);
        }
        loop.servers = servers;
        // Every first-round message is delivered within 3 l of the last first timeout; second
        // rounds start at least one range later.
        loop.runUntil(horizon + 3 * loop.latency);
        for (RaftServer r : servers) {
            if (r.view().role() == Role.LEADER) {
                return true;
            }
        }
        return false;
    }

    /** Timers and deliveries of one trial, in time order. */
    private static final class Loop {
        private record Event(long time, long seq, Runnable action) {}

        final long latency;
        final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
                ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
        RaftServer[] servers;
        long now;
        long seq;

        Loop(long latency) {
            this.latency = latency;
        }

        void at(long time, Runnable action) {
            queue.add(new Event(time, seq++, action));
        }

        RaftServer start(NodeId id, Configuration config, long firstTimeout) {
            DurableImage image = DurableImage.bootstrapped(config);
            boolean[] first = {true};
            RaftTimers timers = new RaftTimers() {
                @Override
                public long now() {
                    return now;
                }

                @Override
                public RaftTimer set(String name, long delayNanos, Runnable action) {
                    boolean[] cancelled = {false};
                    // The drawn timeout replaces the server's own first draw of its election timer.
                    long due = first[0] && name.equals("raft/election") ? firstTimeout : now + delayNanos;
                    first[0] &= !name.equals("raft/election");
                    at(due, () -> {
                        if (!cancelled[0]) {
                            action.run();
                        }
                    });
                    return () -> cancelled[0] = true;
                }
            };
            RaftStorage disk = new RaftStorage() {
                @Override
                public DurableImage.RecoveredState recover() {
                    return image.recover();
                }

                @Override
                public void persist(List<PersistOp> ops, long bytes, Runnable onSynced) {
                    // A vote write takes no time in the model, but runs as its own event, after
                    // the handler that issued it, as a disk completion would.
                    at(now, () -> {
                        image.apply(ops);
                        onSynced.run();
                    });
                }
            };
            RaftPorts ports = new RaftPorts((to, m) -> send(id, to, m), timers, disk, new ZeroRandom());
            RaftServer server = new RaftServer(id, RaftConfig.custom(Duration.ofNanos(RANGE), Duration.ofNanos(2 * RANGE),
                    Duration.ofNanos(RANGE / 2)), ports, new KeyValueStateMachine(), null);
            server.start();
            return server;
        }

        void send(NodeId from, NodeId to, Message m) {
            at(now + latency, () -> {
                if (to.index() < servers.length) {
                    servers[to.index()].handle(from, m);
                }
            });
        }

        void runUntil(long end) {
            while (!queue.isEmpty() && queue.peek().time <= end) {
                Event e = queue.poll();
                now = e.time;
                e.action.run();
            }
        }
    }
}
