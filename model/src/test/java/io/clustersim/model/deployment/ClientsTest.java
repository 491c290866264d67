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
    void when_aJobArrivesAfterTheClientsStart_then_everyClientLearnsOfItsAllocationsWithinSeconds() {
        // A client's first allocation query (consistent, from index 0) is answered at once, and
        // the blocking queries after it wait at the client's own server for the placement; a
        // forwarded query is not cut off by the forwarder's I/O deadline while the leader holds it.
        Run run = Deployments.start(63, spec(2, new Workload(List.of(new JobSpec(service("web", 6), 0, 0)), 40 * S)),
                List.of());
        run.until(39);
        assertThat(leaderState(run).allocsOfJob("web")).isEmpty();
        run.until(50);
        assertThat(leaderState(run).allocsOfJob("web")).hasSize(6)
                .allSatisfy(a -> assertThat(a.clientStatus()).isEqualTo(AllocClientStatus.RUNNING));
        // No client gave up on a server, so each still calls the one its list put first.
        assertThat(run.world().nodes().stream().filter(n -> n.name().startsWith("client-"))
                .map(n -> client(run, n.name()).servers().get(0)).distinct().count()).isGreaterThan(1);
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

    static Job withDisconnect(String id, int count, Disconnect d) {
        TaskGroup g = new TaskGroup("web", count, 500, 512, List.of(), false, d, 0);
        return new Job(id, "default", "r1", JobType.SERVICE, 0, 4096, List.of(), List.of(g));
    }

    static io.clustersim.model.client.ClientAgent client(Run run, String name) {
        return (io.clustersim.model.client.ClientAgent) run.world().node(name).process();
    }

    static NomadDeployment.Spec spec(int clientsPerZone, Workload w, io.clustersim.model.server.heartbeat.HeartbeatSettings h) {
        NomadDeployment.Spec base = spec(clientsPerZone, w);
        return new NomadDeployment.Spec(base.topology(), base.server().withHeartbeat(h), base.disk(), base.probes(),
                base.clients(), w);
    }

    static Fault.Partition cutOff(String client) {
        return new Fault.Partition(List.of(List.of(client), List.of("server-1", "server-2", "server-3")));
    }

    @Test
    void when_aClientWithDisconnectableAllocationsIsCutOff_then_itIsDisconnectedNotDownAndComesBackInitializingThenReady() {
        Job web = withDisconnect("web", 6, new Disconnect(600 * S, 0, true));
        Run run = Deployments.start(63, spec(2, new Workload(List.of(new JobSpec(web, 0, 0)), 20 * S)),
                List.of(at(120, cutOff("client-1"), 120)));
        run.until(119);
        List<String> onIt = leaderState(run).allocsOnNode("client-1").stream().filter(a -> !a.terminal()).map(Allocation::id).toList();
        assertThat(onIt).isNotEmpty();
        run.until(200);
        StateStore s = leaderState(run);
        assertThat(s.node("client-1").status()).isEqualTo(NodeStatus.DISCONNECTED);
        assertThat(onIt).allSatisfy(id -> assertThat(s.alloc(id).clientStatus()).isEqualTo(AllocClientStatus.UNKNOWN));
        assertThat(run.count(NomadMetrics.NODES_DISCONNECTED)).isEqualTo(1);
        assertThat(run.count(NomadMetrics.NODES_MARKED_DOWN)).isZero();
        // Replacements run elsewhere meanwhile (replace = true).
        assertThat(s.allocsOfJob("web").stream().filter(a -> a.clientStatus() == AllocClientStatus.RUNNING)).hasSize(6);
        // Healed at 4m: the next heartbeat brings it back initializing, the one after ready; the
        // originals run on and their replacements stop.
        run.until(300);
        StateStore after = leaderState(run);
        assertThat(after.node("client-1").status()).isEqualTo(NodeStatus.READY);
        assertThat(onIt).allSatisfy(id -> assertThat(after.alloc(id).clientStatus()).isEqualTo(AllocClientStatus.RUNNING));
        assertThat(after.allocsOfJob("web").stream().filter(a -> !a.terminal())).hasSize(6);
    }

    @Test
    void when_aGroupSaysStopOnClientAfter_then_theCutOffClientStopsItsAllocationsItself() {
        Job web = withDisconnect("web", 6, new Disconnect(0, 30 * S, true));
        Run run = Deployments.start(64, spec(2, new Workload(List.of(new JobSpec(web, 0, 0)), 20 * S)),
                List.of(at(120, cutOff("client-1"))));
        run.until(119);
        assertThat(client(run, "client-1").runningAllocations()).isNotEmpty();
        long lastOk = client(run, "client-1").lastHeartbeatOkNanos();
        run.until(lastOk / S + 25);
        assertThat(client(run, "client-1").runningAllocations()).isNotEmpty();
        // 30 s after its last good heartbeat, at its next failed heartbeat check (they come every 1 to 2 s then).
        run.until(lastOk / S + 35);
        assertThat(client(run, "client-1").runningAllocations()).isEmpty();
    }

    @Test
    void when_aDownNodeIsCollectedWhileCutOff_then_itRegistersAgainWhenItIsBack() {
        io.clustersim.model.server.heartbeat.HeartbeatSettings d = io.clustersim.model.server.heartbeat.HeartbeatSettings.defaults();
        var quickGc = new io.clustersim.model.server.heartbeat.HeartbeatSettings(d.minHeartbeatTtl(), d.maxHeartbeatsPerSecond(),
                d.heartbeatGrace(), d.failoverHeartbeatTtl(), java.time.Duration.ofMinutes(10), d.nodeGcInterval());
        Run run = Deployments.start(65, spec(2, new Workload(List.of(new JobSpec(service("web", 6), 0, 0)), 20 * S), quickGc),
                List.of(at(120, cutOff("client-1"), 1200)));
        run.until(119 + 10 * 60 + 6 * 60);
        // Down since about 2m15s, collected on the first 5-minute GC pass 10 minutes later.
        assertThat(leaderState(run).node("client-1")).isNull();
        assertThat(run.count(NomadMetrics.NODES_GARBAGE_COLLECTED)).isEqualTo(1);
        run.until(1320 + 120);
        // Healed at 22m: its heartbeat finds no node, so it registers again and becomes ready.
        assertThat(leaderState(run).node("client-1")).isNotNull().extracting(io.clustersim.model.structs.Node::status)
                .isEqualTo(NodeStatus.READY);
    }

    @Test
    void when_aDownClientComesBack_then_itIsReadyAgainAndTakesWorkAgain() {
        Run run = Deployments.start(66, spec(2, new Workload(List.of(new JobSpec(service("web", 6), 0, 0)), 20 * S)),
                List.of(at(120, new Fault.Crash(new Target.Node("client-2")), 120)));
        run.until(200);
        assertThat(leaderState(run).node("client-2").status()).isEqualTo(NodeStatus.DOWN);
        run.until(300);
        assertThat(leaderState(run).node("client-2").status()).isEqualTo(NodeStatus.READY);
        assertThat(run.count(NomadMetrics.NODES_FALSELY_MARKED_DOWN)).isZero();
    }
}
