package io.clustersim.model.capacity;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.Sampler;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcRequest;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.RaftMessage;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The CPU cost of each piece of one server's work, drawn from the server's own stream. When the
 * capacity is not modelled everything costs zero and nothing is drawn.
 */
public final class WorkCosts {
    private final boolean modelled;
    /** By operation ordinal: a sampler, or null where the cost is a constant. */
    private final Sampler[] samplers;
    private final long[] constants;

    public WorkCosts(ServerCapacity capacity, UniformRandomProvider rng) {
        Operation[] operations = Operation.values();
        samplers = new Sampler[operations.length];
        constants = new long[operations.length];
        boolean anyCost = false;
        for (int i = 0; i < operations.length; i++) {
            Distribution d = capacity.costs().of(operations[i]);
            if (d instanceof Distribution.Constant c) {
                constants[i] = Math.max(0, Math.round(c.value()));
                anyCost |= constants[i] > 0;
            } else {
                samplers[i] = d.sampler(rng);
                anyCost = true;
            }
        }
        // With every cost zero there is no work to model: the agent need not ask the CPU at all.
        this.modelled = capacity.modelled() && anyCost;
    }

    /** One draw of {@code o}'s cost; callers return 0 first when nothing is modelled. */
    private long draw(Operation o) {
        int i = o.ordinal();
        return samplers[i] == null ? constants[i] : samplers[i].sampleNanos();
    }

    /** Whether costs are drawn at all; when not, the agent hands messages on without asking the CPU. */
    public boolean modelled() {
        return modelled;
    }

    /**
     * A message arriving: Raft's (with its entries), gossip's, a response, or a request, which the
     * leader (or, for stale and local reads, the server asked) serves and any other server forwards.
     */
    public long message(Message m, boolean leader) {
        if (!modelled) {
            return 0;
        }
        if (m instanceof AppendEntries ae) {
            long c = draw(Operation.RAFT_MESSAGE);
            for (int i = 0; i < ae.entries().size(); i++) {
                c += draw(Operation.RAFT_APPEND_PER_ENTRY);
            }
            return c;
        }
        if (m instanceof RaftMessage) {
            return draw(Operation.RAFT_MESSAGE);
        }
        if (m instanceof GossipMessage) {
            return draw(Operation.GOSSIP_MESSAGE);
        }
        if (m instanceof RpcResponse) {
            return draw(Operation.FORWARD);
        }
        if (m instanceof RpcRequest r) {
            RpcCall call = r.call();
            boolean servedHere = leader || call.kind() == RpcCall.Kind.LOCAL || call.kind() == RpcCall.Kind.READ && r.allowStale();
            return servedHere ? draw(operation(call)) : draw(Operation.FORWARD);
        }
        return 0;
    }

    static Operation operation(RpcCall call) {
        if (call instanceof RpcCall.NodeUpdateStatus) {
            return Operation.HEARTBEAT;
        } else if (call instanceof RpcCall.NodeRegister) {
            return Operation.REGISTER;
        } else if (call instanceof RpcCall.NodeGetClientAllocs) {
            return Operation.GET_CLIENT_ALLOCS;
        } else if (call instanceof RpcCall.NodeUpdateAlloc) {
            return Operation.ALLOC_UPDATE;
        } else if (call.kind() == RpcCall.Kind.WRITE) {
            return Operation.WRITE;
        }
        return Operation.READ;
    }

    /** Applying a committed entry that writes {@code objects} state objects. */
    public long apply(int objects) {
        if (!modelled) {
            return 0;
        }
        long c = 0;
        for (int i = 0; i < objects; i++) {
            c += draw(Operation.FSM_APPLY_PER_OBJECT);
        }
        return c;
    }

    /** Writing a snapshot of {@code bytes} of state (the cost per MB, pro rata). */
    public long snapshot(long bytes) {
        if (!modelled) {
            return 0;
        }
        return Math.round(draw(Operation.SNAPSHOT_PER_MB) * (bytes / 1e6));
    }

    /** Scheduling one evaluation that places {@code placements} allocations. */
    public long schedule(int placements) {
        if (!modelled) {
            return 0;
        }
        long c = draw(Operation.SCHEDULE_PER_EVAL);
        for (int i = 0; i < placements; i++) {
            c += draw(Operation.SCHEDULE_PER_PLACEMENT);
        }
        return c;
    }
}
