package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Job;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state a server's FSM builds, table by table (nomad {@code nomad/state/state_store.go}). Each
 * table remembers the Raft index of its last change, which blocking queries wait on; the store's
 * size is the sum of its objects' encoded sizes, which is what a snapshot costs.
 */
public final class StateStore {
    private final TreeMap<String, Job> jobs;
    private final TreeMap<String, AclPolicy> aclPolicies;
    private long jobsIndex;
    private long aclPoliciesIndex;
    private long latestIndex;
    private long bytes;

    public StateStore() {
        this(new TreeMap<>(), new TreeMap<>(), 0, 0, 0, 0);
    }

    private StateStore(TreeMap<String, Job> jobs, TreeMap<String, AclPolicy> aclPolicies, long jobsIndex,
            long aclPoliciesIndex, long latestIndex, long bytes) {
        this.jobs = jobs;
        this.aclPolicies = aclPolicies;
        this.jobsIndex = jobsIndex;
        this.aclPoliciesIndex = aclPoliciesIndex;
        this.latestIndex = latestIndex;
        this.bytes = bytes;
    }

    /** A copy that shares the (immutable) objects but not the tables. */
    StateStore copy() {
        return new StateStore(new TreeMap<>(jobs), new TreeMap<>(aclPolicies), jobsIndex, aclPoliciesIndex, latestIndex,
                bytes);
    }

    void upsertJob(long index, Job job) {
        Job old = jobs.put(job.id(), job);
        bytes += job.specBytes() - (old == null ? 0 : old.specBytes());
        jobsIndex = index;
        latestIndex = index;
    }

    boolean deleteJob(long index, String id) {
        Job old = jobs.remove(id);
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

    public Job job(String id) {
        return jobs.get(id);
    }

    public SortedMap<String, Job> jobs() {
        return Collections.unmodifiableSortedMap(jobs);
    }

    public SortedMap<String, AclPolicy> aclPolicies() {
        return Collections.unmodifiableSortedMap(aclPolicies);
    }

    /** The Raft index of the last change to the ACL policy table (0: never changed). */
    public long aclPoliciesIndex() {
        return aclPoliciesIndex;
    }

    public long jobsIndex() {
        return jobsIndex;
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
