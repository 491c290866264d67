package io.clustersim.model.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.Fault;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.faults.TargetResolver;
import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.pool.GossipMetricNames;
import io.clustersim.kernel.World;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.metrics.RaftMetricNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol-study deployments: a plain Serf pool and a bare Raft cluster on a given World. */
class StudyDeploymentsTest {
    static final long S = 1_000_000_000L;

    static List<AgentPlacement> agents(String prefix, int n, Role role) {
        List<AgentPlacement> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new AgentPlacement(prefix + i, role, new Placement("global", "dc1", "z" + (i % 3 + 1))));
        }
        return out;
    }

    static Running deployWithFaults(World world, Deployment d, List<ScheduledFault> faults) {
        Running running = d.deploy(world);
        new FailureInjector(world, TargetResolver.of(world, running.roles()), running.controls(), FaultListener.NONE)
                .install(faults);
        return running;
    }

    @Test
    void when_aPoolMemberCrashesThroughTheInjector_then_thePoolTimesItsDetectionFromTheCrash() {
        World world = Deployments.world(3);
        SerfPoolDeployment pool = new SerfPoolDeployment(agents("m", 10, Role.SERF_MEMBER), GossipConfig.lan(),
                new Distribution.Constant(0));
        Running running = deployWithFaults(world, pool,
                List.of(new ScheduledFault(60 * S, new Fault.Crash(new Target.Node("m4")), 0)));
        world.simulation().runUntil(120 * S);
        running.publish();
        double[] first = world.telemetry().samples(GossipMetricNames.FAILURE_DETECTION_FIRST_SECONDS, Labels.NONE).values();
        // LAN profile, 10 members: a probe round (1 s) plus the minimum suspicion timeout (4 s) at
        // least, the maximum (24 s) plus a few rounds at most.
        assertThat(first).hasSize(1);
        assertThat(first[0]).isBetween(4.0, 30.0);
        assertThat(world.telemetry().counter(GossipMetricNames.FALSE_FAILURES, Labels.NONE).value()).isZero();
    }

    @Test
    void when_theBareClustersLeaderCrashes_then_anotherIsElectedAndWritesGoOn() {
        World world = Deployments.world(5);
        RaftClusterDeployment raft = new RaftClusterDeployment(agents("s", 3, Role.SERVER), RaftConfig.hashicorp(),
                Deployments.disk(), agents("c", 1, Role.CLIENT), 20, 256);
        Running running = deployWithFaults(world, raft,
                List.of(new ScheduledFault(30 * S, new Fault.Crash(new Target.Leader()), 30 * S)));
        world.simulation().runUntil(90 * S);
        running.publish();
        Labels l = RaftClusterDeployment.LABELS;
        assertThat(world.telemetry().counter(RaftMetricNames.LEADER_CHANGES, l).value()).isEqualTo(1);
        double[] recover = world.telemetry().samples(RaftMetricNames.TIME_TO_RECOVER_SECONDS, l).values();
        assertThat(recover).hasSize(1);
        // hashicorp defaults: noticed within [1 s, 3 s) of the last contact, then two quick rounds.
        assertThat(recover[0]).isBetween(1.0, 3.5);
        assertThat(world.telemetry().counter(RaftMetricNames.WRITES_SUCCEEDED, l).value()).isGreaterThan(1000);
        assertThat(world.telemetry().counter(RaftMetricNames.INVARIANT_VIOLATIONS, l).value()).isZero();
    }
}
