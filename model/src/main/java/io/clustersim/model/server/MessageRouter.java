package io.clustersim.model.server;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Routes an agent's incoming messages to its subsystems by message family (Raft's, gossip's,
 * RPC's): each subsystem registers the sealed interface of its messages once, and a message goes
 * to the first family it belongs to. The lookup per message class is cached.
 */
public final class MessageRouter {
    private record Route(Class<?> family, BiConsumer<NodeId, Message> handler) {}

    private final List<Route> routes = new ArrayList<>();
    /**
     * The handler of each message class seen so far. A per-agent map, not a {@code ClassValue}: a
     * class value's entries live as long as the message class, and each would hold its agent, and
     * with it a whole finished World, for the rest of the JVM's life.
     */
    private final Map<Class<?>, BiConsumer<NodeId, Message>> byClass = new LinkedHashMap<>();

    private BiConsumer<NodeId, Message> handlerOf(Class<?> type) {
        for (Route r : routes) {
            if (r.family().isAssignableFrom(type)) {
                return r.handler();
            }
        }
        return (from, m) -> {
            // A message of no family this agent speaks: dropped, as an unknown RPC would be.
        };
    }

    /** Sends every message of {@code family} to {@code handler}. Register all families before routing. */
    @SuppressWarnings("unchecked")
    public <M extends Message> MessageRouter route(Class<M> family, BiConsumer<NodeId, ? super M> handler) {
        routes.add(new Route(family, (from, m) -> ((BiConsumer<NodeId, M>) handler).accept(from, (M) m)));
        return this;
    }

    public void deliver(NodeId from, Message message) {
        BiConsumer<NodeId, Message> handler = byClass.get(message.getClass());
        if (handler == null) {
            handler = handlerOf(message.getClass());
            byClass.put(message.getClass(), handler);
        }
        handler.accept(from, message);
    }
}
