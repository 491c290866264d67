package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import java.util.List;
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

    /** The state objects (jobs, nodes, allocations, evaluations, policies) applying it writes: its share of the FSM's work. */
    default int objects() {
        return 1;
    }

    /**
     * Registers or updates a job (nomad {@code fsm.applyUpsertJob}) with the evaluation its
     * registration creates (null for a job without task groups, which schedules nothing). Result:
     * the job's new version.
     */
    record JobRegister(Job job, Evaluation eval) implements NomadCommand {
        @Override
        public int objects() {
            return eval == null ? 1 : 2;
        }

        public JobRegister(Job job) {
            this(job, null);
        }

        @Override
        public Object applyTo(StateStore state, long index) {
            Job old = state.job(job.id());
            Job stored = job.withVersion(old == null ? 0 : old.version() + 1);
            state.upsertJob(index, stored);
            if (eval != null) {
                state.upsertEval(index, eval);
            }
            return stored.version();
        }

        @Override
        public int sizeBytes() {
            return 64 + job.specBytes() + (eval == null ? 0 : eval.sizeBytes());
        }

        @Override
        public long digest() {
            long d = Digest.mix(Digest.mix(Digest.mix(1, Digest.ofString(job.id())), Digest.ofString(job.region())),
                    job.specBytes());
            return eval == null ? d : Digest.mix(d, Digest.ofString(eval.id()));
        }
    }

    /** Node.Register (nomad {@code fsm.applyUpsertNode}): the node as the client fingerprinted it. */
    record NodeRegister(Node node) implements NomadCommand {
        @Override
        public Object applyTo(StateStore state, long index) {
            state.upsertNode(index, node);
            return index;
        }

        @Override
        public int sizeBytes() {
            return 64 + node.sizeBytes();
        }

        @Override
        public long digest() {
            return Digest.mix(Digest.mix(4, Digest.ofString(node.name())), node.status().ordinal());
        }
    }

    /**
     * Node.UpdateStatus (nomad {@code fsm.applyStatusUpdate}): a node's new status, written by the
     * leader for a client's heartbeat that changes it or for a missed heartbeat, with the
     * evaluations the change creates (nomad {@code createNodeEvals}). Result: whether the node exists.
     */
    record NodeUpdateStatus(String node, NodeStatus status, long atNanos, List<Evaluation> evals) implements NomadCommand {
        @Override
        public int objects() {
            return 1 + evals.size();
        }

        public NodeUpdateStatus {
            evals = List.copyOf(evals);
        }

        @Override
        public Object applyTo(StateStore state, long index) {
            Node old = state.node(node);
            if (old == null) {
                return false;
            }
            state.upsertNode(index, old.withStatus(status, atNanos));
            for (Evaluation e : evals) {
                state.upsertEval(index, e);
            }
            return true;
        }

        @Override
        public int sizeBytes() {
            return 96 + evals.size() * 300;
        }

        @Override
        public long digest() {
            long d = Digest.mix(Digest.mix(Digest.mix(5, Digest.ofString(node)), status.ordinal()), atNanos);
            for (Evaluation e : evals) {
                d = Digest.mix(d, Digest.ofString(e.id()));
            }
            return d;
        }
    }

    /** Node GC (nomad {@code fsm.applyDeregisterNode} in a batch): the nodes and their allocations go. */
    record NodeDeregister(List<String> nodes) implements NomadCommand {
        @Override
        public int objects() {
            return Math.max(1, nodes.size());
        }

        public NodeDeregister {
            nodes = List.copyOf(nodes);
        }

        @Override
        public Object applyTo(StateStore state, long index) {
            for (String n : nodes) {
                state.deleteNode(index, n);
            }
            return nodes.size();
        }

        @Override
        public int sizeBytes() {
            return 64 + nodes.size() * 40;
        }

        @Override
        public long digest() {
            long d = 6;
            for (String n : nodes) {
                d = Digest.mix(d, Digest.ofString(n));
            }
            return d;
        }
    }

    /**
     * Node.UpdateAlloc (nomad {@code fsm.applyAllocClientUpdate}): what a client reports of its
     * allocations (running, complete). An update for an allocation the state no longer has, or
     * one already terminal on the server's side (lost), is ignored.
     */
    record AllocClientUpdate(String node, List<AllocUpdate> updates) implements NomadCommand {
        @Override
        public int objects() {
            return Math.max(1, updates.size());
        }

        /** One allocation's new client status. */
        public record AllocUpdate(String allocId, AllocClientStatus status) {}

        public AllocClientUpdate {
            updates = List.copyOf(updates);
        }

        @Override
        public Object applyTo(StateStore state, long index) {
            int applied = 0;
            for (AllocUpdate u : updates) {
                Allocation a = state.alloc(u.allocId());
                if (a == null || !a.nodeName().equals(node) || a.clientStatus().terminal() || a.clientStatus() == u.status()) {
                    continue;
                }
                state.upsertAlloc(index, a.withClientStatus(u.status()));
                applied++;
            }
            return applied;
        }

        @Override
        public int sizeBytes() {
            return 64 + updates.size() * 64;
        }

        @Override
        public long digest() {
            long d = Digest.mix(7, Digest.ofString(node));
            for (AllocUpdate u : updates) {
                d = Digest.mix(Digest.mix(d, Digest.ofString(u.allocId())), u.status().ordinal());
            }
            return d;
        }
    }

    /**
     * A scheduler's plan for one evaluation, applied by the leader (nomad {@code fsm.applyPlanResults}):
     * the allocations it places or changes (stopped, lost, unknown, a new job version), and the
     * evaluation's outcome: complete, or blocked with the placements that failed. {@code superseded}
     * are the job's other pending evaluations this plan made moot, completed with it (nomad's
     * broker cancels duplicate evaluations of one job).
     */
    record PlanApply(Evaluation eval, List<Allocation> allocs, List<Evaluation> superseded) implements NomadCommand {
        @Override
        public int objects() {
            return 1 + allocs.size() + superseded.size();
        }

        public PlanApply {
            allocs = List.copyOf(allocs);
            superseded = List.copyOf(superseded);
        }

        /**
         * Placements on a node that is no longer ready when the plan applies (it was marked down
         * or disconnected after the scheduler looked) are refused, as nomad's plan applier refuses
         * them (plan_apply.go evaluateNodePlan), and the evaluation goes back to pending so the
         * scheduler places them again.
         */
        @Override
        public Object applyTo(StateStore state, long index) {
            int refused = 0;
            for (Allocation a : allocs) {
                if (state.alloc(a.id()) == null) {
                    Node n = state.node(a.nodeName());
                    if (n == null || n.status() != NodeStatus.READY) {
                        refused++;
                        continue;
                    }
                }
                state.upsertAlloc(index, a);
            }
            for (Evaluation e : superseded) {
                state.upsertEval(index, e);
            }
            state.upsertEval(index, refused > 0 ? eval.withStatus(EvalStatus.PENDING, 0) : eval);
            return allocs.size() - refused;
        }

        @Override
        public int sizeBytes() {
            return 128 + eval.sizeBytes() + allocs.size() * 600 + superseded.size() * 100;
        }

        @Override
        public long digest() {
            long d = Digest.mix(Digest.mix(8, Digest.ofString(eval.id())), eval.status().ordinal());
            for (Allocation a : allocs) {
                d = Digest.mix(Digest.mix(Digest.mix(d, Digest.ofString(a.id())), a.clientStatus().ordinal()),
                        a.desiredStatus().ordinal());
            }
            for (Evaluation e : superseded) {
                d = Digest.mix(d, Digest.ofString(e.id()));
            }
            return d;
        }
    }

    /** Evaluations created or changed outside a plan (a blocked one let go: nomad {@code fsm.applyUpdateEval}). */
    record EvalUpsert(List<Evaluation> evals) implements NomadCommand {
        @Override
        public int objects() {
            return Math.max(1, evals.size());
        }

        public EvalUpsert {
            evals = List.copyOf(evals);
        }

        @Override
        public Object applyTo(StateStore state, long index) {
            for (Evaluation e : evals) {
                state.upsertEval(index, e);
            }
            return evals.size();
        }

        @Override
        public int sizeBytes() {
            return 64 + evals.size() * 300;
        }

        @Override
        public long digest() {
            long d = 9;
            for (Evaluation e : evals) {
                d = Digest.mix(Digest.mix(d, Digest.ofString(e.id())), e.status().ordinal());
            }
            return d;
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
