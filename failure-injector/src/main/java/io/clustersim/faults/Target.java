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

    /**
     * Whichever server leads {@code region} when the fault fires (the leader of every region when
     * null); none while electing, and the fault then does nothing and says so.
     */
    record Leader(String region) implements Target {
        public Leader() {
            this(null);
        }

        @Override
        public String toString() {
            return region == null ? "leader" : "leader of " + region;
        }
    }

    /** A live server of {@code region} (each region when null) that does not lead: the first in name order. */
    record Follower(String region) implements Target {
        public Follower() {
            this(null);
        }

        @Override
        public String toString() {
            return region == null ? "follower" : "follower of " + region;
        }
    }

    /** Every server of {@code region} (every region when null). */
    record Servers(String region) implements Target {
        @Override
        public String toString() {
            return region == null ? "servers" : "servers of " + region;
        }
    }

    /** Every client of {@code region} (every region when null). */
    record Clients(String region) implements Target {
        @Override
        public String toString() {
            return region == null ? "clients" : "clients of " + region;
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

    /** One member of {@code among}, drawn when the fault fires from the injector's own stream. */
    record Random(Target among) implements Target {
        @Override
        public String toString() {
            return "a random one of " + among;
        }
    }

    /**
     * The node a protocol event was about, for faults triggered {@link Trigger.Whenever whenever}
     * it happens: the server that just granted a vote, the leader just elected.
     */
    record Subject() implements Target {
        @Override
        public String toString() {
            return "the event's node";
        }
    }
}
