package io.clustersim.faults;

import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.random.Distribution;
import java.util.List;

/**
 * What goes wrong: the one fault vocabulary of ClusterSim, used by scenario files, by {@code check}'s
 * nemesis and by the protocol modules' tests. Every fault acts through the kernel's controls
 * (process lifecycle, network, disk), never on protocol state. A fault with a duration is undone
 * when it ends; {@link #undoable()} says which can be.
 */
public sealed interface Fault {
    /** Whether a duration may end this fault (a restart or a heal has nothing to undo). */
    default boolean undoable() {
        return true;
    }

    /**
     * The machine dies (power loss, kernel panic): volatile state and the writes not yet synced are
     * lost. Undone by a restart.
     */
    record Crash(Target target) implements Fault {}

    /**
     * The process is killed ({@code kill -9}, the OOM killer) but the machine runs on: the writes
     * it handed the operating system still reach the disk. Undone by a restart.
     */
    record Kill(Target target) implements Fault {}

    /** A stopped process starts again from what its disk kept. */
    record Restart(Target target) implements Fault {
        @Override
        public boolean undoable() {
            return false;
        }
    }

    /**
     * An operator stops the process with {@code signal} (SIGTERM or SIGINT); what it does then is
     * its own setting (a Nomad server leaves only with leave_on_terminate or leave_on_interrupt).
     * A process that has not exited after the stop timeout is killed. Undone by a restart.
     */
    record Stop(Target target, StopSignal signal) implements Fault {}

    /** An operator's force-leave of a (failed) server, carried out by the deployment. */
    record ForceLeave(String node) implements Fault {
        @Override
        public boolean undoable() {
            return false;
        }
    }

    /** An operator asks the current leader to hand leadership to its most up-to-date voter. */
    record TransferLeadership() implements Fault {
        @Override
        public boolean undoable() {
            return false;
        }
    }

    /** A stop-the-world freeze (a long GC pause, a VM stall). Undone by resuming. */
    record Pause(Target target) implements Fault {}

    /**
     * The target's nodes stay up but every link between them and the rest is cut (an AZ whose
     * uplinks fail, a region cut off); they still talk among themselves. Undone by healing.
     */
    record Isolate(Target target) implements Fault {}

    /**
     * The network splits into the given groups (each a list of node, zone, datacenter or region
     * names): nodes in different groups cannot talk. One-way (two groups only) cuts only the first
     * group's messages to the second: the second still reaches the first. Nodes in no group are
     * bridges: they talk to every group.
     * Undone by healing.
     */
    record Partition(List<List<String>> groups, boolean oneWay) implements Fault {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
            if (oneWay && groups.size() != 2) {
                throw new IllegalArgumentException("a one-way partition has exactly two groups");
            }
        }

        public Partition(List<List<String>> groups) {
            this(groups, false);
        }
    }

    /** Ends every partition, isolation, link degradation and message fault in force. */
    record Heal() implements Fault {
        @Override
        public boolean undoable() {
            return false;
        }
    }

    /** Which links a degradation hits. */
    sealed interface Links {
        /** Every link of the network. */
        record Everywhere() implements Links {}

        /** Every link of one class (same zone, cross zone, cross region). */
        record OfClass(LinkClass linkClass) implements Links {}

        /** The links between a node of {@code a} and a node of {@code b} (node, zone, datacenter or region names), both ways. */
        record Between(List<String> a, List<String> b) implements Links {
            public Between {
                a = List.copyOf(a);
                b = List.copyOf(b);
            }
        }
    }

    /**
     * Links get slower and lossier: added latency, a uniform jitter on top, extra loss and extra
     * duplication. Undone when it ends.
     */
    record Degrade(Links links, long addedLatencyNanos, long jitterNanos, double loss, double duplication) implements Fault {
        public Degrade {
            if (addedLatencyNanos < 0 || jitterNanos < 0 || !(loss >= 0 && loss <= 1) || !(duplication >= 0 && duplication <= 1)) {
                throw new IllegalArgumentException("a degradation needs latency and jitter >= 0 and chances within [0, 1]");
            }
        }
    }

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
     * The target's machines are overloaded: each incoming message reaches the process
     * {@code delayNanos} after it arrives (the Lifeguard paper's slow members). Undone when it ends.
     */
    record SlowProcessing(Target target, long delayNanos) implements Fault {
        public SlowProcessing {
            if (delayNanos <= 0) {
                throw new IllegalArgumentException("a processing delay must be positive");
            }
        }
    }

    /** The target's disks get slower (fsync latency, IOPS cap). Undone when it ends. */
    record SlowDisk(Target target, Disk.Slowdown slowdown) implements Fault {}

    /** The target's disks stop completing writes until the fault ends. */
    record StallDisk(Target target) implements Fault {}

    /**
     * Restarts the servers of {@code region} (every region when null) one at a time, in name order:
     * each is stopped (gracefully with SIGTERM, or crashed), starts again {@code downNanos} later,
     * and the next one goes {@code pauseNanos} after that.
     */
    record RollingRestart(String region, long pauseNanos, long downNanos, boolean graceful) implements Fault {
        public RollingRestart {
            if (pauseNanos < 0 || downNanos <= 0) {
                throw new IllegalArgumentException("a rolling restart needs a positive downtime and a pause >= 0");
            }
        }

        @Override
        public boolean undoable() {
            return false;
        }
    }

    /** How large a unit a failure process takes down at once. */
    enum Scope {
        NODE,
        ZONE,
        REGION
    }

    /**
     * Random failures and repairs for long availability runs: every unit ({@code scope}) holding
     * nodes of {@code population} fails after a time drawn from {@code timeToFailure}, is repaired
     * (its nodes restarted) after one drawn from {@code timeToRepair}, and so on. At most
     * {@code maxConcurrent} units are down at once (0: no cap); a unit due to fail while the cap
     * is reached tries again after another time to failure. With a duration, the process stops
     * starting failures when it ends.
     */
    record FailureProcess(Scope scope, Target population, Distribution timeToFailure, Distribution timeToRepair,
            int maxConcurrent) implements Fault {
        public FailureProcess {
            if (maxConcurrent < 0) {
                throw new IllegalArgumentException("maxConcurrent must not be negative");
            }
        }
    }
}
