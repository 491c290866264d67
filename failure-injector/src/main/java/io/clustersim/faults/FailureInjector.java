package io.clustersim.faults;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.LinkFaults;
import io.clustersim.kernel.network.MessageFaults;
import io.clustersim.kernel.network.Partitions;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Applies a fault schedule to a world through the kernel's process, network and disk controls.
 * Triggers are resolved from the injector's own streams ({@code faults/...}), so adding a fault
 * never shifts a protocol's random draws; what fired, when and on whom is kept in {@link #fired()}.
 */
public final class FailureInjector implements ProtocolEvents {
    /** How long a stopped process may take to exit before it is killed (systemd's default stop timeout). */
    public static final long STOP_TIMEOUT_NANOS = 90_000_000_000L;

    private final World world;
    private final TargetResolver resolver;
    private final NodeControls controls;
    private final FaultListener listener;
    private final UniformRandomProvider triggerRng;
    private final List<Fired> fired = new ArrayList<>();
    private final List<ScheduledFault> reactive = new ArrayList<>();
    private boolean disarmed;
    private RoleDirectory roles = RoleDirectory.NONE;
    private Operator operator = Operator.NONE;
    private int processes;
    /** The node of the protocol event being reacted to, while its fault fires. */
    private Node subject;

    public FailureInjector(World world, TargetResolver resolver, FaultListener listener) {
        this(world, resolver, NodeControls.KERNEL, listener);
    }

    public FailureInjector(World world, TargetResolver resolver, NodeControls controls, FaultListener listener) {
        this.world = world;
        this.resolver = resolver;
        this.controls = controls;
        this.listener = listener;
        this.triggerRng = world.streams().stream("faults").stream("triggers").rng();
    }

    /** Who carries out operator commands (force-leave). */
    public FailureInjector operator(Operator op) {
        this.operator = op;
        return this;
    }

    /** Who the servers are and who leads, for rolling restarts and conditional triggers. */
    public FailureInjector roles(RoleDirectory directory) {
        this.roles = directory;
        return this;
    }

    /** Every fault that has fired so far, in order. */
    public List<Fired> fired() {
        return Collections.unmodifiableList(fired);
    }

    /** Schedules every fault of the list; call before running the simulation. */
    public void install(List<ScheduledFault> schedule) {
        for (ScheduledFault f : schedule) {
            Trigger t = f.trigger();
            if (t instanceof Trigger.At at) {
                world.simulation().scheduleAt(at.nanos(), () -> fire(f));
            } else if (t instanceof Trigger.Within w) {
                long at = w.fromNanos() + (w.toNanos() == w.fromNanos() ? 0 : triggerRng.nextLong(w.toNanos() - w.fromNanos() + 1));
                world.simulation().scheduleAt(at, () -> fire(f));
            } else if (t instanceof Trigger.Drawn d) {
                long at = d.fromNanos() + d.delay().sampler(triggerRng).sampleNanos();
                world.simulation().scheduleAt(at, () -> fire(f));
            } else if (t instanceof Trigger.Whenever) {
                reactive.add(f);
            } else {
                Trigger.When w = (Trigger.When) t;
                world.simulation().scheduleAt(0, () -> await(f, w));
            }
        }
    }

    /**
     * From now on no fault fires (those in force are still undone when they end): a property's
     * fault phase is over and the system must recover.
     */
    public void disarm() {
        disarmed = true;
    }

    /** A protocol event: every {@link Trigger.Whenever} fault waiting for it, in its window, fires on that node. */
    @Override
    public void happened(ProtocolEvents.Kind kind, NodeId node) {
        long now = world.now();
        for (ScheduledFault f : reactive) {
            Trigger.Whenever w = (Trigger.Whenever) f.trigger();
            if (w.event() == kind && w.fromNanos() <= now && now < w.toNanos() && !disarmed) {
                Node subject = world.node(node);
                world.simulation().schedule(w.delayNanos(), () -> fire(f, subject));
            }
        }
    }

    private void await(ScheduledFault f, Trigger.When w) {
        if (holds(w.condition())) {
            world.simulation().schedule(w.delayNanos(), () -> fire(f));
        } else if (!disarmed) {
            world.simulation().schedule(Trigger.POLL_NANOS, () -> await(f, w));
        }
    }

    private boolean holds(Trigger.Condition c) {
        if (c instanceof Trigger.Condition.FirstElection e) {
            return !roles.leaders(e.region()).isEmpty();
        } else if (c instanceof Trigger.Condition.Committed n) {
            return roles.committed() >= n.entries();
        }
        String node = ((Trigger.Condition.LeaderIs) c).node();
        return roles.leaders(null).stream().anyMatch(n -> n.name().equals(node));
    }

    private void fire(ScheduledFault f) {
        fire(f, null);
    }

