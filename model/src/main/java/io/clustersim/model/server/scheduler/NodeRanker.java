package io.clustersim.model.server.scheduler;

import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
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
 */
final class NodeRanker {
    private final StateStore state;
    private final List<Node> nodes;
    private final Map<String, int[]> used = new TreeMap<>();
    private final Map<String, Integer> jobCollisions = new TreeMap<>();
    private int cursor;

    NodeRanker(StateStore state, Job job, UniformRandomProvider random) {
        this.state = state;
        List<Node> ready = new ArrayList<>();
        for (Node n : state.nodes().values()) {
            if (n.status() == NodeStatus.READY && job.allowsDatacenter(n.datacenter())) {
                ready.add(n);
            }
        }
        // Fisher-Yates with the scheduler's stream: a seeded shuffle, the same for the same run.
        for (int i = ready.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Node t = ready.get(i);
            ready.set(i, ready.get(j));
            ready.set(j, t);
        }
        this.nodes = ready;
    }

    /** Resources the plan frees on {@code node} (an allocation it stops or loses). */
    void release(Allocation a) {
        int[] u = usage(a.nodeName());
        u[0] -= a.cpuMhz();
        u[1] -= a.memoryMb();
    }

    /** The node for one placement of {@code group}, or null when none is feasible. */
    Node choose(Job job, TaskGroup group, Map<String, Integer> groupCountByZone, int zones) {
        int n = nodes.size();
        if (n == 0) {
            return null;
        }
        int limit = group.spreadByZone() ? n : Math.max(2, (int) Math.ceil(Math.log(n) / Math.log(2)));
        Node best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int found = 0;
        int examined = 0;
        while (examined < n && found < limit) {
            Node node = nodes.get((cursor + examined) % n);
            examined++;
            if (!group.feasibleOn(node)) {
                continue;
            }
            int[] u = usage(node.name());
            int cpu = u[0] + group.cpuMhz();
            int mem = u[1] + group.memoryMb();
            if (cpu > node.cpuMhz() || mem > node.memoryMb()) {
                continue;
            }
            found++;
            double score = score(job, group, node, cpu, mem, groupCountByZone, zones);
            if (score > bestScore) {
                bestScore = score;
                best = node;
            }
        }
        // The next placement's walk starts where this one stopped (nomad's StaticIterator).
        cursor = (cursor + examined) % n;
        if (best != null) {
            int[] u = usage(best.name());
            u[0] += group.cpuMhz();
            u[1] += group.memoryMb();
            jobCollisions.merge(best.name(), 1, Integer::sum);
        }
        return best;
    }

    private double score(Job job, TaskGroup group, Node node, int cpu, int mem, Map<String, Integer> byZone, int zones) {
        double freeCpu = 1 - (double) cpu / node.cpuMhz();
        double freeMem = 1 - (double) mem / node.memoryMb();
        double fit = 20 - (Math.pow(10, freeCpu) + Math.pow(10, freeMem));
        double sum = Math.max(0, Math.min(18, fit)) / 18;
        int scorers = 1;
        int collisions = jobCollisions.getOrDefault(node.name(), 0);
        if (job.type() == JobType.SERVICE && collisions > 0) {
            sum += -1.0 * (collisions + 1) / Math.max(1, group.count());
            scorers++;
        }
        if (group.spreadByZone() && zones > 0) {
            double desired = (double) group.count() / zones;
            int inZone = byZone.getOrDefault(node.zone(), 0);
            sum += desired <= 0 ? 0 : (desired - inZone) / desired;
            scorers++;
        }
        return sum / scorers;
    }

    /** CPU and memory the node's live allocations hold, plus what this plan changed. */
    private int[] usage(String node) {
        return used.computeIfAbsent(node, n -> {
            int[] u = new int[2];
            for (Allocation a : state.allocsOnNode(n)) {
                if (!a.terminal()) {
                    u[0] += a.cpuMhz();
                    u[1] += a.memoryMb();
                }
            }
            return u;
        });
    }

    /** Notes a live allocation of the job already on a node (for the anti-affinity penalty). */
    void existing(Allocation a) {
        jobCollisions.merge(a.nodeName(), 1, Integer::sum);
    }

    /** Every zone the candidate nodes are in. */
    int zoneCount() {
        java.util.TreeSet<String> z = new java.util.TreeSet<>();
        for (Node n : nodes) {
            z.add(n.zone());
        }
        return z.size();
    }
}
