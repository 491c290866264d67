package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state a server's FSM builds, table by table (nomad {@code nomad/state/state_store.go}): jobs,
 * ACL policies, nodes, allocations (also by node and by job) and evaluations. Each table
 * remembers the Raft index of its last change, and each node the index of the last change to its
 * allocations, which blocking queries wait on; the store's size is the sum of its objects' encoded
 * sizes, which is what a snapshot costs. Objects are immutable and shared between copies.
 */
public final class StateStore {
    private final TreeMap<String, Job> jobs;
    private final TreeMap<String, Job> systemJobs;
    private final TreeMap<String, AclPolicy> aclPolicies;
    private final TreeMap<String, Node> nodes;
    /**
     * The same nodes for lookups by name: a heartbeat looks its node up twice, and in a tree of ten
     * thousand names that is some fourteen string comparisons, each a cache miss. The tree stays
     * for iteration in name order, as go-memdb's indexes iterate.
     */
    private final LinkedHashMap<String, Node> nodeByName;
    /** By id; never iterated, so a hash map (a lookup per allocation update). */
    private final LinkedHashMap<String, Allocation> allocs;
    /** By node name; looked up, never walked in order, so hashed (ten thousand nodes make a deep tree). */
    private final LinkedHashMap<String, TreeMap<String, Allocation>> allocsByNode;
    private final TreeMap<String, TreeMap<String, Allocation>> allocsByJob;
    /** By node name, likewise looked up only. */
    private final LinkedHashMap<String, Long> nodeAllocsIndex;
    private final TreeMap<String, Evaluation> evals;
    private long jobsIndex;
    private long aclPoliciesIndex;
    private long nodesIndex;
    private long allocsIndex;
    private long evalsIndex;
    private long latestIndex;
    private long bytes;
    private StateListener listener = StateListener.NONE;
    private Node[] readyNodes;
    private long readyNodesIndex = -1;
    private int readyZones;

    public StateStore() {
        jobs = new TreeMap<>();
        systemJobs = new TreeMap<>();
        aclPolicies = new TreeMap<>();
        nodes = new TreeMap<>();
        nodeByName = new LinkedHashMap<>();
        allocs = new LinkedHashMap<>();
        allocsByNode = new LinkedHashMap<>();
        allocsByJob = new TreeMap<>();
        nodeAllocsIndex = new LinkedHashMap<>();
        evals = new TreeMap<>();
    }

    private StateStore(StateStore o) {
        jobs = new TreeMap<>(o.jobs);
        systemJobs = new TreeMap<>(o.systemJobs);
        aclPolicies = new TreeMap<>(o.aclPolicies);
        nodes = new TreeMap<>(o.nodes);
        nodeByName = new LinkedHashMap<>(o.nodeByName);
        allocs = new LinkedHashMap<>(o.allocs);
        allocsByNode = deepCopy(o.allocsByNode, new LinkedHashMap<>());
        allocsByJob = deepCopy(o.allocsByJob, new TreeMap<>());
        nodeAllocsIndex = new LinkedHashMap<>(o.nodeAllocsIndex);
        evals = new TreeMap<>(o.evals);
        jobsIndex = o.jobsIndex;
        aclPoliciesIndex = o.aclPoliciesIndex;
        nodesIndex = o.nodesIndex;
        allocsIndex = o.allocsIndex;
        evalsIndex = o.evalsIndex;
        latestIndex = o.latestIndex;
        bytes = o.bytes;
    }