    /** Fires {@code f}; {@code subject} is the node {@link Target.Subject} names, if any. */
    private void fire(ScheduledFault f, Node subject) {
        if (disarmed) {
            return;
        }
        this.subject = subject;
        // Java 17 has no pattern switch; the chain covers every permitted Fault kind.
        Fault fault = f.fault();
        long d = f.durationNanos();
        List<Node> affected;
        if (fault instanceof Fault.Crash c) {
            affected = apply(c.target(), controls::crash, n -> n.state() != NodeState.DOWN);
            restartAfter(f, affected);
        } else if (fault instanceof Fault.Kill k) {
            affected = apply(k.target(), controls::kill, n -> n.state() != NodeState.DOWN);
            restartAfter(f, affected);
        } else if (fault instanceof Fault.Restart r) {
            affected = apply(r.target(), controls::start, n -> n.state() == NodeState.DOWN);
        } else if (fault instanceof Fault.Stop st) {
            affected = apply(st.target(), n -> n.stop(st.signal(), STOP_TIMEOUT_NANOS), n -> n.state() != NodeState.DOWN);
            restartAfter(f, affected);
        } else if (fault instanceof Fault.Pause p) {
            affected = apply(p.target(), controls::pause, n -> n.state() == NodeState.UP);
            undoAfter(f, affected, () -> affected.forEach(controls::resume));
        } else if (fault instanceof Fault.ForceLeave fl) {
            operator.forceLeave(fl.node());
            affected = List.of(world.node(fl.node()));
        } else if (fault instanceof Fault.TransferLeadership) {
            operator.transferLeadership();
            affected = List.of();
        } else if (fault instanceof Fault.Isolate iso) {
            affected = resolve(iso.target());
            List<NodeId> inside = ids(affected);
            List<NodeId> outside = world.nodes().stream().filter(n -> !affected.contains(n)).map(Node::id).toList();
            Partitions.Cut cut = world.network().partitions().split(inside, outside);
            undoAfter(f, affected, () -> world.network().partitions().heal(cut));
        } else if (fault instanceof Fault.Partition p) {
            affected = partition(f, p);
        } else if (fault instanceof Fault.Heal) {
            world.network().partitions().healAll();
            world.network().linkFaults().restoreAll();
            world.network().messageFaults().clear();
            affected = List.of();
        } else if (fault instanceof Fault.Degrade dg) {
            affected = degrade(f, dg);
        } else if (fault instanceof Fault.Messages m) {
            affected = messages(f, m);
        } else if (fault instanceof Fault.SlowProcessing sp) {
            affected = apply(sp.target(), n -> n.setProcessingDelay(sp.delayNanos()), n -> true);
            undoAfter(f, affected, () -> affected.forEach(n -> n.setProcessingDelay(0)));
        } else if (fault instanceof Fault.SlowDisk sd) {
            affected = apply(sd.target(), n -> n.disk().slowDown(sd.slowdown()), n -> true);
            undoAfter(f, affected, () -> affected.forEach(n -> n.disk().slowDown(Disk.Slowdown.NONE)));
        } else if (fault instanceof Fault.StallDisk sd) {
            affected = apply(sd.target(), n -> n.disk().stall(), n -> true);
            undoAfter(f, affected, () -> affected.forEach(n -> n.disk().release()));
        } else if (fault instanceof Fault.RollingRestart rr) {
            affected = rollingRestart(rr);
        } else {
            Fault.FailureProcess fp = (Fault.FailureProcess) fault;
            affected = new FailureProcessRunner(world, controls, resolver.resolve(fp.population()), fp,
                    world.streams().stream("faults").stream("process-" + processes++).rng(), this::noteProcessEvent,
                    d > 0 ? world.now() + d : Long.MAX_VALUE).start();
        }
        world.trace().record(world.now(), TraceKind.FAULT, null, null, describe(fault), names(affected));
        fired.add(new Fired(world.now(), f, affected.stream().map(Node::name).toList()));
        listener.injected(f, affected);
    }

    /** A crashed, killed or stopped node starts again after {@code d} (if it is down by then). */
    private void restartAfter(ScheduledFault f, List<Node> affected) {
        if (f.durationNanos() > 0) {
            world.simulation().schedule(f.durationNanos(), () -> {
                for (Node n : affected) {
                    if (n.state() == NodeState.DOWN) {
                        controls.start(n);
                    }
                }
                world.trace().record(world.now(), TraceKind.FAULT, null, null, "undo " + describe(f.fault()), names(affected));
                listener.undone(f, affected);
            });
        }
    }

    private void undoAfter(ScheduledFault f, List<Node> affected, Runnable undo) {
        if (f.durationNanos() > 0) {
            world.simulation().schedule(f.durationNanos(), () -> {
                undo.run();
                world.trace().record(world.now(), TraceKind.FAULT, null, null, "end " + describe(f.fault()), names(affected));
                listener.undone(f, affected);
            });
        }
    }

    private void noteProcessEvent(String what, List<Node> nodes) {
        world.trace().record(world.now(), TraceKind.FAULT, null, null, what, names(nodes));
    }

    private List<Node> resolve(Target target) {
        if (target instanceof Target.Subject) {
            return subject == null ? List.of() : List.of(subject);
        }
        return resolver.resolve(target);
    }

