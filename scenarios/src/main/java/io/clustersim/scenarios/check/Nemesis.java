package io.clustersim.scenarios.check;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws random fault schedules for a scenario from the fault vocabulary, the way a Jepsen nemesis
 * does: crashes, kills, pauses and graceful stops of servers and of the leader, zone outages and
 * isolations, slow cross-zone links and slow leader disks, each at a random time for a random
 * while. A fault budget keeps a quorum of every region's servers up and connected at all times
 * (unless quorum loss is allowed), so that what fails is the system, not arithmetic; a server
 * counts as out until a minute after its fault ends, the time it takes to be back in the quorum.
 *
 * <p>Every value comes from the {@link Draws}, simplest first (a crash of the first server early
 * and short), so the testkit's shrinker reduces a failing schedule to few, early, short faults.
 */
final class Nemesis {
    /** Faults start after the warm-up and end this long before the run does, so recovery is seen. */
    private static final long TAIL_NANOS = 60_000_000_000L;
    private static final long MIN_FAULT_NANOS = 5_000_000_000L;
    private static final long MAX_FAULT_NANOS = 300_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /**
     * A server counts against its region's budget until this long after its fault ends: a
     * restarted server is not back in the quorum before its agent starts, rejoins Serf and, if
     * autopilot removed it meanwhile, is promoted to voter again after the stabilization time.
     */
    static final long REJOIN_NANOS = 60 * SECOND;

    /** What a drawn fault takes from a region's quorum while it lasts. */
    private record Cost(String region, int servers, long from, long to) {}

    private final List<String> servers = new ArrayList<>();
    private final List<String> zones = new ArrayList<>();
    private final Map<String, String> regionOf = new TreeMap<>();
    private final Map<String, Integer> serversInZone = new TreeMap<>();
    private final Map<String, Integer> serversInRegion = new TreeMap<>();
    private final List<String> regions = new ArrayList<>();
    private final long from;
    private final long to;
    private final boolean allowQuorumLoss;
    private final int maxFaults;
    /** What the scenario's own failures already take from the quorums. */
    private final List<Cost> own = new ArrayList<>();

    Nemesis(Scenario scenario, boolean allowQuorumLoss, int maxFaults) {
        for (AgentPlacement p : scenario.topology().placements()) {
            String zone = p.placement().zone();
            String region = p.placement().region();
            if (!zones.contains(zone)) {
                zones.add(zone);
                regionOf.put(zone, region);
            }
            if (!regions.contains(region)) {
                regions.add(region);
            }
            if (p.role() == Role.SERVER) {
                servers.add(p.name());
                regionOf.put(p.name(), region);
                serversInZone.merge(zone, 1, Integer::sum);
                serversInRegion.merge(region, 1, Integer::sum);
            }
        }
        long tail = Math.max(TAIL_NANOS, scenario.expectations().writesRecoverWithinNanos() + 30 * SECOND);
        this.from = scenario.warmupNanos();
        this.to = Math.max(from + SECOND, scenario.durationNanos() - tail);
        this.allowQuorumLoss = allowQuorumLoss;
        this.maxFaults = maxFaults;
        for (ScheduledFault f : scenario.failures()) {
            long start = f.atNanos();
            long stop = f.durationNanos() > 0 ? start + f.durationNanos() : Long.MAX_VALUE;
            Target t = target(f.fault());
            if (t != null) {
                for (String region : regions) {
                    int hit = serversHit(t, region);
                    if (hit > 0) {
                        own.add(new Cost(region, hit, start, stop == Long.MAX_VALUE ? stop : stop + REJOIN_NANOS));
                    }
                }
            }
        }
    }

    /** The target of a fault that takes servers out of a quorum (down, frozen or cut off), or null. */
    private static Target target(Fault f) {
        if (f instanceof Fault.Crash c) {
            return c.target();
        } else if (f instanceof Fault.Kill k) {
            return k.target();
        } else if (f instanceof Fault.Stop s) {
            return s.target();
        } else if (f instanceof Fault.Pause p) {
            return p.target();
        } else if (f instanceof Fault.Isolate i) {
            return i.target();
        }
        return null;
    }

    /** At most how many of {@code region}'s servers {@code t} can hit (role targets: the worst case). */
    private int serversHit(Target t, String region) {
        if (t instanceof Target.Node n) {
            return servers.contains(n.name()) && region.equals(regionOf.get(n.name())) ? 1 : 0;
        } else if (t instanceof Target.Zone z) {
            return region.equals(regionOf.get(z.name())) ? serversInZone.getOrDefault(z.name(), 0) : 0;
        } else if (t instanceof Target.Leader l) {
            return l.region() == null || l.region().equals(region) ? 1 : 0;
        } else if (t instanceof Target.Follower f) {
            return f.region() == null || f.region().equals(region) ? 1 : 0;
        } else if (t instanceof Target.Random r) {
            return Math.min(1, serversHit(r.among(), region));
        } else if (t instanceof Target.ZoneOf) {
            int most = 0;
            for (Map.Entry<String, Integer> z : serversInZone.entrySet()) {
                if (region.equals(regionOf.get(z.getKey()))) {
                    most = Math.max(most, z.getValue());
                }
            }
            return most;
        } else if (t instanceof Target.Clients) {
            return 0;
        }
        // A region, a datacenter, every server: all of them, as far as the budget goes.
        return serversInRegion.getOrDefault(region, 0);
    }

