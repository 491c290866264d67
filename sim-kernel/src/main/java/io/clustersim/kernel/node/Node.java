package io.clustersim.kernel.node;

import io.clustersim.kernel.World;
import io.clustersim.kernel.cpu.Cpu;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A simulated machine: an address, a placement, a disk and the lifecycle of the process on it.
 * Faults act here, from outside the protocol: {@link #crash()}, {@link #start()},
 * {@link #pause()}, {@link #resume()}.
 */
public final class Node {
    private final World world;
    private final NodeId id;
    private final Placement placement;
    private final Disk disk;
    private final Cpu cpu;
    private final Supplier<? extends Process> processFactory;
    private final Map<String, UniformRandomProvider> randoms = new LinkedHashMap<>();
    private final ArrayDeque<NodeEvent> deferred = new ArrayDeque<>();

    private NodeState state = NodeState.DOWN;
    private int epoch;
    private Process process;
    private Context context;
    private int starts;
    private long processingDelayNanos;

    public Node(World world, NodeId id, Placement placement, Disk.Factory diskFactory,
            Supplier<? extends Process> processFactory) {
        this.world = world;
        this.id = id;
        this.placement = placement;
        this.processFactory = processFactory;
        this.disk = diskFactory.create(this);
        this.cpu = new Cpu(world.simulation());
    }

    public NodeId id() {
        return id;
    }

    public String name() {
        return id.name();
    }

    public Placement placement() {
        return placement;
    }

    public NodeState state() {
        return state;
    }

    public boolean isUp() {
        return state == NodeState.UP;
    }

    /** Incremented on every start and crash; events remember it to detect a dead incarnation. */
    public int epoch() {
        return epoch;
    }

    public Disk disk() {
        return disk;
    }

    public World world() {
        return world;
    }

    /** The machine's cores and run queue (one core unless configured; unused while every cost is zero). */
    public Cpu cpu() {
        return cpu;
    }

    /** The current process, or null while down. For observers (checkers, probes), not for faults. */
    public Process process() {
        return process;
    }

    /** How many times the process has been started, restarts included. */
    public int starts() {
        return starts;
    }

    /** Starts (or restarts) a fresh process. Durable state on the disk is what survived. */
    public void start() {
        if (state != NodeState.DOWN) {
            throw new IllegalStateException(id + " is already running");
        }
        epoch++;
        starts++;
        state = NodeState.UP;
        world.trace().record(world.now(), TraceKind.START, name(), null, null);
        process = processFactory.get();
        context = new Context(epoch);
        process.start(context);
    }

    /**
     * The machine dies (power loss, kernel panic): the process's volatile state, pending timers
     * and the writes not yet synced are lost.
     */
    public void crash() {
        die(true);
    }

    /**
     * The process is killed ({@code kill -9}, the OOM killer) while the machine runs on: volatile
     * state and timers are lost, but the operating system finishes the writes it was given.
     */
    public void kill() {
        die(false);
    }

    private void die(boolean machine) {
        if (state == NodeState.DOWN) {
            return;
        }
        epoch++;
        state = NodeState.DOWN;
        process = null;
        context = null;
        List<NodeEvent> held = new ArrayList<>(deferred);
        deferred.clear();
        cpu.processLost();
        if (machine) {
            disk.crash();
        } else {
            disk.processKilled();
        }
        world.trace().record(world.now(), TraceKind.CRASH, name(), null, machine ? null : "kill");
        // Held deliveries are lost with the process; say so, or the network's books never balance.
        for (NodeEvent e : held) {
            e.dropped();
        }
    }

    /**
     * Asks the process to stop with {@code signal}: it may do its shutdown work and exit. If it has not exited
     * after {@code killAfterNanos}, it is killed as by a crash (a service manager's stop timeout).
     */
    public void stop(StopSignal signal, long killAfterNanos) {
        if (state == NodeState.DOWN) {
            return;
        }
        world.trace().record(world.now(), TraceKind.STOP, name(), null, signal.name());
        int incarnation = epoch;
        world.simulation().schedule(killAfterNanos, () -> {
            if (epoch == incarnation && state != NodeState.DOWN) {
                crash();
            }
        });
        if (state == NodeState.PAUSED) {
            return; // a frozen process cannot react; the kill timer ends it
        }
        process.onStop(context, signal);
    }

    /** The process ended itself cleanly: it is gone, but what it wrote to disk stays durable. */
    private void exited(int incarnation) {
        if (epoch != incarnation || state == NodeState.DOWN) {
            return;
        }
        epoch++;
        state = NodeState.DOWN;
        process = null;
        context = null;
        List<NodeEvent> held = new ArrayList<>(deferred);
        deferred.clear();
        cpu.processLost();
        world.trace().record(world.now(), TraceKind.EXIT, name(), null, null);
        for (NodeEvent e : held) {
            e.dropped();
        }
    }

    /** Freezes the process; its timers and incoming messages wait for {@link #resume()}. */
    public void pause() {
        if (state != NodeState.UP) {
            return;
        }
        state = NodeState.PAUSED;
        world.trace().record(world.now(), TraceKind.PAUSE, name(), null, null);
    }

    /**
     * Thaws the process; what came due during the pause runs now, in its original order. It runs
     * within this call rather than as new events: new events would run after everything else
     * already due at this instant, letting later events overtake the held ones.
     */
    public void resume() {
        if (state != NodeState.PAUSED) {
            return;
        }
        state = NodeState.UP;
        world.trace().record(world.now(), TraceKind.RESUME, name(), null, null);
        List<NodeEvent> held = new ArrayList<>(deferred);
        deferred.clear();
        for (NodeEvent e : held) {
            // Each one checks the state again: an earlier one may have led to a crash or a pause.
            e.onEvent();
        }
    }

    void defer(NodeEvent event) {
        deferred.addLast(event);
    }

    /**
     * Every incoming message is handed to the process this long after it arrives, as on an
     * overloaded machine (the Lifeguard paper's slow-processing experiment); timers are not
     * delayed. Zero, the default, hands them over at once. It outlives restarts: it is the
     * machine that is slow.
     */
    public void setProcessingDelay(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a processing delay must not be negative");
        }
        processingDelayNanos = nanos;
    }

    public long processingDelayNanos() {
        return processingDelayNanos;
    }

    /** Hands a delivered message to the process (called by the network). */
    public void receive(NodeId from, Message message) {
        if (processingDelayNanos > 0) {
            NodeEvent handle = callback(() -> process.onMessage(from, message));
            world.simulation().schedule(processingDelayNanos, handle);
            return;
        }
        process.onMessage(from, message);
    }

    /** Runs {@code action} as an event of the current incarnation: dropped after a crash, held while paused. */
    public NodeEvent callback(Runnable action) {
        return new NodeEvent(this) {
            @Override
            protected void deliver() {
                action.run();
            }
        };
    }

    UniformRandomProvider random(String name) {
        return randoms.computeIfAbsent(name, n -> world.streams().stream(id.name()).stream(n).rng());
    }

    @Override
    public String toString() {
        return id.name() + "@" + placement + "[" + state + "]";
    }

    /** The ports of one incarnation; inert once that incarnation has crashed. */
    private final class Context implements NodeContext {
        private final int incarnation;

        Context(int incarnation) {
            this.incarnation = incarnation;
        }

        private boolean alive() {
            return epoch == incarnation && state != NodeState.DOWN;
        }

        @Override
        public NodeId self() {
            return id;
        }

        @Override
        public long now() {
            return world.now();
        }

        @Override
        public void send(NodeId to, Message message, Delivery delivery) {
            if (alive()) {
                world.network().send(id, to, message, delivery);
            }
        }

        @Override
        public Timer setTimer(String name, long delayNanos, Runnable action) {
            NodeTimer t = new NodeTimer(Node.this, name, action);
            if (alive()) {
                t.handle = world.simulation().schedule(delayNanos, t);
            } else {
                t.cancelled = true;
            }
            return t;
        }

        @Override
        public void compute(long costNanos, Runnable effects) {
            if (costNanos < 0) {
                throw new IllegalArgumentException("a CPU cost must not be negative, got " + costNanos);
            }
            if (!alive()) {
                return;
            }
            if (costNanos == 0 && cpu.idle()) {
                effects.run();
                return;
            }
            cpu.submit(costNanos, callback(effects));
        }

        @Override
        public UniformRandomProvider random(String name) {
            return Node.this.random(name);
        }

        @Override
        public Disk disk() {
            return disk;
        }

        @Override
        public void exit() {
            exited(incarnation);
        }
    }

    private static final class NodeTimer extends NodeEvent implements Timer {
        private final String name;
        private final Runnable action;
        long handle = -1;
        boolean cancelled;
        boolean fired;

        NodeTimer(Node node, String name, Runnable action) {
            super(node);
            this.name = name;
            this.action = action;
        }

        @Override
        protected void deliver() {
            if (cancelled) {
                return;
            }
            fired = true;
            World w = node.world;
            w.trace().record(w.now(), TraceKind.TIMER, node.name(), node.name(), name);
            action.run();
        }

        @Override
        public void cancel() {
            if (!cancelled && !fired) {
                cancelled = true;
                node.world.simulation().cancel(handle);
            }
        }

        @Override
        public boolean isPending() {
            return !cancelled && !fired && node.epoch == incarnation() && node.state != NodeState.DOWN;
        }
    }
}