    private List<Node> apply(Target target, Consumer<Node> action, Predicate<Node> applicable) {
        List<Node> hit = new ArrayList<>();
        for (Node n : resolve(target)) {
            if (applicable.test(n)) {
                action.accept(n);
                hit.add(n);
            }
        }
        return hit;
    }

    /** The nodes that {@code places} name (nodes, zones, datacenters, regions); every node if empty. */
    private List<Node> at(List<String> places) {
        List<Node> out = new ArrayList<>();
        for (Node n : world.nodes()) {
            if (places.isEmpty() || places.stream().anyMatch(p -> n.name().equals(p) || n.placement().isIn(p))) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<NodeId> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private static List<Node> union(List<Node> a, List<Node> b) {
        List<Node> all = new ArrayList<>(a);
        b.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }

    private List<Node> messages(ScheduledFault f, Fault.Messages m) {
        List<Node> from = at(m.from());
        List<Node> to = at(m.to());
        MessageFaults faults = world.network().messageFaults();
        MessageFaults.Rule rule = m.drops() ? faults.drop(ids(from), ids(to), m.kind())
                : faults.delay(ids(from), ids(to), m.kind(), m.delayNanos());
        List<Node> all = union(from, to);
        undoAfter(f, all, () -> faults.remove(rule));
        return all;
    }

    private List<Node> degrade(ScheduledFault f, Fault.Degrade d) {
        LinkFaults links = world.network().linkFaults();
        LinkFaults.Degradation applied;
        List<Node> all;
        if (d.links() instanceof Fault.Links.OfClass c) {
            applied = links.degrade(c.linkClass(), d.addedLatencyNanos(), d.jitterNanos(), d.loss(), d.duplication());
            all = List.of();
        } else if (d.links() instanceof Fault.Links.Everywhere) {
            List<NodeId> everyone = ids(world.nodes());
            applied = links.degrade(everyone, everyone, d.addedLatencyNanos(), d.jitterNanos(), d.loss(), d.duplication());
            all = world.nodes();
        } else {
            Fault.Links.Between b = (Fault.Links.Between) d.links();
            List<Node> a = at(b.a());
            List<Node> z = at(b.b());
            applied = links.degrade(ids(a), ids(z), d.addedLatencyNanos(), d.jitterNanos(), d.loss(), d.duplication());
            all = union(a, z);
        }
        undoAfter(f, all, () -> links.restore(applied));
        return all;
    }

    private List<Node> partition(ScheduledFault f, Fault.Partition p) {
        List<List<NodeId>> groups = new ArrayList<>();
        List<Node> all = new ArrayList<>();
        for (List<String> group : p.groups()) {
            List<Node> members = at(group);
            groups.add(ids(members));
            all.addAll(members);
        }
        Partitions partitions = world.network().partitions();
        List<Partitions.Cut> cuts = new ArrayList<>();
        if (p.oneWay()) {
            cuts.add(partitions.oneWay(groups.get(0), groups.get(1)));
        } else {
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    cuts.add(partitions.split(groups.get(i), groups.get(j)));
                }
            }
        }
        undoAfter(f, all, () -> cuts.forEach(partitions::heal));
        return all;
    }

    /** Restarts the region's servers one after another; a step waits for a stopping server to exit. */
    private List<Node> rollingRestart(Fault.RollingRestart rr) {
        List<Node> servers = roles.servers(rr.region());
        restartStep(rr, servers, 0);
        return servers;
    }

    private void restartStep(Fault.RollingRestart rr, List<Node> servers, int i) {
        if (i >= servers.size()) {
            return;
        }
        Node n = servers.get(i);
        if (n.state() != NodeState.DOWN) {
            if (rr.graceful()) {
                n.stop(StopSignal.TERMINATE, STOP_TIMEOUT_NANOS);
            } else {
                controls.crash(n);
            }
            world.trace().record(world.now(), TraceKind.FAULT, null, null, "rolling restart: stop", n.name());
        }
        world.simulation().schedule(rr.downNanos(), () -> startWhenDown(rr, servers, i));
    }

    private void startWhenDown(Fault.RollingRestart rr, List<Node> servers, int i) {
        Node n = servers.get(i);
        if (n.state() != NodeState.DOWN) {
            // Still leaving: a rolling restart waits for the process to exit, as systemd does.
            world.simulation().schedule(Trigger.POLL_NANOS * 100, () -> startWhenDown(rr, servers, i));
            return;
        }
        controls.start(n);
        world.trace().record(world.now(), TraceKind.FAULT, null, null, "rolling restart: start", n.name());
        world.simulation().schedule(rr.pauseNanos(), () -> restartStep(rr, servers, i + 1));
    }

    /** A short human description, e.g. {@code crash leader}. */
    public static String describe(Fault f) {
        return FaultDescriptions.describe(f);
    }

    /** When a trigger fires, e.g. {@code within [5m, 10m]}. */
    public static String describe(Trigger t) {
        return FaultDescriptions.describe(t);
    }

    static String names(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(n.name());
        }
        return sb.toString();
    }
}
