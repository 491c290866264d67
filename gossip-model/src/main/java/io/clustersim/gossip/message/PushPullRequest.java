package io.clustersim.gossip.message;

import java.util.List;

/**
 * Opens a full state exchange: the initiator's member list (and Serf state). {@code join} marks
 * the exchange a join. The receiver answers with its own state before merging.
 *
 * @param userState the Serf layer's state, or null when memberlist runs without one
 */
public record PushPullRequest(long exchange, boolean join, List<PushNodeState> nodes, UserState userState)
        implements StreamMessage {
    public PushPullRequest {
        nodes = List.copyOf(nodes);
    }

    @Override
    public int sizeBytes() {
        return PushPullResponse.stateBytes(nodes, userState) + 9;
    }
}
