package io.clustersim.model.server.scheduler;

import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.AllocDesiredStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Turns one evaluation into a {@link Plan} against a snapshot of the state (nomad's generic and
 * system schedulers, {@code scheduler/generic_sched.go}, {@code scheduler_system.go}, and the
 * reconciler's handling of lost and disconnected allocations, {@code scheduler/reconciler}):
 *
 * <ul>
 *   <li>an allocation on a down (or collected) node becomes <b>lost</b> and, for service and
 *       batch jobs, is replaced elsewhere;
 *   <li>on a disconnected node, within its group's {@code lost_after}, it becomes <b>unknown</b>
 *       and is replaced if the group says so; once the window has run out it is lost; when the
 *       node comes back, the original runs on and its replacements are stopped (we keep the
 *       original where Nomad's default weighs both);
 *   <li>a service or batch group gets its count: missing allocations are placed (replacements
 *       first), extra ones stopped; a completed batch allocation counts as done; allocations of
 *       an older job version are updated in place;
 *   <li>a system job gets one allocation on every ready, feasible node;
 *   <li>placements that find no feasible node leave the evaluation <b>blocked</b>.
 * </ul>
 */
public final class Scheduler {
    private Scheduler() {}

    public static Plan plan(Evaluation eval, StateStore state, long now, UniformRandomProvider random, Ids ids) {
        Job job = state.job(eval.jobId());
        List<Allocation> out = new ArrayList<>();
        long[] followUp = {0};
        List<String> failedNodes = new ArrayList<>();
        int unplaced;
        if (job == null || job.groups().isEmpty()) {
            for (Allocation a : state.allocsOfJob(eval.jobId())) {
                if (!a.terminal()) {
                    out.add(a.withDesiredStatus(AllocDesiredStatus.STOP));
                }
            }
            unplaced = 0;
        } else if (job.type() == JobType.SYSTEM) {
            unplaced = system(job, state, now, ids, out, failedNodes);
        } else {
            unplaced = generic(job, state, now, random, ids, out, followUp);
        }
        Evaluation outcome = unplaced > 0 ? eval.withStatus(EvalStatus.BLOCKED, unplaced)
                : eval.withStatus(EvalStatus.COMPLETE, 0);
        return new Plan(outcome, out, unplaced, followUp[0], failedNodes);
    }

    private static int generic(Job job, StateStore state, long now, UniformRandomProvider random, Ids ids,
            List<Allocation> out, long[] followUp) {
        NodeRanker ranker = new NodeRanker(state, job, random);
        int unplaced = 0;
        Map<String, List<Allocation>> byGroup = new TreeMap<>();
        for (Allocation a : state.allocsOfJob(job.id())) {
            byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Allocation>> e : byGroup.entrySet()) {
            if (job.group(e.getKey()) == null) {
                for (Allocation a : e.getValue()) {
                    if (!a.terminal()) {
                        out.add(a.withDesiredStatus(AllocDesiredStatus.STOP));
                    }
                }
            }
        }
        for (TaskGroup g : job.groups()) {
            List<Allocation> live = new ArrayList<>();
            List<Allocation> toReplace = new ArrayList<>();
            int done = 0;
            List<Allocation> existing = byGroup.getOrDefault(g.name(), List.of());
            for (Allocation a : existing) {
                if (job.type() == JobType.BATCH && a.clientStatus() == AllocClientStatus.COMPLETE
                        && a.desiredStatus() == AllocDesiredStatus.RUN) {
                    done++;
                    continue;
                }
                if (a.terminal()) {
                    continue;
                }
                Node node = state.node(a.nodeName());
                if (node == null || node.status() == NodeStatus.DOWN) {
                    out.add(lost(a));
                    ranker.release(a);
                    toReplace.add(a);
                } else if (node.status() == NodeStatus.DISCONNECTED) {
                    long expires = node.statusUpdatedAtNanos() + g.disconnect().lostAfterNanos();
                    if (!g.disconnect().allowsDisconnect() || now >= expires) {
                        out.add(lost(a));
                        ranker.release(a);
                        toReplace.add(a);
                    } else {
                        if (a.clientStatus() != AllocClientStatus.UNKNOWN) {
                            out.add(a.withClientStatus(AllocClientStatus.UNKNOWN));
                        }
                        followUp[0] = followUp[0] == 0 ? expires : Math.min(followUp[0], expires);
                        if (g.disconnect().replace() && !hasLiveReplacement(a, existing)) {
                            toReplace.add(a);
                        } else if (!g.disconnect().replace()) {
                            live.add(a);
                        }
                    }
                } else if (a.clientStatus() == AllocClientStatus.UNKNOWN) {
                    // Back from a disconnect: the original runs on, its replacements stop.
                    out.add(a.withClientStatus(AllocClientStatus.RUNNING));
                    live.add(a);
                    for (Allocation r : existing) {
                        if (a.id().equals(r.previousAllocation()) && !r.terminal()) {
                            out.add(r.withDesiredStatus(AllocDesiredStatus.STOP));
                            ranker.release(r);
                            live.remove(r);
                        }
                    }
                } else if (!isReplacementOfReturned(a, existing, state)) {
                    live.add(a);
                }
            }
            for (Allocation a : live) {
                ranker.existing(a);
                if (a.jobVersion() < job.version() && a.clientStatus() != AllocClientStatus.UNKNOWN) {
                    out.add(a.withJobVersion(job.version()));
                }
            }
            int missing = g.count() - live.size() - done;
            if (missing < 0) {
                // Too many: stop the newest first.
                live.sort(Comparator.comparingLong(Allocation::createdAtNanos).thenComparing(Allocation::id).reversed());
                for (int i = 0; i < -missing; i++) {
                    out.add(live.get(i).withDesiredStatus(AllocDesiredStatus.STOP));
                }
                continue;
            }
            Map<String, Integer> byZone = new TreeMap<>();
            for (Allocation a : live) {
                byZone.merge(a.zone(), 1, Integer::sum);
            }
            for (int i = 0; i < missing; i++) {
                Node node = ranker.choose(job, g, byZone);
                if (node == null) {
                    unplaced += missing - i;
                    break;
                }
                String previous = i < toReplace.size() ? toReplace.get(i).id() : null;
                out.add(new Allocation(ids.nextAlloc(), job.id(), g.name(), node.name(), node.zone(), g.cpuMhz(),
                        g.memoryMb(), AllocDesiredStatus.RUN, AllocClientStatus.PENDING, previous, job.version(), now));
                byZone.merge(node.zone(), 1, Integer::sum);
            }
        }
        return unplaced;
    }

    /** Whether a replacement of {@code a} is already placed and live. */
    private static boolean hasLiveReplacement(Allocation a, List<Allocation> existing) {
        for (Allocation r : existing) {
            if (a.id().equals(r.previousAllocation()) && !r.terminal()) {
                return true;
            }
        }
        return false;
    }

    /** A replacement whose original has come back from a disconnect is stopped with the original's handling. */
    private static boolean isReplacementOfReturned(Allocation a, List<Allocation> existing, StateStore state) {
        if (a.previousAllocation() == null) {
            return false;
        }
        Allocation original = state.alloc(a.previousAllocation());
        if (original == null || original.clientStatus() != AllocClientStatus.UNKNOWN) {
            return false;
        }
        Node n = state.node(original.nodeName());
        return n != null && n.status() != NodeStatus.DISCONNECTED && n.status() != NodeStatus.DOWN;
    }

    private static Allocation lost(Allocation a) {
        return a.withClientStatus(AllocClientStatus.LOST).withDesiredStatus(AllocDesiredStatus.STOP);
    }

    /** One allocation per group on every ready node that can take it; none elsewhere. */
    private static int system(Job job, StateStore state, long now, Ids ids, List<Allocation> out, List<String> failedNodes) {
        int unplaced = 0;
        Map<String, Map<String, Allocation>> liveByNode = new TreeMap<>();
        for (Allocation a : state.allocsOfJob(job.id())) {
            if (a.terminal()) {
                continue;
            }
            Node node = state.node(a.nodeName());
            if (node == null || node.status() == NodeStatus.DOWN) {
                out.add(lost(a));
                continue;
            }
            if (job.group(a.group()) == null || !job.allowsDatacenter(node.datacenter())) {
                out.add(a.withDesiredStatus(AllocDesiredStatus.STOP));
                continue;
            }
            liveByNode.computeIfAbsent(a.nodeName(), n -> new TreeMap<>()).put(a.group(), a);
            if (a.jobVersion() < job.version()) {
                out.add(a.withJobVersion(job.version()));
            }
        }
        for (Node node : state.nodes().values()) {
            if (node.status() != NodeStatus.READY || !job.allowsDatacenter(node.datacenter())) {
                continue;
            }
            int cpu = 0;
            int mem = 0;
            for (Allocation a : state.allocsOnNode(node.name())) {
                if (!a.terminal()) {
                    cpu += a.cpuMhz();
                    mem += a.memoryMb();
                }
            }
            for (TaskGroup g : job.groups()) {
                if (liveByNode.getOrDefault(node.name(), java.util.Collections.emptyMap()).containsKey(g.name()) || !g.feasibleOn(node)) {
                    continue;
                }
                if (cpu + g.cpuMhz() > node.cpuMhz() || mem + g.memoryMb() > node.memoryMb()) {
                    unplaced++;
                    failedNodes.add(node.name());
                    continue;
                }
                cpu += g.cpuMhz();
                mem += g.memoryMb();
                out.add(new Allocation(ids.nextAlloc(), job.id(), g.name(),
                        node.name(), node.zone(), g.cpuMhz(), g.memoryMb(), AllocDesiredStatus.RUN,
                        AllocClientStatus.PENDING, null, job.version(), now));
            }
        }
        return unplaced;
    }
}
