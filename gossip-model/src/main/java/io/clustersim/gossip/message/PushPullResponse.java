package io.clustersim.gossip.message;

import java.util.List;

/** The receiver's side of a push-pull: its member list (and Serf state) as it was before merging. */
public record PushPullResponse(long exchange, List<PushNodeState> nodes, UserState userState) implements StreamMessage {
    public PushPullResponse {
        nodes = List.copyOf(nodes);
    }

    @Override
    public int sizeBytes() {
        return stateBytes(nodes, userState) + 8;
    }

    static int stateBytes(List<PushNodeState> nodes, UserState userState) {
        int n = 12;
        for (PushNodeState s : nodes) {
            n += s.sizeBytes();
        }
        return n + (userState == null ? 0 : userState.sizeBytes());
    }
}
