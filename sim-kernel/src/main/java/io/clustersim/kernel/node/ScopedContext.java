package io.clustersim.kernel.node;

import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One subsystem's view of a node shared by several (a Nomad server runs Raft, Serf, heartbeats and
 * autopilot on one node): timer and random-stream names get the subsystem's prefix, so their
 * traces read apart and one subsystem's draws never shift another's.
 */
public final class ScopedContext implements NodeContext {
    private final NodeContext parent;
    private final String prefix;
    /**
     * Timer names with the prefix, made once each: a subsystem sets the same few timers again and
     * again, and a name built each time is a new string the trace must hash again.
     */
    private final Map<String, String> timerNames = new LinkedHashMap<>();

    public ScopedContext(NodeContext parent, String scope) {
        this.parent = Objects.requireNonNull(parent, "parent");
        if (scope.isEmpty() || scope.contains("/")) {
            throw new IllegalArgumentException("a scope is one non-empty name without '/', got '" + scope + "'");
        }
        this.prefix = scope + "/";
    }

    @Override
    public NodeId self() {
        return parent.self();
    }

    @Override
    public long now() {
        return parent.now();
    }

    @Override
    public void send(NodeId to, Message message, Delivery delivery) {
        parent.send(to, message, delivery);
    }

    @Override
    public Timer setTimer(String name, long delayNanos, Runnable action) {
        String scoped = timerNames.get(name);
        if (scoped == null) {
            scoped = prefix + name;
            timerNames.put(name, scoped);
        }
        return parent.setTimer(scoped, delayNanos, action);
    }

    @Override
    public void compute(long costNanos, Runnable effects) {
        parent.compute(costNanos, effects);
    }

    @Override
    public UniformRandomProvider random(String name) {
        return parent.random(prefix + name);
    }

    @Override
    public Disk disk() {
        return parent.disk();
    }

    @Override
    public void exit() {
        parent.exit();
    }
}
