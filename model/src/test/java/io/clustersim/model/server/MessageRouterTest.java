package io.clustersim.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRouterTest {
    sealed interface Raft extends Message permits Vote, Append {}

    record Vote(long term) implements Raft {}

    record Append(long term) implements Raft {}

    record Ping() implements Message {}

    record Stray() implements Message {}

    private static final NodeId FROM = new NodeId(1, "server-1");

    @Test
    void when_messagesArrive_then_eachGoesToTheFirstFamilyItBelongsToAndStraysAreDropped() {
        List<String> seen = new ArrayList<>();
        MessageRouter router = new MessageRouter().route(Raft.class, (from, m) -> seen.add("raft " + m))
                .route(Message.class, (from, m) -> seen.add("any " + m.getClass().getSimpleName()));
        router.deliver(FROM, new Vote(3));
        router.deliver(FROM, new Append(3));
        router.deliver(FROM, new Ping());
        router.deliver(FROM, new Vote(4));
        assertThat(seen).containsExactly("raft Vote[term=3]", "raft Append[term=3]", "any Ping", "raft Vote[term=4]");

        List<String> none = new ArrayList<>();
        MessageRouter raftOnly = new MessageRouter().route(Raft.class, (from, m) -> none.add(m.toString()));
        raftOnly.deliver(FROM, new Stray());
        assertThat(none).isEmpty();
    }

    /**
     * A finished simulation must be collectable: a router's cache (once a per-instance ClassValue)
     * held every agent, and with it its whole World, for as long as the message classes lived.
     */
    @Test
    void when_aRouterIsDropped_then_itAndWhatItsHandlersHoldAreCollected() throws InterruptedException {
        List<WeakReference<?>> refs = routerThatDelivered();
        for (int i = 0; i < 50 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(refs.get(0).get()).as("the router").isNull();
        assertThat(refs.get(1).get()).as("what its handler held").isNull();
    }

    /** A router that routed a message, with a handler holding a megabyte; only weak references come back. */
    private static List<WeakReference<?>> routerThatDelivered() {
        byte[] payload = new byte[1 << 20];
        MessageRouter router = new MessageRouter().route(Raft.class, (from, m) -> payload.clone());
        router.deliver(FROM, new Vote(1));
        return List.of(new WeakReference<>(router), new WeakReference<>(payload));
    }
}
