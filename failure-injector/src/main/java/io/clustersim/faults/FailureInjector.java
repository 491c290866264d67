package io.clustersim.faults;

import io.clustersim.kernel.World;
import io.clustersim.kernel.network.MessageFaults;
import io.clustersim.kernel.network.Partitions;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;

/** Applies a fault schedule to a world through the kernel's process and network controls. */
public final class FailureInjector {
    private final World world;
    private final TargetResolver resolver;
    private final NodeControls controls;
    private final FaultListener listener;
    private Operator operator = Operator.NONE;

    /** How long a stopped process may take to exit before it is killed (systemd's default stop timeout). */
    public static final long STOP_TIMEOUT_NANOS = 90_000_000_000L;

    public FailureInjector(World world, TargetResolver resolver, FaultListener listener) {
        this(world, resolver, NodeControls.KERNEL, listener);
    }

    public FailureInjector(World world, TargetResolver resolver, NodeControls controls, FaultListener listener) {
        this.world = world;
        this.resolver = resolver;
        this.controls = controls;
        this.listener = listener;
    }

    /** Who carries out operator commands (force-leave). */
    public FailureInjector operator(Operator op) {
        this.operator = op;
        return this;
    }

    /** Schedules every fault of the list; call before running the simulation. */
    public void install(List<ScheduledFault> schedule) {
        for (ScheduledFault f : schedule) {
            world.simulation().scheduleAt(f.atNanos(), () -> fire(f));
        }
    }

    private void fire(ScheduledFault f) {
        // Java 17 has no pattern switch; the chain covers every permitted Fault kind.
        Fault fault = f.fault();
        List<Node> affected;
        if (fault instanceof Fault.Crash c) {
            affected = apply(c.target(), controls::crash, n -> n.state() != NodeState.DOWN);
        } else if (fault instanceof Fault.Restart r) {
            affected = apply(r.target(), controls::start, n -> n.state() == NodeState.DOWN);
        } else if (fault instanceof Fault.Pause p) {
            affected = apply(p.target(), controls::pause, n -> n.state() == NodeState.UP);
        } else if (fault instanceof Fault.Messages m) {
            affected = messages(f, m);
        } else if (fault instanceof Fault.Stop st) {
            affected = apply(st.target(), n -> n.stop(st.signal(), STOP_TIMEOUT_NANOS), n -> n.state() != NodeState.DOWN);
        } else if (fault instanceof Fault.ForceLeave fl) {
            operator.forceLeave(fl.node());
            affected = List.of(world.node(fl.node()));
        } else {
            affected = partition(f, (Fault.Partition) fault);
        }
        world.trace().record(world.now(), TraceKind.FAULT, null, null, describe(f.fault()), names(affected));
        listener.injected(f, affected);
        if (f.durationNanos() > 0 && !(f.fault() instanceof Fault.Partition) && !(f.fault() instanceof Fault.Messages)) {
            world.simulation().schedule(f.durationNanos(), () -> undo(f, affected));
        }
    }

    private void undo(ScheduledFault f, List<Node> affected) {
        for (Node n : affected) {
            if ((f.fault() instanceof Fault.Crash || f.fault() instanceof Fault.Stop) && n.state() == NodeState.DOWN) {
                controls.start(n);
            } else if (f.fault() instanceof Fault.Pause) {
                controls.resume(n);
            }
        }
        world.trace().record(world.now(), TraceKind.FAULT, null, null, "undo " + describe(f.fault()), names(affected));
        listener.undone(f, affected);
    }

    private List<Node> apply(Target target, java.util.function.Consumer<Node> action, java.util.function.Predicate<Node> applicable) {
        List<Node> hit = new ArrayList<>();
        for (Node n : resolver.resolve(target)) {
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

    private List<Node> messages(ScheduledFault f, Fault.Messages m) {
        List<Node> from = at(m.from());
        List<Node> to = at(m.to());
        MessageFaults faults = world.network().messageFaults();
        MessageFaults.Rule rule = m.drops() ? faults.drop(ids(from), ids(to), m.kind())
                : faults.delay(ids(from), ids(to), m.kind(), m.delayNanos());
        List<Node> all = new ArrayList<>(from);
        to.stream().filter(n -> !all.contains(n)).forEach(all::add);
        if (f.durationNanos() > 0) {
            world.simulation().schedule(f.durationNanos(), () -> {
                faults.remove(rule);
                world.trace().record(world.now(), TraceKind.FAULT, null, null, "end " + describe(m), null);
                listener.undone(f, all);
            });
        }
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
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                cuts.add(partitions.split(groups.get(i), groups.get(j)));
            }
        }
        if (f.durationNanos() > 0) {
            world.simulation().schedule(f.durationNanos(), () -> {
                cuts.forEach(partitions::heal);
                world.trace().record(world.now(), TraceKind.FAULT, null, null, "heal partition", null);
                listener.undone(f, all);
            });
        }
        return all;
    }

    /** A short human description, e.g. {@code crash leader}. */
    public static String describe(Fault f) {
        if (f instanceof Fault.Crash c) {
            return "crash " + c.target();
        } else if (f instanceof Fault.Restart r) {
            return "restart " + r.target();
        } else if (f instanceof Fault.Pause p) {
            return "pause " + p.target();
        } else if (f instanceof Fault.Stop st) {
            return (st.signal() == io.clustersim.kernel.node.StopSignal.TERMINATE ? "stop " : "interrupt ") + st.target();
        } else if (f instanceof Fault.ForceLeave fl) {
            return "force-leave " + fl.node();
        } else if (f instanceof Fault.Messages m) {
            return (m.drops() ? "drop " : "delay by " + m.delayNanos() / 1e6 + "ms ") + m.kind() + " from "
                    + (m.from().isEmpty() ? "everyone" : m.from()) + " to " + (m.to().isEmpty() ? "everyone" : m.to());
        }
        return "partition " + ((Fault.Partition) f).groups();
    }

    private static String names(List<Node> nodes) {
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
