package io.clustersim.model.rpc;

import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadQuery;
import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import java.util.List;

/**
 * What a request asks for, and how it is routed (nomad {@code structs.RPCInfo}): a {@code WRITE}
 * or a read without AllowStale goes to the region's leader; a stale read is served by the server
 * asked; a {@code LOCAL} call (Status.Peers, Status.RaftStats) is answered by the server asked,
 * never forwarded. Writes of objects the authoritative region owns go there.
 */
public sealed interface RpcCall {
    /** How a call is routed. */
    enum Kind {
        WRITE,
        READ,
        LOCAL
    }

    /** The RPC method's name, as Nomad names it (and message faults may name it). */
    String method();

    Kind kind();

    /** Bytes on the wire beyond the request's header. */
    default int sizeBytes() {
        return 64;
    }

    /** Whether a write goes to the authoritative region (ACL objects) rather than the local one. */
    default boolean authoritativeOnly() {
        return false;
    }

    /**
     * How long the server may hold this call waiting for a change (nomad
     * {@code structs.QueryOptions.TimeToBlock}): 0 unless it is a blocking query with a
     * {@code minIndex}. A query from index 0 is answered at once (nomad {@code blockingRPC}'s
     * fast path), so a client's first query never waits.
     */
    default long timeToBlockNanos() {
        return 0;
    }

    /**
     * The longest a server may hold this call: {@link #timeToBlockNanos()} plus nomad
     * {@code blockingRPC}'s jitter, which adds up to a sixteenth ({@code structs.JitterFraction}).
     * A caller waiting for the answer must allow this much before it gives up.
     */
    default long longestBlockNanos() {
        long t = timeToBlockNanos();
        return t + t / JITTER_FRACTION;
    }

    /** nomad {@code structs.JitterFraction}: jitter is drawn from [0, interval / 16). */
    int JITTER_FRACTION = 16;

    /** Job.Register: a write through Raft. */
    record JobRegister(Job job) implements Write {
        @Override
        public String method() {
            return "Job.Register";
        }

        @Override
        public int sizeBytes() {
            return job.specBytes();
        }

        @Override
        public NomadCommand command() {
            return new NomadCommand.JobRegister(job);
        }
    }

    /** Job.GetJob: a read. */
    record JobGet(String jobId) implements Read {
        @Override
        public String method() {
            return "Job.GetJob";
        }

        @Override
        public NomadQuery query() {
            return new NomadQuery.JobGet(jobId);
        }
    }

    /** ACL.UpsertPolicies: a write the authoritative region owns (nomad {@code ACL.UpsertPolicies}). */
    record AclPolicyUpsert(AclPolicy policy) implements Write {
        @Override
        public String method() {
            return "ACL.UpsertPolicies";
        }

        @Override
        public boolean authoritativeOnly() {
            return true;
        }

        @Override
        public NomadCommand command() {
            return new NomadCommand.AclPolicyUpsert(policy);
        }
    }

    /**
     * ACL.ListPolicies as a blocking query: answered once the table's index exceeds
     * {@code minIndex}, or after {@code maxWaitNanos} (nomad's blocking queries; the replication
     * loop's long poll).
     */
    record AclPolicyList(long minIndex, long maxWaitNanos) implements BlockingQuery {
        @Override
        public String method() {
            return "ACL.ListPolicies";
        }

        @Override
        public NomadQuery query() {
            return new NomadQuery.AclPolicies();
        }
    }

    /** Status.Peers: the Raft peers this server knows (bootstrap asks it of every candidate peer). */
    record StatusPeers() implements RpcCall {
        @Override
        public String method() {
            return "Status.Peers";
        }

        @Override
        public Kind kind() {
            return Kind.LOCAL;
        }
    }

    /** Status.RaftStats: what autopilot's health check needs (last contact, last log term and index). */
    record RaftStats() implements RpcCall {
        @Override
        public String method() {
            return "Status.RaftStats";
        }

        @Override
        public Kind kind() {
            return Kind.LOCAL;
        }
    }

    /** Agent.ForceLeave: an operator asks a server to force a failed server out of the Serf pool. */
    record ForceLeave(String node) implements RpcCall {
        @Override
        public String method() {
            return "Agent.ForceLeave";
        }

        @Override
        public Kind kind() {
            return Kind.LOCAL;
        }
    }

    /**
     * Node.Register (nomad {@code node_endpoint.go} Register): a client registers its fingerprint;
     * the leader writes it through Raft and arms the node's heartbeat timer. Result: a
     * {@link HeartbeatReply}.
     */
    record NodeRegister(Node node) implements LeaderCall {
        @Override
        public String method() {
            return "Node.Register";
        }

        @Override
        public int sizeBytes() {
            return node.sizeBytes();
        }
    }

    /**
     * Node.UpdateStatus (nomad {@code node_endpoint.go} UpdateStatus): a client's heartbeat. The
     * leader writes through Raft only when the status changes; it resets the node's timer either
     * way. Result: a {@link HeartbeatReply}.
     */
    record NodeUpdateStatus(String node, NodeStatus status) implements LeaderCall {
        @Override
        public String method() {
            return "Node.UpdateStatus";
        }
    }

    /** Node.UpdateAlloc: a client's report of its allocations' statuses, written through Raft. */
    record NodeUpdateAlloc(String node, List<NomadCommand.AllocClientUpdate.AllocUpdate> updates) implements Write {
        public NodeUpdateAlloc {
            updates = List.copyOf(updates);
        }

        @Override
        public String method() {
            return "Node.UpdateAlloc";
        }

        @Override
        public int sizeBytes() {
            return 64 + updates.size() * 64;
        }

        @Override
        public NomadCommand command() {
            return new NomadCommand.AllocClientUpdate(node, updates);
        }
    }

    /**
     * Node.GetClientAllocs as a blocking query: answered once the node's allocations change past
     * {@code minIndex}, or after {@code maxWaitNanos}. Clients ask it with AllowStale, so any
     * server answers.
     */
    record NodeGetClientAllocs(String node, long minIndex, long maxWaitNanos) implements BlockingQuery {
        @Override
        public String method() {
            return "Node.GetClientAllocs";
        }

        @Override
        public NomadQuery query() {
            return new NomadQuery.ClientAllocs(node);
        }
    }

    /**
     * A call the leader's heartbeat tracker handles (nomad {@code node_endpoint.go}): routed to
     * the leader like a write, it writes through Raft only when the node's state changes.
     */
    sealed interface LeaderCall extends RpcCall permits NodeRegister, NodeUpdateStatus {
        @Override
        default Kind kind() {
            return Kind.WRITE;
        }
    }

    /** A call that writes through Raft. */
    sealed interface Write extends RpcCall permits JobRegister, AclPolicyUpsert, NodeUpdateAlloc {
        NomadCommand command();

        @Override
        default Kind kind() {
            return Kind.WRITE;
        }
    }

    /**
     * A read that waits for the state to pass the caller's index (nomad {@code QueryOptions}
     * MinQueryIndex and MaxQueryTime): it blocks for its wait once it has an index, and is
     * answered at once from index 0.
     */
    sealed interface BlockingQuery extends Read permits AclPolicyList, NodeGetClientAllocs {
        long minIndex();

        long maxWaitNanos();

        @Override
        default long timeToBlockNanos() {
            return minIndex() == 0 ? 0 : maxWaitNanos();
        }
    }

    /** A call that reads the state. */
    sealed interface Read extends RpcCall permits JobGet, BlockingQuery {
        NomadQuery query();

        @Override
        default Kind kind() {
            return Kind.READ;
        }
    }
}
