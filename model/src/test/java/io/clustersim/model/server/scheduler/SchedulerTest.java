package io.clustersim.model.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.AllocDesiredStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Constraint;
import io.clustersim.model.structs.Disconnect;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.EvalTrigger;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The scheduler's rules on a hand-made state (nomad scheduler/generic_sched.go, scheduler_system.go, reconciler). */
class SchedulerTest {
    static final long S = 1_000_000_000L;
    final NomadStateMachine fsm = new NomadStateMachine(0);
    final Ids ids = new Ids("t");
    long index = 1;

    void apply(NomadCommand c) {
        fsm.apply(index++, c);
    }

    StateStore state() {
        return fsm.state();
    }

    static Node node(String name, String zone, NodeStatus status, boolean gpu) {
        TreeMap<String, String> attrs = new TreeMap<>();
        attrs.put("gpu", Boolean.toString(gpu));
        return new Node(name, "dc1", zone, "default", "general", 10_000, 16_000, attrs, status, 0);
    }

    static TaskGroup group(int count, int cpu, boolean spread, Disconnect d, Constraint... cs) {
        return new TaskGroup("g", count, cpu, 256, List.of(cs), spread, d, 0);
    }

    static Job job(String id, JobType type, TaskGroup g) {
        return new Job(id, "default", "r1", type, 0, 1024, List.of(), List.of(g));
    }

    Evaluation register(Job j) {
        Evaluation e = new Evaluation(ids.nextEval(), j.id(), EvalTrigger.JOB_REGISTER, null, EvalStatus.PENDING, 0);
        apply(new NomadCommand.JobRegister(j, e));
        return e;
    }

    Plan planAndApply(Evaluation e) {
        Plan p = Scheduler.plan(e, state(), 100 * S, RandomSource.XO_RO_SHI_RO_128_PP.create(3), ids);
        apply(new NomadCommand.PlanApply(p.outcome(), p.allocs(), List.of()));
        return p;
    }

    List<Allocation> live(String job) {
        return state().allocsOfJob(job).stream().filter(a -> !a.terminal()).toList();
    }

    void nodes(int perZone, String... zones) {
        for (String z : zones) {
            for (int i = 1; i <= perZone; i++) {
                apply(new NomadCommand.NodeRegister(node(z + "-n" + i, z, NodeStatus.READY, false)));
            }
        }
    }

    @Test
    void when_aServiceJobRegisters_then_itsCountIsPlacedAndSpreadOverZonesWhenAsked() {
        nodes(4, "a", "b", "c");
        Plan p = planAndApply(register(job("web", JobType.SERVICE, group(9, 1000, true, Disconnect.NONE))));
        assertThat(p.outcome().status()).isEqualTo(EvalStatus.COMPLETE);
        assertThat(live("web")).hasSize(9);
        TreeMap<String, Long> byZone = live("web").stream()
                .collect(Collectors.groupingBy(Allocation::zone, TreeMap::new, Collectors.counting()));
        assertThat(byZone).containsOnlyKeys("a", "b", "c").allSatisfy((zone, n) -> assertThat(n).isEqualTo(3L));
    }

    @Test
    void when_theNodesAreFull_then_theRestIsUnplacedAndTheEvaluationBlocked() {
        nodes(1, "a", "b");
        Plan p = planAndApply(register(job("big", JobType.SERVICE, group(5, 8_000, false, Disconnect.NONE))));
        assertThat(live("big")).hasSize(2);
        assertThat(p.unplaced()).isEqualTo(3);
        assertThat(p.outcome().status()).isEqualTo(EvalStatus.BLOCKED);
        assertThat(p.outcome().queuedAllocations()).isEqualTo(3);
    }

    @Test
    void when_aConstraintMatchesNoNode_then_nothingIsPlaced() {
        nodes(2, "a");
        Plan p = planAndApply(register(job("train", JobType.BATCH,
                group(1, 100, false, Disconnect.NONE, new Constraint("gpu", "true")))));
        assertThat(p.unplaced()).isEqualTo(1);
        apply(new NomadCommand.NodeRegister(node("gpu-1", "a", NodeStatus.READY, true)));
        Plan again = planAndApply(p.outcome().withStatus(EvalStatus.PENDING, 1));
        assertThat(again.unplaced()).isZero();
        assertThat(live("train")).singleElement().extracting(Allocation::nodeName).isEqualTo("gpu-1");
    }

