package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Job;
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
            return new AclPolicyList(List.copyOf(state.aclPolicies().values()), state.aclPoliciesIndex());
        }
    }

    /** The answer to {@link AclPolicies}. */
    record AclPolicyList(List<AclPolicy> policies, long index) {
        public AclPolicyList {
            policies = List.copyOf(policies);
        }
    }
}
