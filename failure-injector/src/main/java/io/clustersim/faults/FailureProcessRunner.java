package io.clustersim.faults;

import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.random.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs one {@link Fault.FailureProcess}: each unit (a node, the nodes of a zone, or of a region)
 * alternates between up for a drawn time to failure and down (crashed) for a drawn time to
 * repair. Draws come from the process's own stream, unit by unit in name order.
 */
final class FailureProcessRunner {
    private final World world;
    private final NodeControls controls;
    private final Fault.FailureProcess spec;
    private final Map<String, List<Node>> units = new TreeMap<>();
    private final Sampler toFailure;
    private final Sampler toRepair;
    private final BiConsumer<String, List<Node>> note;
    private final long endNanos;
    private int down;

    FailureProcessRunner(World world, NodeControls controls, List<Node> population, Fault.FailureProcess spec,
            UniformRandomProvider rng, BiConsumer<String, List<Node>> note, long endNanos) {
        this.world = world;
        this.controls = controls;
        this.spec = spec;
        this.toFailure = spec.timeToFailure().sampler(rng);
        this.toRepair = spec.timeToRepair().sampler(rng);
        this.note = note;
        this.endNanos = endNanos;
        for (Node n : population) {
            String unit = switch (spec.scope()) {
                case NODE -> n.name();
                case ZONE -> n.placement().zone();
                case REGION -> n.placement().region();
            };
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(n);
        }
    }

    /** Schedules every unit's first failure; returns the population. */
    List<Node> start() {
        List<Node> all = new ArrayList<>();
        for (Map.Entry<String, List<Node>> u : units.entrySet()) {
            all.addAll(u.getValue());
            scheduleFailure(u.getKey());
        }
        return all;
    }

    private void scheduleFailure(String unit) {
        long at = world.now() + Math.max(1, toFailure.sampleNanos());
        if (at < endNanos) {
            world.simulation().scheduleAt(at, () -> fail(unit));
        }
    }

    private void fail(String unit) {
        if (spec.maxConcurrent() > 0 && down >= spec.maxConcurrent()) {
            scheduleFailure(unit);
            return;
        }
        List<Node> hit = new ArrayList<>();
        for (Node n : units.get(unit)) {
            if (n.state() != NodeState.DOWN) {
                controls.crash(n);
                hit.add(n);
            }
        }
        down++;
        note.accept("random failure of " + unit, hit);
        world.simulation().schedule(Math.max(1, toRepair.sampleNanos()), () -> repair(unit, hit));
    }

    private void repair(String unit, List<Node> hit) {
        for (Node n : hit) {
            if (n.state() == NodeState.DOWN) {
                controls.start(n);
            }
        }
        down--;
        note.accept("repair of " + unit, hit);
        scheduleFailure(unit);
    }
}
