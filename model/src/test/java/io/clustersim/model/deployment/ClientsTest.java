package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.client.Fingerprint;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.server.ServerAgent;
import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Disconnect;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import io.clustersim.model.workload.JobSpec;
import io.clustersim.model.workload.Workload;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Clients register, heartbeat, run allocations, and are marked down and rescheduled when lost. */
class ClientsTest {
    static final long S = Deployments.S;

    static Job service(String id, int count) {
        TaskGroup g = new TaskGroup("web", count, 500, 512, List.of(), false, Disconnect.NONE, 0);
        return new Job(id, "default", "r1", JobType.SERVICE, 0, 4096, List.of(), List.of(g));
    }

    static NomadDeployment.Spec spec(int clientsPerZone, Workload w) {
        return new NomadDeployment.Spec(Deployments.topology(1, 3, 1, clientsPerZone), NomadServerConfig.defaults(),
                Deployments.disk(), ProbeConfig.defaults(),
                new ClientSettings(Fingerprint.defaults(), new TreeMap<>(), new Distribution.Constant(0)), w);
    }

    static StateStore leaderState(Run run) {
        return ((ServerAgent) run.world().node(run.leader()).process()).state();
    }

    @Test
    void when_clientsStart_then_theyRegisterBecomeReadyAndRunTheJob() {
        Run run = Deployments.start(61, spec(2, new Workload(List.of(new JobSpec(service("web", 6), 0, 0)), 20 * S)), List.of());
        run.until(90);
        StateStore s = leaderState(run);
        assertThat(s.nodes()).hasSize(6);
        assertThat(s.nodes().values()).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.READY));
        assertThat(s.allocsOfJob("web")).hasSize(6).allSatisfy(a -> assertThat(a.clientStatus()).isEqualTo(AllocClientStatus.RUNNING));
        // Anti-affinity spreads them: no node runs more than two of the six.
        assertThat(s.allocsOfJob("web").stream().map(Allocation::nodeName).distinct().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void when_aClientCrashes_then_itIsMarkedDownAfterItsTtlAndGraceAndItsAllocationsRunElsewhere() {
        Run run = Deployments.start(62, spec(2, new Workload(List.of(new JobSpec(service("web", 6), 0, 0)), 20 * S)),
                List.of(at(120, new Fault.Crash(new Target.Node("client-1")))));
        run.until(119);
        StateStore before = leaderState(run);
        long onIt = before.allocsOnNode("client-1").stream().filter(a -> !a.terminal()).count();
        run.until(200);
        StateStore s = leaderState(run);
        assertThat(s.node("client-1").status()).isEqualTo(NodeStatus.DOWN);
        // TTL in [10 s, 20 s) plus 10 s grace after its last heartbeat, which was at most a TTL before the crash.
        double downAt = s.node("client-1").statusUpdatedAtNanos() / 1e9;
        assertThat(downAt - 120).isBetween(0.0, 30.0);
        assertThat(s.allocsOfJob("web").stream().filter(a -> a.clientStatus() == AllocClientStatus.RUNNING)).hasSize(6);
        assertThat(run.count(NomadMetrics.NODES_MARKED_DOWN)).isEqualTo(1);
        assertThat(run.count(NomadMetrics.NODES_FALSELY_MARKED_DOWN)).isZero();
        assertThat(run.count(NomadMetrics.ALLOCATIONS_LOST)).isEqualTo(onIt);
        assertThat(run.count(NomadMetrics.ALLOCATIONS_RESCHEDULED)).isEqualTo(onIt);
    }
}
