package io.clustersim.model.server.scheduler;

import static io.clustersim.model.structs.NodeStatus.DISCONNECTED;
import static io.clustersim.model.structs.NodeStatus.DOWN;
import static io.clustersim.model.structs.NodeStatus.INITIALIZING;
import static io.clustersim.model.structs.NodeStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which node status changes create evaluations (nomad node_endpoint.go nodeStatusTransitionRequiresEval). */
class NodeEvalsTest {
    @Test
    void transitionsThatNeedEvaluations() {
        assertThat(NodeEvals.required(READY, DOWN)).isTrue();
        assertThat(NodeEvals.required(INITIALIZING, DOWN)).isTrue();
        assertThat(NodeEvals.required(INITIALIZING, READY)).isTrue();
        assertThat(NodeEvals.required(DOWN, READY)).isTrue();
        assertThat(NodeEvals.required(READY, DISCONNECTED)).isTrue();
        assertThat(NodeEvals.required(DISCONNECTED, INITIALIZING)).isTrue();
        assertThat(NodeEvals.required(DISCONNECTED, READY)).isTrue();
    }

    @Test
    void transitionsThatDoNot() {
        assertThat(NodeEvals.required(READY, READY)).isFalse();
        assertThat(NodeEvals.required(READY, INITIALIZING)).isFalse();
        assertThat(NodeEvals.required(DOWN, INITIALIZING)).isFalse();
        assertThat(NodeEvals.required(DOWN, DOWN)).isFalse();
    }
}
