package io.clustersim.kernel;

import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.event.Simulation;
import io.clustersim.kernel.network.Network;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.random.RandomStreams;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One simulated world: the clock and event loop, the random stream tree, the trace, the network
 * and the nodes. Everything a run touches hangs off one instance, so runs never share state.
 */
public final class World {
    private final Simulation simulation = new Simulation();
    private final RandomStreams streams;
    private final Trace trace;
    private final Network network;
    private final Telemetry telemetry = new Telemetry(this::now);
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new LinkedHashMap<>();

    public World(long seed, NetworkConfig networkConfig) {
        this(seed, networkConfig, new Trace());
    }

    public World(long seed, NetworkConfig networkConfig, Trace trace) {
        this.streams = RandomStreams.root(seed);
        this.trace = trace;
        this.network = new Network(this, networkConfig);
    }

    /** Adds a node (not yet started). Node names must be unique. */
    public Node addNode(String name, Placement placement, DiskConfig disk, Supplier<? extends Process> process) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("duplicate node name " + name);
        }
        Node n = new Node(this, new NodeId(nodes.size(), name), placement, Disk.factory(disk), process);
        nodes.add(n);
        byName.put(name, n);
        return n;
    }

    public long now() {
        return simulation.now();
    }

    public Simulation simulation() {
        return simulation;
    }

    public RandomStreams streams() {
        return streams;
    }

    public Trace trace() {
        return trace;
    }

    public Network network() {
        return network;
    }

    /** The run's measurements, recorded against virtual time. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** All nodes, in the order they were added. */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public Node node(NodeId id) {
        return nodes.get(id.index());
    }

    /** The node called {@code name}, or null. */
    public Node node(String name) {
        return byName.get(name);
    }
}
