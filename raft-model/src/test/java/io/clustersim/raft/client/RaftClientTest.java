package io.clustersim.raft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.ClientWrite;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.port.RaftTimers;
import io.clustersim.raft.testing.ZeroRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftClientTest {
    static final NodeId S1 = new NodeId(1, "s1");
    static final NodeId S2 = new NodeId(2, "s2");
    static final NodeId S3 = new NodeId(3, "s3");

    record Sent(NodeId to, Message m) {}

    final List<Sent> sent = new ArrayList<>();
    final List<ClientOutcome> outcomes = new ArrayList<>();
    final List<Runnable> timers = new ArrayList<>();
    long now;

    RaftClient client() {
        RaftTimers t = new RaftTimers() {
            @Override
            public long now() {
                return now;
            }

            @Override
            public RaftTimer set(String name, long delayNanos, Runnable action) {
                boolean[] cancelled = {false};
                timers.add(() -> {
                    if (!cancelled[0]) {
                        action.run();
                    }
                });
                return () -> cancelled[0] = true;
            }
        };
        return new RaftClient("c", List.of(S1, S2, S3), ClientConfig.defaults(), (to, m) -> sent.add(new Sent(to, m)),
                t, new ZeroRandom(), outcomes::add);
    }

    RequestId lastId() {
        return ((ClientWrite) sent.get(sent.size() - 1).m()).requestId();
    }

    @Test
    void when_redirected_then_itResendsToTheHintedLeaderAndReportsLatency() {
        RaftClient c = client();
        c.write(new Command("k", "v", 10));
        assertThat(sent.get(0).to()).isEqualTo(S1);
        RequestId id = lastId();
        c.handle(S1, ClientResponse.of(id, ClientStatus.NOT_LEADER, S3));
        assertThat(sent.get(1).to()).isEqualTo(S3);
        now = 7_000_000;
        c.handle(S3, new ClientResponse(id, ClientStatus.OK, S3, 5, 2, null));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.attempts()).isEqualTo(2);
            assertThat(o.latencyMillis()).isEqualTo(7.0);
            assertThat(o.index()).isEqualTo(5);
        });
        assertThat(c.knownLeader()).isEqualTo(S3);
        c.write(new Command("k", "w", 10));
        assertThat(sent.get(2).to()).isEqualTo(S3);
    }

    @Test
    void when_attemptTimesOut_then_itTriesTheNextServer() {
        RaftClient c = client();
        c.write(new Command("k", "v", 10));
        timers.get(0).run();
        assertThat(sent).extracting(Sent::to).containsExactly(S1, S2);
        assertThat(c.inFlight()).isEqualTo(1);
    }

    @Test
    void when_noLeaderIsKnown_then_itBacksOffBeforeRetrying() {
        RaftClient c = client();
        c.write(new Command("k", "v", 10));
        c.handle(S1, ClientResponse.of(lastId(), ClientStatus.NO_LEADER, null));
        assertThat(sent).hasSize(1);
        timers.get(timers.size() - 1).run();
        assertThat(sent).hasSize(2);
        // A repeated refusal (e.g. a duplicated message) does not start another retry.
        c.handle(S1, ClientResponse.of(lastId(), ClientStatus.NO_LEADER, null));
        assertThat(sent).hasSize(2);
    }

    @Test
    void when_attemptsRunOut_then_theRequestFails() {
        RaftClient c = client();
        c.write(new Command("k", "v", 10));
        for (int i = 0; i < 30 && c.inFlight() > 0; i++) {
            timers.get(timers.size() - 1).run();
        }
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.attempts()).isEqualTo(ClientConfig.defaults().maxAttempts());
        });
    }
}
