package io.clustersim.model.server;

import io.clustersim.gossip.serf.Member;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.Configuration;
import java.util.ArrayList;
import java.util.List;

/**
 * bootstrap_expect (nomad {@code nomad/serf.go} maybeBootstrap): on every member join, a server
 * with no Raft state counts the region's voting servers Serf knows; once there are as many as
 * expected (and none expects a different number) it asks each of them for its Raft peers
 * (Status.Peers, up to 6 tries with back-off 1, 2, 4, ... s). If any already has peers, a
 * cluster exists and it waits to be added; otherwise it bootstraps Raft with all of them as
 * voters, once.
 */
final class Bootstrapper {
    /** nomad maxPeerRetries and peerRetryBase. */
    static final int MAX_PEER_RETRIES = 6;
    static final long PEER_RETRY_BASE_NANOS = 1_000_000_000L;
    static final long PEER_QUERY_TIMEOUT_NANOS = 2_000_000_000L;

    private final ServerIdentity self;
    private final int expect;
    private final NodeContext ctx;
    private final RaftServer raft;
    private final ServerPeers peers;
    private final RpcCaller caller;
    private boolean done;
    private boolean querying;

    Bootstrapper(ServerIdentity self, int expect, NodeContext ctx, RaftServer raft, ServerPeers peers, RpcCaller caller) {
        this.self = self;
        this.expect = expect;
        this.ctx = ctx;
        this.raft = raft;
        this.peers = peers;
        this.caller = caller;
    }

    /** A member joined (or the agent started): bootstrap if it is time. */
    void maybeBootstrap() {
        if (done || querying) {
            return;
        }
        if (expect <= 0 || raft.hasState()) {
            done = true; // restarted with state, or joined: nothing to bootstrap
            return;
        }
        List<Member> servers = new ArrayList<>();
        for (Member m : peers.aliveInRegion(self.region())) {
            if (m.tag(ServerTags.NON_VOTER) != null) {
                continue;
            }
            String theirs = m.tag(ServerTags.EXPECT);
            if (theirs != null && !theirs.equals(Integer.toString(expect))) {
                return; // conflicting bootstrap_expect: nomad refuses to bootstrap
            }
            servers.add(m);
        }
        if (servers.size() < expect) {
            return;
        }
        querying = true;
        askPeers(servers, 0, 0);
    }

    /** nomad asks the servers one after another, each up to MAX_PEER_RETRIES times. */
    private void askPeers(List<Member> servers, int i, int attempt) {
        if (raft.hasState()) {
            done = true;
            return;
        }
        if (i == servers.size()) {
            List<NodeId> voters = new ArrayList<>();
            servers.forEach(m -> voters.add(m.address()));
            raft.bootstrap(Configuration.ofVoters(voters));
            done = true;
            return;
        }
        Member m = servers.get(i);
        if (m.address().equals(self.node())) {
            askPeers(servers, i + 1, 0);
            return;
        }
        caller.call(m.address(), self.region(), new RpcCall.StatusPeers(), false, PEER_QUERY_TIMEOUT_NANOS, r -> {
            if (r.ok()) {
                if (!((List<?>) r.result()).isEmpty()) {
                    done = true; // a cluster exists already: wait to be added to it
                    return;
                }
                askPeers(servers, i + 1, 0);
            } else if (attempt + 1 < MAX_PEER_RETRIES) {
                ctx.setTimer("bootstrap.retry", (1L << attempt) * PEER_RETRY_BASE_NANOS, () -> askPeers(servers, i, attempt + 1));
            } else {
                askPeers(servers, i + 1, 0); // nomad moves on after the last retry fails
            }
        });
    }
}
