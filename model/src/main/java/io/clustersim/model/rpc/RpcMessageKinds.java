package io.clustersim.model.rpc;

import io.clustersim.kernel.network.MessageKinds;
import java.util.List;
import java.util.SortedSet;

/** The kinds of Nomad RPC messages a message fault may name: the two types, and requests by method. */
public final class RpcMessageKinds {
    /** Every RPC method the agents call, as {@link RpcCall#method()} names them. */
    public static final List<String> METHODS = List.of("Job.Register", "Job.GetJob", "ACL.UpsertPolicies",
            "ACL.ListPolicies", "Status.Peers", "Status.RaftStats", "Agent.ForceLeave", "Node.Register",
            "Node.UpdateStatus", "Node.UpdateAlloc", "Node.GetClientAllocs");

    private RpcMessageKinds() {}

    public static SortedSet<String> all() {
        return MessageKinds.of(RpcMessage.class, METHODS.stream().map(m -> "RpcRequest:" + m).toArray(String[]::new));
    }
}
