package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/** A read served from a server's state (nomad's state store queries behind the read RPCs). */
public sealed interface NomadQuery {
    Object answer(StateStore state);

    /** Job.GetJob: the job, or null. */
    record JobGet(String jobId) implements NomadQuery {
        @Override
        public Job answer(StateStore state) {
            return state.job(jobId);
        }
    }

    /** ACL.ListPolicies with the table's index, as the replication loop asks (nomad {@code replicateACLPolicies}). */
    record AclPolicies() implements NomadQuery {
        @Override
        public AclPolicyList answer(StateStore state) {
            // Never index 0, or the next query could not block (nomad acl_endpoint.go ListPolicies
            // floors it at 1).
            return new AclPolicyList(List.copyOf(state.aclPolicies().values()), Math.max(1, state.aclPoliciesIndex()));
        }
    }

    /** Node.GetNode: the node, or null. */
    record NodeGet(String node) implements NomadQuery {
        @Override
        public Node answer(StateStore state) {
            return state.node(node);
        }
    }

    /**
     * Node.GetClientAllocs (nomad {@code node_endpoint.go} GetClientAllocs): the allocations on a
     * node, each with its task group (what the client must know to run it), and the index of the
     * node's last allocation change, which the client's next blocking query waits past.
     */
    record ClientAllocs(String node) implements NomadQuery {
        @Override
        public ClientAllocList answer(StateStore state) {
            List<ClientAlloc> out = new ArrayList<>();
            for (Allocation a : state.allocsOnNode(node)) {
                Job j = state.job(a.jobId());
                TaskGroup g = j == null ? null : j.group(a.group());
                out.add(new ClientAlloc(a, g, j == null ? null : j.type()));
            }
            long index = state.nodeAllocsIndex(node);
            // A node without allocations yet waits from the table's index (nomad: "prefer the table index").
            return new ClientAllocList(out, index > 0 ? index : Math.max(1, state.allocsIndex()));
        }
    }

    /** One allocation for its client, with the task group it runs (null if the job is gone). */
    record ClientAlloc(Allocation alloc, TaskGroup group, JobType type) {}

    /** The answer to {@link ClientAllocs}. */
    record ClientAllocList(List<ClientAlloc> allocs, long index) {
        public ClientAllocList {
            // Built fresh by the query; wrapping instead of copying keeps the blocking queries of
            // ten thousand clients cheap.
            allocs = java.util.Collections.unmodifiableList(allocs);
        }
    }

    /** The answer to {@link AclPolicies}. */
    record AclPolicyList(List<AclPolicy> policies, long index) {
        public AclPolicyList {
            policies = List.copyOf(policies);
        }
    }
}
