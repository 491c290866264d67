package io.clustersim.faults;

/** Whom a fault hits. Resolved when the fault fires, not when the scenario is read. */
public sealed interface Target {
    /** A node by name, e.g. {@code server-2}. */
    record Node(String name) implements Target {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every node in an availability zone. */
    record Zone(String name) implements Target {
        @Override
        public String toString() {
            return "zone " + name;
        }
    }

    /** Every node in a region (a region outage). */
    record Region(String name) implements Target {
        @Override
        public String toString() {
            return "region " + name;
        }
    }

    /** Every node in a datacenter. */
    record Datacenter(String name) implements Target {
        @Override
        public String toString() {
            return "datacenter " + name;
        }
    }

    /** Whichever server leads when the fault fires (none: the fault does nothing and says so). */
    record Leader() implements Target {
        @Override
        public String toString() {
            return "leader";
        }
    }

    /**
     * Every node in the zone of whoever {@code role} names when the fault fires (the leader's zone,
     * a follower's zone): "we lose the AZ the leader is in".
     */
    record ZoneOf(Target role) implements Target {
        @Override
        public String toString() {
            return "the zone of the " + role;
        }
    }

    /** Some server that is not the leader when the fault fires: the first one in name order. */
    record Follower() implements Target {
        @Override
        public String toString() {
            return "follower";
        }
    }
}