    @Test
    void when_aNodeGoesDown_then_itsAllocationsAreLostAndReplacedElsewhere() {
        nodes(2, "a", "b");
        planAndApply(register(job("web", JobType.SERVICE, group(4, 1000, false, Disconnect.NONE))));
        String victim = live("web").get(0).nodeName();
        List<Allocation> onVictim = live("web").stream().filter(a -> a.nodeName().equals(victim)).toList();
        apply(new NomadCommand.NodeUpdateStatus(victim, NodeStatus.DOWN, 50 * S, List.of()));
        Evaluation e = NodeEvals.forNode(state(), victim, ids).get(0);
        Plan p = planAndApply(e);
        assertThat(live("web")).hasSize(4).noneMatch(a -> a.nodeName().equals(victim));
        for (Allocation old : onVictim) {
            assertThat(state().alloc(old.id()).clientStatus()).isEqualTo(AllocClientStatus.LOST);
            assertThat(live("web")).anyMatch(a -> old.id().equals(a.previousAllocation()));
        }
        assertThat(p.allocs()).allSatisfy(a -> assertThat(a.nodeName()).isIn(state().nodes().keySet()));
    }

    @Test
    void when_aNodeDisconnectsWithinLostAfter_then_itsAllocationsAreUnknownReplacedAndKeptWhenItReturns() {
        nodes(2, "a", "b");
        Disconnect d = new Disconnect(300 * S, 0, true);
        planAndApply(register(job("web", JobType.SERVICE, group(2, 1000, false, d))));
        Allocation original = live("web").get(0);
        apply(new NomadCommand.NodeUpdateStatus(original.nodeName(), NodeStatus.DISCONNECTED, 90 * S, List.of()));
        Plan p = planAndApply(NodeEvals.forNode(state(), original.nodeName(), ids).get(0));
        assertThat(state().alloc(original.id()).clientStatus()).isEqualTo(AllocClientStatus.UNKNOWN);
        assertThat(live("web")).anyMatch(a -> original.id().equals(a.previousAllocation()));
        // Looked at again when the window runs out (disconnected at 90 s, lost_after 300 s).
        assertThat(p.followUpAtNanos()).isEqualTo(390 * S);
        // Back in time: the original runs on, its replacement is stopped.
        apply(new NomadCommand.NodeUpdateStatus(original.nodeName(), NodeStatus.INITIALIZING, 120 * S, List.of()));
        planAndApply(NodeEvals.forNode(state(), original.nodeName(), ids).get(0));
        assertThat(state().alloc(original.id()).clientStatus()).isEqualTo(AllocClientStatus.RUNNING);
        assertThat(state().allocsOfJob("web")).filteredOn(a -> original.id().equals(a.previousAllocation()))
                .allSatisfy(a -> assertThat(a.desiredStatus()).isEqualTo(AllocDesiredStatus.STOP));
        assertThat(live("web")).hasSize(2);
    }

    @Test
    void when_theDisconnectWindowHasRunOut_then_theAllocationIsLost() {
        nodes(2, "a");
        planAndApply(register(job("web", JobType.SERVICE, group(1, 1000, false, new Disconnect(60 * S, 0, true)))));
        Allocation original = live("web").get(0);
        apply(new NomadCommand.NodeUpdateStatus(original.nodeName(), NodeStatus.DISCONNECTED, 10 * S, List.of()));
        planAndApply(NodeEvals.forNode(state(), original.nodeName(), ids).get(0)); // at 100 s: 90 s after
        assertThat(state().alloc(original.id()).clientStatus()).isEqualTo(AllocClientStatus.LOST);
    }

    @Test
    void when_aSystemJobRegisters_then_everyReadyFeasibleNodeGetsOne() {
        nodes(2, "a", "b");
        apply(new NomadCommand.NodeRegister(node("down-1", "a", NodeStatus.DOWN, false)));
        planAndApply(register(job("exporter", JobType.SYSTEM, group(0, 100, false, Disconnect.NONE))));
        assertThat(live("exporter")).hasSize(4).extracting(Allocation::nodeName).doesNotContain("down-1");
    }

    @Test
    void when_aBatchAllocationCompleted_then_itCountsAsDoneAndIsNotRunAgain() {
        nodes(2, "a");
        Evaluation e = register(job("etl", JobType.BATCH, group(2, 1000, false, Disconnect.NONE)));
        planAndApply(e);
        Allocation a = live("etl").get(0);
        apply(new NomadCommand.AllocClientUpdate(a.nodeName(),
                List.of(new NomadCommand.AllocClientUpdate.AllocUpdate(a.id(), AllocClientStatus.COMPLETE))));
        Plan p = planAndApply(new Evaluation(ids.nextEval(), "etl", EvalTrigger.NODE_UPDATE, null, EvalStatus.PENDING, 0));
        // One done, one still running: nothing new to place.
        assertThat(p.allocs()).isEmpty();
        assertThat(state().allocsOfJob("etl")).hasSize(2);
    }
}
