package io.clustersim.model.deployment;

import io.clustersim.faults.FaultListener;
import io.clustersim.faults.NodeControls;
import io.clustersim.faults.RoleDirectory;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.pool.PoolSettings;
import io.clustersim.gossip.pool.SerfPool;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.model.topology.AgentPlacement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A protocol study: a plain Serf pool, members that run memberlist and Serf and nothing else,
 * starting pre-joined so that the run measures the steady state from time zero. Faults reach the
 * members through the pool, so that failure detection is timed from the moment of the crash and
 * a restarted member joins again through the seeds.
 *
 * @param members the pool's members and their places
 * @param gossip memberlist and Serf settings
 * @param agentStartup how long a restarted agent takes before it gossips and joins
 */
public record SerfPoolDeployment(List<AgentPlacement> members, GossipConfig gossip, Distribution agentStartup)
        implements Deployment {
    /** The role a plain member advertises in its tags. */
    public static final String ROLE_MEMBER = "member";

    public SerfPoolDeployment {
        members = List.copyOf(members);
        Objects.requireNonNull(gossip, "gossip");
        Objects.requireNonNull(agentStartup, "agentStartup");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a Serf pool needs at least one member");
        }
    }

    @Override
    public Running deploy(World world) {
        PoolSettings settings = new PoolSettings(gossip, (name, place) -> Tags.placed(ROLE_MEMBER, place), StartMode.PRE_JOINED, 1,
                Duration.ZERO, Duration.ofSeconds(30), agentStartup, null, List.of());
        SerfPool pool = new SerfPool(world, settings, members.size());
        for (AgentPlacement m : members) {
            pool.add(m.name(), m.placement());
        }
        pool.start();
        return new Running() {
            @Override
            public RoleDirectory roles() {
                return RoleDirectory.NONE;
            }

            @Override
            public NodeControls controls() {
                return new PoolControls(pool);
            }

            @Override
            public FaultListener faultListener() {
                // Slow processing reaches the kernel directly; the pool's metrics must hear of it.
                return new FaultListener() {
                    @Override
                    public void injected(ScheduledFault fault, List<Node> affected) {
                        affected.forEach(n -> pool.machineChanged(n.name()));
                    }

                    @Override
                    public void undone(ScheduledFault fault, List<Node> affected) {
                        affected.forEach(n -> pool.machineChanged(n.name()));
                    }
                };
            }

            @Override
            public void publish() {
                pool.metrics().publish(world.telemetry(), Labels.NONE);
            }
        };
    }

    /** The injector's crashes, restarts and pauses, done by the pool so its metrics note them. */
    private record PoolControls(SerfPool pool) implements NodeControls {
        @Override
        public void crash(Node node) {
            pool.crash(node.name());
        }

        @Override
        public void kill(Node node) {
            // A Serf member keeps nothing on disk: a killed process is a crashed one.
            pool.crash(node.name());
        }

        @Override
        public void start(Node node) {
            pool.restart(node.name());
        }

        @Override
        public void pause(Node node) {
            pool.pause(node.name());
        }

        @Override
        public void resume(Node node) {
            pool.resume(node.name());
        }
    }
}
