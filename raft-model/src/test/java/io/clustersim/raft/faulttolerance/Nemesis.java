package io.clustersim.raft.faulttolerance;

import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults aimed at the protocol's riskiest moments, like Jepsen's nemeses: it watches the cluster
 * (as an observer) and, within each fault's window, crashes a server just after it grants a vote,
 * or crashes or isolates a leader just after it is elected. It acts only through the kernel, by
 * scheduling events; it never touches protocol state.
 */
final class Nemesis implements RaftObserver {
    private record Window(Fault fault, long start, long end) {}

    private final FaultRun run;
    private final List<Window> windows = new ArrayList<>();

    Nemesis(FaultRun run) {
        this.run = run;
    }

    void add(Fault f, long start) {
        long length = f instanceof Fault.CrashVoters c ? c.windowMilliUnits()
                : f instanceof Fault.CrashLeaders c ? c.windowMilliUnits()
                : ((Fault.IsolateLeaders) f).windowMilliUnits();
        windows.add(new Window(f, start, start + run.time(length)));
    }

    private List<Fault> active() {
        long now = run.now();
        List<Fault> out = new ArrayList<>();
        for (Window w : windows) {
            if (w.start <= now && now < w.end && now < run.healAt) {
                out.add(w.fault);
            }
        }
        return out;
    }

    @Override
    public void voteGranted(NodeId node, long term, NodeId candidate) {
        for (Fault f : active()) {
            if (f instanceof Fault.CrashVoters c) {
                run.crashFor(run.world.node(node), run.now() + c.delayMicros() * 1000, run.time(c.downMilliUnits()));
            }
        }
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        Node n = run.world.node(node);
        for (Fault f : active()) {
            if (f instanceof Fault.CrashLeaders c) {
                run.crashFor(n, run.now() + c.delayMicros() * 1000, run.time(c.downMilliUnits()));
            } else if (f instanceof Fault.IsolateLeaders i) {
                run.at(run.now() + i.delayMicros() * 1000, () -> run.isolate(n, run.time(i.isolationMilliUnits())));
            }
        }
    }
}