    /** A schedule: up to {@code maxFaults} faults that fit the budget, in time order. */
    List<ScheduledFault> draw(Draws d) {
        List<Candidate> drawn = d.draw(Gens.lists(candidates(), 0, maxFaults), "nemesis");
        List<Cost> spent = new ArrayList<>(own);
        List<ScheduledFault> out = new ArrayList<>();
        for (Candidate c : drawn) {
            if (allowQuorumLoss || fits(c.cost, spent)) {
                spent.add(c.cost);
                out.add(c.fault);
            }
        }
        out.sort(java.util.Comparator.comparingLong(ScheduledFault::atNanos));
        return out;
    }

    private record Candidate(ScheduledFault fault, Cost cost) {}

    /** Whether {@code c} keeps a majority of its region's servers untouched at every instant. */
    private boolean fits(Cost c, List<Cost> spent) {
        if (c.servers == 0) {
            return true;
        }
        int total = serversInRegion.getOrDefault(c.region, 0);
        int allowed = (total - 1) / 2;
        // The most servers hit at once is reached at some fault's start: check each start inside c.
        List<Long> instants = new ArrayList<>(List.of(c.from));
        for (Cost s : spent) {
            if (s.from >= c.from && s.from < c.to) {
                instants.add(s.from);
            }
        }
        for (long t : instants) {
            int hit = c.servers;
            for (Cost s : spent) {
                if (s.region.equals(c.region) && s.from <= t && t < s.to) {
                    hit += s.servers;
                }
            }
            if (hit > allowed) {
                return false;
            }
        }
        return true;
    }

    private Gen<Candidate> candidates() {
        return d -> {
            int kind = d.drawInt(0, 9);
            long at = from + d.drawLong(0, (to - from) / SECOND) * SECOND;
            long length = Math.min(MIN_FAULT_NANOS + d.drawLong(0, (MAX_FAULT_NANOS - MIN_FAULT_NANOS) / SECOND) * SECOND,
                    Math.max(SECOND, to - at));
            return switch (kind) {
                case 0 -> onServer(d, at, length, n -> new Fault.Crash(n));
                case 1 -> onLeader(d, at, length, l -> new Fault.Crash(l));
                case 2 -> onServer(d, at, length, n -> new Fault.Kill(n));
                case 3 -> onServer(d, at, Math.min(length, 60 * SECOND), n -> new Fault.Pause(n));
                case 4 -> onZone(d, at, length, z -> new Fault.Crash(z));
                case 5 -> onZone(d, at, length, z -> new Fault.Isolate(z));
                case 6 -> onServer(d, at, length, n -> new Fault.Stop(n, StopSignal.TERMINATE));
                case 7 -> onLeader(d, at, length, l -> new Fault.Pause(l));
                case 8 -> new Candidate(new ScheduledFault(at, new Fault.Degrade(new Fault.Links.OfClass(LinkClass.CROSS_ZONE),
                        (1 + d.drawLong(0, 19)) * 10_000_000L, d.drawLong(0, 10) * 10_000_000L, 0, 0), length),
                        new Cost("", 0, at, at + length));
                default -> new Candidate(new ScheduledFault(at, new Fault.SlowDisk(new Target.Leader(),
                        new Disk.Slowdown(1 + d.drawLong(0, 49), 0, 0)), length), new Cost("", 0, at, at + length));
            };
        };
    }

    private Candidate onServer(Draws d, long at, long length, java.util.function.Function<Target, Fault> fault) {
        if (servers.isEmpty()) {
            return onZone(d, at, length, fault);
        }
        String s = servers.get(d.drawInt(0, servers.size() - 1));
        return new Candidate(new ScheduledFault(at, fault.apply(new Target.Node(s)), length),
                new Cost(regionOf.get(s), 1, at, at + length + REJOIN_NANOS));
    }

    private Candidate onLeader(Draws d, long at, long length, java.util.function.Function<Target, Fault> fault) {
        if (servers.isEmpty()) {
            return onZone(d, at, length, fault);
        }
        String region = regions.size() == 1 ? null : regions.get(d.drawInt(0, regions.size() - 1));
        Target leader = new Target.Leader(region);
        // Unknown until it fires: one server of the region (of the first region, for "every leader").
        String charged = region != null ? region : regionOf.get(servers.get(0));
        return new Candidate(new ScheduledFault(at, fault.apply(leader), length), new Cost(charged, 1, at, at + length + REJOIN_NANOS));
    }

    private Candidate onZone(Draws d, long at, long length, java.util.function.Function<Target, Fault> fault) {
        String z = zones.get(d.drawInt(0, zones.size() - 1));
        return new Candidate(new ScheduledFault(at, fault.apply(new Target.Zone(z)), length),
                new Cost(regionOf.get(z), serversInZone.getOrDefault(z, 0), at, at + length + REJOIN_NANOS));
    }
}
