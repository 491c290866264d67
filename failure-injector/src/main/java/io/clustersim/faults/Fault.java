package io.clustersim.faults;

import java.util.List;

/** What goes wrong. Each fault can be undone, for faults with a duration. */
public sealed interface Fault {
    /** The process dies: volatile state and unsynced writes are lost. Undone by a restart. */
    record Crash(Target target) implements Fault {}

    /** A crashed process starts again from what its disk kept. */
    record Restart(Target target) implements Fault {}

    /**
     * An operator stops the process with {@code signal} (SIGTERM or SIGINT); what it does then is
     * its own setting (a Nomad server leaves only with leave_on_terminate or leave_on_interrupt).
     * A process that has not exited after the stop timeout is killed. Undone by a restart.
     */
    record Stop(Target target, io.clustersim.kernel.node.StopSignal signal) implements Fault {}

    /** An operator's force-leave of a (failed) server, carried out by the deployment. */
    record ForceLeave(String node) implements Fault {}

    /** A stop-the-world freeze (a long GC pause, a VM stall). Undone by resuming. */
    record Pause(Target target) implements Fault {}

    /**
     * Messages of {@code kind} from nodes in {@code from} to nodes in {@code to} (each a list of
     * node, zone, datacenter or region names; empty for every node) are dropped, or delayed by
     * {@code delayNanos} when that is above 0. Undone when it ends.
     */
    record Messages(String kind, List<String> from, List<String> to, long delayNanos) implements Fault {
        public Messages {
            from = List.copyOf(from);
            to = List.copyOf(to);
            if (delayNanos < 0) {
                throw new IllegalArgumentException("a delay must not be negative");
            }
        }

        public boolean drops() {
            return delayNanos == 0;
        }
    }

    /**
     * The network splits into the given groups (each a list of zone or node names); nodes in
     * different groups cannot talk. Undone by healing.
     */
    record Partition(List<List<String>> groups) implements Fault {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }
}