    /** {@code m}'s entries into {@code out}, each inner map copied. */
    private static <M extends Map<String, TreeMap<String, Allocation>>> M deepCopy(Map<String, TreeMap<String, Allocation>> m, M out) {
        for (Map.Entry<String, TreeMap<String, Allocation>> e : m.entrySet()) {
            out.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        return out;
    }

    /** A copy that shares the (immutable) objects but not the tables, and tells no listener. */
    StateStore copy() {
        return new StateStore(this);
    }

    void listener(StateListener l) {
        this.listener = l;
    }

    // ---- jobs and ACL policies --------------------------------------------------------------------

    void upsertJob(long index, Job job) {
        Job old = jobs.put(job.id(), job);
        if (job.type() == io.clustersim.model.structs.JobType.SYSTEM) {
            systemJobs.put(job.id(), job);
        } else if (old != null) {
            systemJobs.remove(job.id());
        }
        bytes += job.specBytes() - (old == null ? 0 : old.specBytes());
        jobsIndex = index;
        latestIndex = index;
    }

    boolean deleteJob(long index, String id) {
        Job old = jobs.remove(id);
        systemJobs.remove(id);
        if (old != null) {
            bytes -= old.specBytes();
            jobsIndex = index;
        }
        latestIndex = index;
        return old != null;
    }

    void upsertAclPolicy(long index, AclPolicy p) {
        AclPolicy old = aclPolicies.put(p.name(), p);
        bytes += p.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        aclPoliciesIndex = index;
        latestIndex = index;
    }

    // ---- nodes -------------------------------------------------------------------------------------

    void upsertNode(long index, Node node) {
        Node old = nodes.put(node.name(), node);
        nodeByName.put(node.name(), node);
        bytes += node.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        nodesIndex = index;
        latestIndex = index;
        listener.nodeChanged(index, old, node);
    }

    /** Deletes a node and its allocations (node GC). */
    void deleteNode(long index, String name) {
        Node old = nodes.remove(name);
        if (old == null) {
            return;
        }
        nodeByName.remove(name);
        bytes -= old.sizeBytes();
        TreeMap<String, Allocation> onNode = allocsByNode.remove(name);
        if (onNode != null) {
            for (Allocation a : new ArrayList<>(onNode.values())) {
                removeAlloc(index, a);
            }
        }
        nodeAllocsIndex.remove(name);
        nodesIndex = index;
        latestIndex = index;
        listener.nodeChanged(index, old, null);
    }

    // ---- allocations -------------------------------------------------------------------------------

    void upsertAlloc(long index, Allocation a) {
        Allocation old = allocs.put(a.id(), a);
        bytes += a.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        if (old != null && !old.nodeName().equals(a.nodeName())) {
            unindex(old);
        }
        allocsByNode.computeIfAbsent(a.nodeName(), n -> new TreeMap<>()).put(a.id(), a);
        allocsByJob.computeIfAbsent(a.jobId(), n -> new TreeMap<>()).put(a.id(), a);
        nodeAllocsIndex.put(a.nodeName(), index);
        allocsIndex = index;
        latestIndex = index;
        listener.allocChanged(index, old, a);
    }

    private void removeAlloc(long index, Allocation a) {
        allocs.remove(a.id());
        bytes -= a.sizeBytes();
        unindex(a);
        allocsIndex = index;
        listener.allocChanged(index, a, null);
    }

    private void unindex(Allocation a) {
        TreeMap<String, Allocation> n = allocsByNode.get(a.nodeName());
        if (n != null) {
            n.remove(a.id());
            if (n.isEmpty()) {
                allocsByNode.remove(a.nodeName());
            }
        }
        TreeMap<String, Allocation> j = allocsByJob.get(a.jobId());
        if (j != null) {
            j.remove(a.id());
            if (j.isEmpty()) {
                allocsByJob.remove(a.jobId());
            }
        }
    }

    // ---- evaluations -------------------------------------------------------------------------------

    void upsertEval(long index, Evaluation e) {
        Evaluation old = evals.put(e.id(), e);
        bytes += e.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        // Completed evaluations are kept only until the next GC in Nomad; we drop them at once,
        // which keeps long runs small (their cost in snapshots is a few hundred bytes each).
        if (e.status() == EvalStatus.COMPLETE) {
            evals.remove(e.id());
            bytes -= e.sizeBytes();
        }
        evalsIndex = index;
        latestIndex = index;
        listener.evalChanged(index, old, e);
    }

    // ---- reads -------------------------------------------------------------------------------------

    public Job job(String id) {
        return jobs.get(id);
    }

    public SortedMap<String, Job> jobs() {
        return Collections.unmodifiableSortedMap(jobs);
    }

    /** The system jobs, by id: every node status change evaluates them (nomad createNodeEvals). */
    public SortedMap<String, Job> systemJobs() {
        return Collections.unmodifiableSortedMap(systemJobs);
    }

    public SortedMap<String, AclPolicy> aclPolicies() {
        return Collections.unmodifiableSortedMap(aclPolicies);
    }

    public Node node(String name) {
        return nodeByName.get(name);
    }

    /**
     * The ready nodes in name order, cached until the nodes table changes: every evaluation's
     * scheduler starts from them, and between node changes they stay the same.
     */
    public Node[] readyNodes() {
        if (readyNodes == null || readyNodesIndex != nodesIndex) {
            List<Node> ready = new ArrayList<>();
            for (Node n : nodes.values()) {
                if (n.status() == io.clustersim.model.structs.NodeStatus.READY) {
                    ready.add(n);
                }
            }
            readyNodes = ready.toArray(new Node[0]);
            readyNodesIndex = nodesIndex;
            java.util.TreeSet<String> zones = new java.util.TreeSet<>();
            for (Node n : readyNodes) {
                zones.add(n.zone());
            }
            readyZones = zones.size();
        }
        return readyNodes;
    }

    /** The zones the ready nodes are in (how many), cached with {@link #readyNodes()}. */
    public int readyZones() {
        readyNodes();
        return readyZones;
    }

    public SortedMap<String, Node> nodes() {
        return Collections.unmodifiableSortedMap(nodes);
    }

    public Allocation alloc(String id) {
        return allocs.get(id);
    }

    /** The allocations on {@code node}, by id. */
    public Collection<Allocation> allocsOnNode(String node) {
        TreeMap<String, Allocation> m = allocsByNode.get(node);
        return m == null ? List.of() : Collections.unmodifiableCollection(m.values());
    }

    /** The allocations of {@code job}, by id. */
    public Collection<Allocation> allocsOfJob(String job) {
        TreeMap<String, Allocation> m = allocsByJob.get(job);
        return m == null ? List.of() : Collections.unmodifiableCollection(m.values());
    }

    /** The Raft index of the last change to {@code node}'s allocations (0: none yet). */
    public long nodeAllocsIndex(String node) {
        return nodeAllocsIndex.getOrDefault(node, 0L);
    }

    public Evaluation eval(String id) {
        return evals.get(id);
    }

    /** Evaluations not yet complete (pending or blocked), by id. */
    public Collection<Evaluation> openEvals() {
        return Collections.unmodifiableCollection(evals.values());
    }

    /** The Raft index of the last change to the ACL policy table (0: never changed). */
    public long aclPoliciesIndex() {
        return aclPoliciesIndex;
    }

    public long jobsIndex() {
        return jobsIndex;
    }

    public long nodesIndex() {
        return nodesIndex;
    }

    public long allocsIndex() {
        return allocsIndex;
    }

    public long evalsIndex() {
        return evalsIndex;
    }

    /** The Raft index of the last command applied. */
    public long latestIndex() {
        return latestIndex;
    }

    void applied(long index) {
        latestIndex = Math.max(latestIndex, index);
    }

    /** The encoded size of everything stored. */
    public long sizeBytes() {
        return bytes;
    }
}
