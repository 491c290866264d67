package io.clustersim.model.server.scheduler;

import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Chooses a node for each placement of one evaluation, the way nomad's generic stack does
 * (nomad {@code scheduler/stack.go}, {@code rank.go}, {@code spread.go}):
 *
 * <ul>
 *   <li>the ready nodes of the job's datacenters, in a random order drawn once per evaluation and
 *       walked round from where the last placement stopped;
 *   <li>feasibility: the group's constraints and enough free CPU and memory (counting what this
 *       plan already placed and stopped);
 *   <li>at most max(2, ceil(log2 n)) feasible candidates are scored, or max(count, 100) when the
 *       group spreads over zones;
 *   <li>score: bin-packing ({@code 20 - (10^freeCpu + 10^freeMem)}, normalised by 18), a penalty
 *       for each allocation of the same job already on the node (service jobs), and for spread
 *       groups a boost for zones below their even share; the scores are averaged.
 * </ul>
 * An evaluation looks at a few hundred of perhaps a hundred thousand nodes, so the random order is
 * drawn lazily (Fisher-Yates one position at a time) and per-node figures are kept only for the
 * nodes looked at.
 */
final class NodeRanker {
    /** What the plan knows of one candidate it has looked at. */
    private static final class Usage {
        int cpu;
        int mem;
        int collisions;
    }

    private final StateStore state;
    /** The candidate nodes in name order. */
    private final Node[] byName;
    private final int zones;
    private final UniformRandomProvider random;
    /** The random walk: positions drawn so far, and the swaps a full shuffle would have made. */
    private final List<Integer> walk = new ArrayList<>();
    private final Map<Integer, Integer> swaps = new TreeMap<>();
    private final Map<Integer, Usage> usage = new TreeMap<>();
    private int cursor;

    NodeRanker(StateStore state, Job job, UniformRandomProvider random) {
        this.state = state;
        this.random = random;
        Node[] ready = state.readyNodes();
        if (job.datacenters().isEmpty()) {
            this.byName = ready;
        } else {
            List<Node> in = new ArrayList<>();
            for (Node n : ready) {
                if (job.allowsDatacenter(n.datacenter())) {
                    in.add(n);
                }
            }
            this.byName = in.toArray(new Node[0]);
        }
        if (byName == ready) {
            this.zones = state.readyZones();
        } else {
            java.util.TreeSet<String> zoneNames = new java.util.TreeSet<>();
            for (Node n : byName) {
                zoneNames.add(n.zone());
            }
            this.zones = zoneNames.size();
        }
    }

    /** Every zone the candidate nodes are in. */
    int zoneCount() {
        return zones;
    }

    /** The k-th node of the random order, drawing it if needed. */
    private int walkAt(int k) {
        while (walk.size() <= k) {
            int i = walk.size();
            int j = i + random.nextInt(byName.length - i);
            int atI = swaps.getOrDefault(i, i);
            int atJ = swaps.getOrDefault(j, j);
            swaps.put(j, atI);
            swaps.remove(i);
            walk.add(atJ);
        }
        return walk.get(k);
    }

    /** A node's position in {@link #byName}, or -1 if it is not a candidate. */
    private int indexOf(String node) {
        int lo = 0;
        int hi = byName.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = byName[mid].name().compareTo(node);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Resources the plan frees on {@code a}'s node (an allocation it stops or loses). */
    void release(Allocation a) {
        int i = indexOf(a.nodeName());
        if (i >= 0) {
            Usage u = usage(i);
            u.cpu -= a.cpuMhz();
            u.mem -= a.memoryMb();
        }
    }

    /** Notes a live allocation of the job already on a node (for the anti-affinity penalty). */
    void existing(Allocation a) {
        int i = indexOf(a.nodeName());
        if (i >= 0) {
            usage(i).collisions++;
        }
    }

    /** The node for one placement of {@code group}, or null when none is feasible. */
    Node choose(Job job, TaskGroup group, Map<String, Integer> groupCountByZone) {
        int n = byName.length;
        if (n == 0) {
            return null;
        }
        // nomad stack.go Select: with a spread, max(count, 100) candidates ("scoring spread across
        // all nodes has quadratic behavior"); otherwise max(2, ceil(log2 n)).
        int limit = group.spreadByZone() ? Math.max(group.count(), 100)
                : Math.max(2, (int) Math.ceil(Math.log(n) / Math.log(2)));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int found = 0;
        int examined = 0;
        double desiredPerZone = zones == 0 ? 0 : (double) group.count() / zones;
        while (examined < n && found < limit) {
            int i = walkAt((cursor + examined) % n);
            examined++;
            Node node = byName[i];
            if (!group.feasibleOn(node)) {
                continue;
            }
            Usage u = usage(i);
            int cpu = u.cpu + group.cpuMhz();
            int mem = u.mem + group.memoryMb();
            if (cpu > node.cpuMhz() || mem > node.memoryMb()) {
                continue;
            }
            found++;
            double score = score(job, group, node, cpu, mem, u.collisions, groupCountByZone, desiredPerZone);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        // The next placement's walk starts where this one stopped (nomad's StaticIterator).
        cursor = (cursor + examined) % n;
        if (best < 0) {
            return null;
        }
        Usage u = usage(best);
        u.cpu += group.cpuMhz();
        u.mem += group.memoryMb();
        u.collisions++;
        return byName[best];
    }

    private static double score(Job job, TaskGroup group, Node node, int cpu, int mem, int collisions,
            Map<String, Integer> byZone, double desiredPerZone) {
        double freeCpu = 1 - (double) cpu / node.cpuMhz();
        double freeMem = 1 - (double) mem / node.memoryMb();
        double fit = 20 - (Math.pow(10, freeCpu) + Math.pow(10, freeMem));
        double sum = Math.max(0, Math.min(18, fit)) / 18;
        int scorers = 1;
        if (job.type() == JobType.SERVICE && collisions > 0) {
            sum += -1.0 * (collisions + 1) / Math.max(1, group.count());
            scorers++;
        }
        if (group.spreadByZone() && desiredPerZone > 0) {
            int inZone = byZone.getOrDefault(node.zone(), 0);
            sum += (desiredPerZone - inZone) / desiredPerZone;
            scorers++;
        }
        return sum / scorers;
    }

    /** What the node's live allocations hold, filled in the first time the node is looked at. */
    private Usage usage(int i) {
        Usage u = usage.get(i);
        if (u == null) {
            u = new Usage();
            for (Allocation a : state.allocsOnNode(byName[i].name())) {
                if (!a.terminal()) {
                    u.cpu += a.cpuMhz();
                    u.mem += a.memoryMb();
                }
            }
            usage.put(i, u);
        }
        return u;
    }
}
