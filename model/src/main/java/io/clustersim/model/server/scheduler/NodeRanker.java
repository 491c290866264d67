package io.clustersim.model.server.scheduler;

import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Chooses a node for each placement of one evaluation, the way nomad's generic stack does
 * (nomad {@code scheduler/stack.go}, {@code rank.go}, {@code spread.go}):
 *
 * <ul>
 *   <li>the ready nodes of the job's datacenters, shuffled once per evaluation and walked round
 *       from where the last placement stopped;
 *   <li>feasibility: the group's constraints and enough free CPU and memory (counting what this
 *       plan already placed and stopped);
 *   <li>at most max(2, ceil(log2 n)) feasible candidates are scored, all of them when the group
 *       spreads over zones;
 *   <li>score: bin-packing ({@code 20 - (10^freeCpu + 10^freeMem)}, normalised by 18), a penalty
 *       for each allocation of the same job already on the node (service jobs), and for spread
 *       groups a boost for zones below their even share; the scores are averaged.
 * </ul>
 * Per-node figures live in arrays indexed like the shuffled node list: a plan of thousands of
 * placements over thousands of nodes looks each one up millions of times.
 */
final class NodeRanker {
    private final StateStore state;
    /** The candidate nodes in name order (the state's order), and their names for lookups. */
    private final Node[] byName;
    private final String[] names;
    /** The walk order: positions in {@link #byName}, shuffled once per evaluation. */
    private final int[] order;
    private final int[] usedCpu;
    private final int[] usedMem;
    private final boolean[] usageKnown;
    private final int[] collisions;
    private final int zones;
    private int cursor;

    NodeRanker(StateStore state, Job job, UniformRandomProvider random) {
        this.state = state;
        List<Node> ready = new ArrayList<>();
        java.util.TreeSet<String> zoneNames = new java.util.TreeSet<>();
        for (Node n : state.nodes().values()) {
            if (n.status() == NodeStatus.READY && job.allowsDatacenter(n.datacenter())) {
                ready.add(n);
                zoneNames.add(n.zone());
            }
        }
        this.byName = ready.toArray(new Node[0]);
        this.names = new String[byName.length];
        for (int i = 0; i < byName.length; i++) {
            names[i] = byName[i].name();
        }
        // Fisher-Yates with the scheduler's stream: a seeded shuffle, the same for the same run.
        this.order = new int[byName.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        this.usedCpu = new int[byName.length];
        this.usedMem = new int[byName.length];
        this.usageKnown = new boolean[byName.length];
        this.collisions = new int[byName.length];
        this.zones = zoneNames.size();
    }

    /** A node's position in {@link #byName}, or -1 if it is not a candidate. */
    private int indexOf(String node) {
        int i = Arrays.binarySearch(names, node);
        return i >= 0 ? i : -1;
    }

    /** Every zone the candidate nodes are in. */
    int zoneCount() {
        return zones;
    }

    /** Resources the plan frees on {@code a}'s node (an allocation it stops or loses). */
    void release(Allocation a) {
        int i = indexOf(a.nodeName());
        if (i >= 0) {
            known(i);
            usedCpu[i] -= a.cpuMhz();
            usedMem[i] -= a.memoryMb();
        }
    }

    /** Notes a live allocation of the job already on a node (for the anti-affinity penalty). */
    void existing(Allocation a) {
        int i = indexOf(a.nodeName());
        if (i >= 0) {
            collisions[i]++;
        }
    }

    /** The node for one placement of {@code group}, or null when none is feasible. */
    Node choose(Job job, TaskGroup group, Map<String, Integer> groupCountByZone) {
        int n = byName.length;
        if (n == 0) {
            return null;
        }
        int limit = group.spreadByZone() ? n : Math.max(2, (int) Math.ceil(Math.log(n) / Math.log(2)));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int found = 0;
        int examined = 0;
        double desiredPerZone = zones == 0 ? 0 : (double) group.count() / zones;
        while (examined < n && found < limit) {
            int i = order[(cursor + examined) % n];
            examined++;
            Node node = byName[i];
            if (!group.feasibleOn(node)) {
                continue;
            }
            known(i);
            int cpu = usedCpu[i] + group.cpuMhz();
            int mem = usedMem[i] + group.memoryMb();
            if (cpu > node.cpuMhz() || mem > node.memoryMb()) {
                continue;
            }
            found++;
            double score = score(job, group, node, cpu, mem, collisions[i], groupCountByZone, desiredPerZone);
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
        usedCpu[best] += group.cpuMhz();
        usedMem[best] += group.memoryMb();
        collisions[best]++;
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

    /** Fills in what the node's live allocations hold, the first time the node is looked at. */
    private void known(int i) {
        if (usageKnown[i]) {
            return;
        }
        usageKnown[i] = true;
        for (Allocation a : state.allocsOnNode(byName[i].name())) {
            if (!a.terminal()) {
                usedCpu[i] += a.cpuMhz();
                usedMem[i] += a.memoryMb();
            }
        }
    }
}
