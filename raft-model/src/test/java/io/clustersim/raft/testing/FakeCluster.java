package io.clustersim.raft.testing;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.port.RaftPorts;
import io.clustersim.raft.port.RaftStorage;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.port.RaftTimers;
import io.clustersim.raft.statemachine.KeyValueStateMachine;
import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Raft servers {@code s1..sN} wired to fake ports that do nothing on their own: sent messages
 * wait in an outbox, timers wait to be fired by name, disk writes wait to be synced. Time moves
 * only when a test fires a timer (to its due time) or calls {@link #advance}.
 */
public final class FakeCluster {
    /** A pending timer. */
    private static final class FakeTimer implements RaftTimer {
        final String name;
        final long due;
        final Runnable action;
        boolean cancelled;

        FakeTimer(String name, long due, Runnable action) {
            this.name = name;
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private record Write(List<PersistOp> ops, Runnable onSynced) {}

    /** One server's ports and disk. */
    public final class Member {
        final NodeId id;
        final DurableImage image;
        final List<FakeTimer> timers = new ArrayList<>();
        final ArrayDeque<Write> writes = new ArrayDeque<>();
        RaftServer server;
        boolean up;

        Member(NodeId id, DurableImage image) {
            this.id = id;
            this.image = image;
        }

        void boot() {
            up = true;
            RaftTimers t = new RaftTimers() {
                @Override
                public long now() {
                    return now;
                }

                @Override
                public RaftTimer set(String name, long delayNanos, Runnable action) {
                    FakeTimer ft = new FakeTimer(name, now + delayNanos, action);
                    timers.add(ft);
                    return ft;
                }
            };
            RaftStorage storage = new RaftStorage() {
                @Override
                public DurableImage.RecoveredState recover() {
                    return image.recover();
                }

                @Override
                public void persist(List<PersistOp> ops, long bytes, Runnable onSynced) {
                    writes.addLast(new Write(ops, onSynced));
                }
            };
            RaftPorts ports = new RaftPorts((to, m) -> outbox.add(new Envelope<>(id, to, m)), t, storage, random.get());
            server = new RaftServer(id, config, ports, new KeyValueStateMachine(), observer);
            server.start();
        }
    }

    private final RaftConfig config;
    private final RaftObserver observer;
    private final Supplier<UniformRandomProvider> random;
    private final List<Member> members = new ArrayList<>();
    private final List<Envelope<?>> outbox = new ArrayList<>();
    private long now;

    /**
     * {@code voters} voters and {@code nonVoters} non-voters, bootstrapped with one configuration
     * and started. Randomised timeouts take their minimum.
     */
    public FakeCluster(RaftConfig config, int voters, int nonVoters) {
        this(config, voters, nonVoters, RaftObserver.NONE);
    }

    public FakeCluster(RaftConfig config, int voters, int nonVoters, RaftObserver observer) {
        this(config, voters, nonVoters, observer, ZeroRandom::new);
    }

    /** As above, with each server's random source from {@code random} (one call per boot). */
    public FakeCluster(RaftConfig config, int voters, int nonVoters, RaftObserver observer,
            Supplier<UniformRandomProvider> random) {
        this.config = config;
        this.observer = observer;
        this.random = random;
        List<NodeId> v = new ArrayList<>();
        List<NodeId> nv = new ArrayList<>();
        for (int i = 1; i <= voters + nonVoters; i++) {
            (i <= voters ? v : nv).add(id(i));
        }
        Configuration c = Configuration.of(v, nv);
        for (int i = 1; i <= voters + nonVoters; i++) {
            members.add(new Member(id(i), DurableImage.bootstrapped(c)));
        }
        for (Member m : members) {
            m.boot();
        }
    }

    /** Server {@code i}'s id: index i, name "s" + i. */
    public static NodeId id(int i) {
        return new NodeId(i, "s" + i);
    }

    /** Adds a server with an empty disk (not in any configuration yet) and starts it. */
    public int addEmptyServer() {
        Member m = new Member(id(members.size() + 1), new DurableImage());
        members.add(m);
        m.boot();
        return members.size();
    }

    public RaftServer server(int i) {
        return member(i).server;
    }

    public long now() {
        return now;
    }

    /** Moves the clock forward without firing anything. */
    public void advance(long nanos) {
        now += nanos;
    }

    /** Whether server {@code i} has a pending timer called {@code name}. */
    public boolean hasTimer(int i, String name) {
        return find(i, name).isPresent();
    }

    /** The due time of server {@code i}'s pending timer {@code name}. */
    public long timerDue(int i, String name) {
        return find(i, name).orElseThrow(() -> new AssertionError("no timer " + name + " on s" + i)).due;
    }

    /** Fires server {@code i}'s earliest pending timer called {@code name}, first moving time to it. */
    public void fire(int i, String name) {
        FakeTimer t = find(i, name).orElseThrow(() -> new AssertionError("no timer " + name + " on s" + i
                + "; pending: " + pendingTimers(i)));
        member(i).timers.remove(t);
        now = Math.max(now, t.due);
        t.action.run();
    }

    public List<String> pendingTimers(int i) {
        List<String> out = new ArrayList<>();
        for (FakeTimer t : member(i).timers) {
            if (!t.cancelled) {
                out.add(t.name + "@" + t.due);
            }
        }
        return out;
    }

    private Optional<FakeTimer> find(int i, String name) {
        Member m = member(i);
        m.timers.removeIf(t -> t.cancelled);
        FakeTimer best = null;
        for (FakeTimer t : m.timers) {
            if (t.name.equals(name) && (best == null || t.due < best.due)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Completes every pending disk write of server {@code i}, in order. */
    public void sync(int i) {
        Member m = member(i);
        while (!m.writes.isEmpty()) {
            Write w = m.writes.pollFirst();
            m.image.apply(w.ops);
            w.onSynced.run();
        }
    }

    /** Completes only the oldest pending disk write of server {@code i} (writes issued meanwhile wait). */
    public void syncOne(int i) {
        Member m = member(i);
        Write w = m.writes.pollFirst();
        if (w == null) {
            throw new AssertionError("no pending write on s" + i);
        }
        m.image.apply(w.ops);
        w.onSynced.run();
    }

    public void syncAll() {
        for (int i = 1; i <= members.size(); i++) {
            sync(i);
        }
    }

    /** Disk writes issued by server {@code i} and not yet synced. */
    public int pendingWrites(int i) {
        return member(i).writes.size();
    }

    /** Removes and returns the undelivered messages of type {@code type} sent by {@code from} (0 = anyone). */
    @SuppressWarnings("unchecked")
    public <T extends Message> List<Envelope<T>> take(int from, Class<T> type) {
        List<Envelope<T>> out = new ArrayList<>();
        for (Iterator<Envelope<?>> it = outbox.iterator(); it.hasNext(); ) {
            Envelope<?> e = it.next();
            if ((from == 0 || e.from().equals(id(from))) && type.isInstance(e.message())) {
                out.add((Envelope<T>) e);
                it.remove();
            }
        }
        return out;
    }

    /** Undelivered messages (a copy). */
    public List<Envelope<?>> outbox() {
        return List.copyOf(outbox);
    }

    public void clearOutbox() {
        outbox.clear();
    }

    /** Puts messages back as pending, after those already pending. */
    public void requeue(List<Envelope<?>> envelopes) {
        outbox.addAll(envelopes);
    }

    /** Delivers {@code e} to its destination (dropped if that server is down). */
    public void deliver(Envelope<?> e) {
        Member m = member(e.to().index());
        if (m.up) {
            m.server.handle(e.from(), e.message());
        }
    }

    public <T extends Message> void deliverAll(List<Envelope<T>> envelopes) {
        for (Envelope<T> e : envelopes) {
            deliver(e);
        }
    }

    /**
     * Delivers messages and syncs disks until nothing is left, as a perfect network and instant
     * disks would. Timers do not fire.
     */
    public void settle() {
        for (int round = 0; round < 10_000; round++) {
            syncAll();
            if (outbox.isEmpty()) {
                return;
            }
            List<Envelope<?>> batch = new ArrayList<>(outbox);
            outbox.clear();
            for (Envelope<?> e : batch) {
                deliver(e);
            }
        }
        throw new AssertionError("messages still flowing after 10000 rounds");
    }

    /** Crashes server {@code i}: unsynced writes, timers and undelivered messages to it are lost. */
    public void crash(int i) {
        Member m = member(i);
        m.up = false;
        m.writes.clear();
        m.timers.clear();
        outbox.removeIf(e -> e.from().equals(m.id));
        m.server = null;
    }

    /** Restarts server {@code i} from what its disk holds. */
    public void restart(int i) {
        member(i).boot();
    }

    public DurableImage image(int i) {
        return member(i).image;
    }

    private Member member(int i) {
        return members.get(i - 1);
    }
}
