package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Job;
import io.clustersim.raft.log.Digest;
import io.clustersim.raft.log.LogCommand;

/**
 * What a Nomad server writes through Raft (nomad {@code structs.MessageType}: JobRegisterRequestType,
 * ACLPolicyUpsertRequestType, ...). Each command applies itself to the state, so a new kind cannot
 * be added without saying what it does.
 */
public sealed interface NomadCommand extends LogCommand {
    /** Applies the command committed at {@code index}; returns its result for the caller. */
    Object applyTo(StateStore state, long index);

    /** Registers or updates a job (nomad {@code fsm.applyUpsertJob}). Result: the job's new version. */
    record JobRegister(Job job) implements NomadCommand {
        @Override
        public Object applyTo(StateStore state, long index) {
            Job old = state.job(job.id());
            Job stored = job.withVersion(old == null ? 0 : old.version() + 1);
            state.upsertJob(index, stored);
            return stored.version();
        }

        @Override
        public int sizeBytes() {
            return 64 + job.specBytes();
        }

        @Override
        public long digest() {
            return Digest.mix(Digest.mix(Digest.mix(1, Digest.ofString(job.id())), Digest.ofString(job.region())),
                    job.specBytes());
        }
    }

    /** Deregisters a job (nomad {@code fsm.applyDeregisterJob}). Result: whether it existed. */
    record JobDeregister(String jobId) implements NomadCommand {
        @Override
        public Object applyTo(StateStore state, long index) {
            return state.deleteJob(index, jobId);
        }

        @Override
        public int sizeBytes() {
            return 64 + jobId.length();
        }

        @Override
        public long digest() {
            return Digest.mix(2, Digest.ofString(jobId));
        }
    }

    /**
     * Upserts an ACL policy (nomad {@code fsm.applyACLPolicyUpsert}), written in the authoritative
     * region and replicated to the others by their leaders.
     */
    record AclPolicyUpsert(AclPolicy policy) implements NomadCommand {
        @Override
        public Object applyTo(StateStore state, long index) {
            state.upsertAclPolicy(index, policy);
            return index;
        }

        @Override
        public int sizeBytes() {
            return 32 + policy.sizeBytes();
        }

        @Override
        public long digest() {
            return Digest.mix(Digest.mix(3, Digest.ofString(policy.name())), Digest.ofString(policy.rules()));
        }
    }
}
